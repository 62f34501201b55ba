package com.bookmarked.cdt.core.run;

import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotMeta;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Empty snapshots for the scripted tool; a customer whose SIS location is "unreachable" fails,
 * and ClassLink customers are not served at all (no connector for them here).
 */
@Singleton
@Requires(property = "cdt.test.scripted-tool", value = "true")
public class FakeSnapshotProvider implements SnapshotProvider {

    /** Fetches per customer id, so that tests can see when the snapshot cache spared one. */
    static final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> FETCHES =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public boolean serves(Customer customer, SnapshotSide side) {
        return !(side == SnapshotSide.SIS && "classlink".equals(customer.settings().sis().type()));
    }

    @Override
    public RosterSnapshot fetch(Customer customer, SnapshotSide side, Progress progress) {
        if (side == SnapshotSide.SIS && "unreachable".equals(customer.settings().sis().location())) {
            throw new UserFacingException("The SIS server did not answer. Check the customer's SIS location.");
        }
        FETCHES.computeIfAbsent(customer.id(), id -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        progress.report(side == SnapshotSide.SIS ? "Reading users.csv" : "Reading students", 50);
        return RosterSnapshot.builder(new SnapshotMeta(customer.id(), side, "fake", Instant.now(), null)).build();
    }
}
