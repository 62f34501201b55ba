package com.bookmarked.cdt.connector.classlink;

import com.bookmarked.cdt.connector.oneroster.rest.RestAccess;
import com.bookmarked.cdt.connector.oneroster.rest.RestConnectionProbe;
import com.bookmarked.cdt.connector.oneroster.rest.RestSource;
import com.bookmarked.cdt.connector.oneroster.rest.RosterApi;
import com.bookmarked.cdt.connector.oneroster.rest.SettingsProblem;
import com.bookmarked.cdt.connector.oneroster.rest.SisApiException;
import com.bookmarked.cdt.connector.oneroster.rest.SisSecret;
import com.bookmarked.cdt.connector.oneroster.rest.Ticker;
import com.bookmarked.cdt.core.connector.ConnectionCheck;
import com.bookmarked.cdt.core.connector.ConnectionTestResult;
import com.bookmarked.cdt.core.connector.ConnectionTestResult.Check;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.secrets.Secrets;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * "Test connection" for a customer on ClassLink: usable settings, a readable secret of the right
 * shape, the district found through ClassLink's applications endpoints (proxy and discover
 * access), ClassLink's acceptance of the credentials ("ClassLink refused the client secret (401):
 * update the secret in settings"), and roster data that reads as OneRoster, with its totals.
 */
@Singleton
public class ClassLinkConnectionCheck implements ConnectionCheck {

    static final String SETTINGS = "Customer settings";
    static final String CREDENTIALS = "Credentials";
    static final String DISCOVERY = "Discovery";

    private final Secrets secrets;

    public ClassLinkConnectionCheck(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public String connector() {
        return ClassLinkSettings.SOURCE;
    }

    @Override
    public ConnectionTestResult test(Customer customer) {
        List<Check> checks = new ArrayList<>(5);
        ClassLinkSettings settings;
        try {
            settings = ClassLinkSettings.read(customer.settings().sis());
        } catch (SettingsProblem e) {
            checks.add(new Check(SETTINGS, false, e.getMessage()));
            return ConnectionTestResult.failed(checks);
        }
        checks.add(new Check(SETTINGS, true, "The customer's SIS is ClassLink, read through " + settings.describe() + "."));

        RestAccess credentials;
        try {
            SisSecret secret = SisSecret.reveal(secrets, customer.settings().sis().secretRef(), settings.secretExample());
            credentials = ClassLinkSource.credentials(settings, secret);
            checks.add(new Check(CREDENTIALS, true, (settings.access() == ClassLinkAccess.DIRECT
                    ? "The client id and secret were read from " : "CDT's ClassLink access token was read from ")
                    + secret.ref() + "."));
        } catch (SettingsProblem e) {
            checks.add(new Check(CREDENTIALS, false, e.getMessage()));
            return ConnectionTestResult.failed(checks);
        }

        ClassLinkSource.Resolved resolved;
        try {
            resolved = ClassLinkSource.resolve(settings, credentials, Ticker.SYSTEM);
        } catch (SisApiException e) {
            checks.add(new Check(DISCOVERY, false, e.getMessage()));
            return ConnectionTestResult.failed(checks);
        }
        if (resolved.discovered() != null) {
            checks.add(new Check(DISCOVERY, true, resolved.discovered()));
        }
        RestSource source = resolved.source();
        try (RosterApi api = RosterApi.open(source.withRetry(source.retry().withMaxAttempts(2)), Ticker.SYSTEM)) {
            return RestConnectionProbe.probe(checks, api);
        }
    }
}
