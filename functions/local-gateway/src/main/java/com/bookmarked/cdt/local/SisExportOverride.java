package com.bookmarked.cdt.local;

import com.bookmarked.cdt.connector.oneroster.OneRosterCsvReader;
import com.bookmarked.cdt.connector.oneroster.OneRosterCsvSnapshotProvider;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.run.SnapshotProvider;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

/**
 * {@code cdt run TOOL --customer C --sis oneroster-csv:PATH}: the SIS side of this one run is read
 * from PATH by the OneRoster CSV connector, ahead of whatever the customer's settings name. Only
 * the CLI sets the property; the customer's stored settings are untouched. {@link SisExportCache}
 * keeps the snapshot cache keyed by PATH, so that such a run neither reuses nor leaves behind a
 * snapshot under the customer's own SIS location.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
@Requires(property = SisExportOverride.PROPERTY)
final class SisExportOverride implements SnapshotProvider {

    static final String PROPERTY = "cdt.cli.sis-export";

    private final OneRosterCsvSnapshotProvider csv;
    private final String location;

    SisExportOverride(OneRosterCsvSnapshotProvider csv, @Value("${" + PROPERTY + "}") String location) {
        this.csv = csv;
        this.location = location;
    }

    @Override
    public boolean serves(Customer customer, SnapshotSide side) {
        return side == SnapshotSide.SIS;
    }

    @Override
    public RosterSnapshot fetch(Customer customer, SnapshotSide side, Progress progress) {
        return csv.fetch(onExport(customer, location), side, progress);
    }

    /** The customer as this run sees it: its settings, with the SIS at the given export. */
    static Customer onExport(Customer customer, String location) {
        CustomerSettings s = customer.settings();
        return new Customer(customer.id(), customer.name(), new CustomerSettings(
                new CustomerSettings.Sis(OneRosterCsvReader.SOURCE, location, null), s.ours(), s.snapshotTtlMinutes()),
                customer.updatedAt());
    }
}
