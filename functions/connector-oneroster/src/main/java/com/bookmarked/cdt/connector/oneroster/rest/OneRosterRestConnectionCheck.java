package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.core.connector.ConnectionCheck;
import com.bookmarked.cdt.core.connector.ConnectionTestResult;
import com.bookmarked.cdt.core.connector.ConnectionTestResult.Check;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.secrets.Secrets;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * "Test connection" for a customer whose SIS offers a OneRoster API: the settings are usable, the
 * secret can be read and holds a client id and secret, the SIS accepts them, and its users,
 * classes, enrollments and orgs read as OneRoster (with their totals).
 */
@Singleton
public class OneRosterRestConnectionCheck implements ConnectionCheck {

    static final String SETTINGS = "Customer settings";
    static final String CREDENTIALS = "Credentials";

    private final Secrets secrets;

    public OneRosterRestConnectionCheck(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public String connector() {
        return RestSettings.SOURCE;
    }

    @Override
    public ConnectionTestResult test(Customer customer) {
        List<Check> checks = new ArrayList<>(4);
        RestSettings settings;
        try {
            settings = RestSettings.read(customer.settings().sis());
        } catch (SettingsProblem e) {
            checks.add(new Check(SETTINGS, false, e.getMessage()));
            return ConnectionTestResult.failed(checks);
        }
        checks.add(new Check(SETTINGS, true, "The customer's SIS is a OneRoster " + settings.version().label() + " API at "
                + settings.baseUrl() + ", read with " + settings.authWords() + "."));

        RestSource source;
        try {
            SisSecret secret = SisSecret.reveal(secrets, customer.settings().sis().secretRef(), RestSettings.SECRET_EXAMPLE);
            source = settings.source(settings.access(secret));
            checks.add(new Check(CREDENTIALS, true, "The client id and secret were read from " + secret.ref() + "."));
        } catch (SettingsProblem e) {
            checks.add(new Check(CREDENTIALS, false, e.getMessage()));
            return ConnectionTestResult.failed(checks);
        }
        try (RosterApi api = RosterApi.open(source.withRetry(source.retry().withMaxAttempts(2)), Ticker.SYSTEM)) {
            return RestConnectionProbe.probe(checks, api);
        }
    }
}
