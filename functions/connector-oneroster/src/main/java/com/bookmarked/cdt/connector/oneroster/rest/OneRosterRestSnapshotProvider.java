package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.run.SnapshotProvider;
import com.bookmarked.cdt.core.secrets.Secrets;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIS side of a customer whose SIS offers a OneRoster 1.1 or 1.2 API
 * ({@code sis.type = oneroster-rest}). The client secret is revealed for each fetch, so a rotated
 * secret is used at once; skipped records are counted in the log, never their values.
 */
@Singleton
public class OneRosterRestSnapshotProvider implements SnapshotProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OneRosterRestSnapshotProvider.class);

    private final Secrets secrets;
    private final OneRosterRestReader reader = new OneRosterRestReader(Ticker.SYSTEM, new PageSlots());

    public OneRosterRestSnapshotProvider(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public boolean serves(Customer customer, SnapshotSide side) {
        return side == SnapshotSide.SIS && customer.settings().sis() != null
                && RestSettings.SOURCE.equals(customer.settings().sis().type());
    }

    @Override
    public RosterSnapshot fetch(Customer customer, SnapshotSide side, Progress progress) {
        RestSource source;
        try {
            RestSettings settings = RestSettings.read(customer.settings().sis());
            source = settings.source(secrets, customer.settings().sis().secretRef());
        } catch (SettingsProblem e) {
            throw RestFailures.of(e);
        }
        progress.report("Connecting to the district's OneRoster API", 0);
        try {
            RestImport result = reader.read(source, customer.id(), RestSettings.SOURCE, progress);
            if (result.cancelled()) {
                throw RestFailures.cancelled(source.name());
            }
            if (result.problemCount() > 0 || !result.notes().isEmpty()) {
                LOG.warn("OneRoster API read skipped {} records and left {} notes (version {})", result.problemCount(),
                        result.notes().size(), result.version());
            }
            progress.report("OneRoster API read", 100);
            return result.snapshot();
        } catch (SisApiException e) {
            LOG.warn("OneRoster API read failed: {} (status {})", e.kind(), e.status());
            throw RestFailures.of(e, source.name());
        }
    }
}
