package com.bookmarked.cdt.connector.classlink;

import com.bookmarked.cdt.connector.oneroster.rest.OneRosterRestReader;
import com.bookmarked.cdt.connector.oneroster.rest.PageSlots;
import com.bookmarked.cdt.connector.oneroster.rest.RestAccess;
import com.bookmarked.cdt.connector.oneroster.rest.RestFailures;
import com.bookmarked.cdt.connector.oneroster.rest.RestImport;
import com.bookmarked.cdt.connector.oneroster.rest.SettingsProblem;
import com.bookmarked.cdt.connector.oneroster.rest.SisApiException;
import com.bookmarked.cdt.connector.oneroster.rest.SisSecret;
import com.bookmarked.cdt.connector.oneroster.rest.Ticker;
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
 * The SIS side of a customer on ClassLink ({@code sis.type = classlink}): finds the district's
 * OneRoster API as its settings say (direct, proxy or discovery) and reads it with the OneRoster
 * REST client. The secret is revealed for each fetch; skipped records are counted in the log only.
 */
@Singleton
public class ClassLinkSnapshotProvider implements SnapshotProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ClassLinkSnapshotProvider.class);

    private final Secrets secrets;
    private final OneRosterRestReader reader = new OneRosterRestReader(Ticker.SYSTEM, new PageSlots());

    public ClassLinkSnapshotProvider(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public boolean serves(Customer customer, SnapshotSide side) {
        return side == SnapshotSide.SIS && customer.settings().sis() != null
                && ClassLinkSettings.SOURCE.equals(customer.settings().sis().type());
    }

    @Override
    public RosterSnapshot fetch(Customer customer, SnapshotSide side, Progress progress) {
        ClassLinkSettings settings;
        RestAccess credentials;
        try {
            settings = ClassLinkSettings.read(customer.settings().sis());
            credentials = ClassLinkSource.credentials(settings,
                    SisSecret.reveal(secrets, customer.settings().sis().secretRef(), settings.secretExample()));
        } catch (SettingsProblem e) {
            throw RestFailures.of(e);
        }
        progress.report("Connecting to ClassLink", 0);
        try {
            ClassLinkSource.Resolved resolved = ClassLinkSource.resolve(settings, credentials, Ticker.SYSTEM);
            RestImport result = reader.read(resolved.source(), customer.id(), ClassLinkSettings.SOURCE, progress);
            if (result.cancelled()) {
                throw RestFailures.cancelled(ClassLinkDiscovery.CLASSLINK);
            }
            if (result.problemCount() > 0 || !result.notes().isEmpty()) {
                LOG.warn("ClassLink read skipped {} records and left {} notes", result.problemCount(), result.notes().size());
            }
            progress.report("ClassLink roster read", 100);
            return result.snapshot();
        } catch (SisApiException e) {
            LOG.warn("ClassLink read failed: {} (status {})", e.kind(), e.status());
            throw RestFailures.of(e, ClassLinkDiscovery.CLASSLINK);
        }
    }
}
