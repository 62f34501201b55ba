package com.bookmarked.cdt.local;

import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.snapshot.cache.SnapshotCache;
import com.bookmarked.cdt.core.snapshot.cache.SnapshotStore;
import com.bookmarked.cdt.core.tool.Progress;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.function.Supplier;

/**
 * With {@link SisExportOverride}: the cache sees the customer with its SIS at the given export, so
 * the SIS snapshot is cached under that export's key, not under the customer's own location.
 */
@Singleton
@Replaces(SnapshotCache.class)
@Requires(property = SisExportOverride.PROPERTY)
final class SisExportCache extends SnapshotCache {

    private final String location;

    SisExportCache(SnapshotStore store, @Value("${" + SisExportOverride.PROPERTY + "}") String location) {
        super(store);
        this.location = location;
    }

    @Override
    public RosterSnapshot get(Customer customer, SnapshotSide side, Progress progress, Supplier<RosterSnapshot> fetch) {
        return super.get(side == SnapshotSide.SIS ? SisExportOverride.onExport(customer, location) : customer, side, progress,
                fetch);
    }
}
