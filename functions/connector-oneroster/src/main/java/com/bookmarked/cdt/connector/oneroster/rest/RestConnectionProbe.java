package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.core.connector.ConnectionTestResult;
import com.bookmarked.cdt.core.connector.ConnectionTestResult.Check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks a OneRoster API connection test ends with, for any connector built on this client:
 * <em>Sign-in</em> (a token where OAuth 2.0 is used, then one signed request for orgs) and
 * <em>Roster data</em> (one record of users, classes and enrollments, with the totals the SIS
 * reports). Cheap by design: a test asks for a handful of records, not the roster.
 */
public final class RestConnectionProbe {

    public static final String SIGN_IN = "Sign-in";
    public static final String ROSTER = "Roster data";

    private RestConnectionProbe() {
    }

    public static ConnectionTestResult probe(List<Check> checks, RosterApi api) {
        RestSource source = api.source();
        SisName name = source.name();
        String signedIn;
        Integer orgs;
        try {
            api.signIn();
            orgs = count(api, RosterCollection.ORGS);
            signedIn = api.authorizer() instanceof ClientCredentialsToken token
                    ? name.subject() + "'s token endpoint gave CDT a token" + scope(token) + ", and the API accepted it."
                    : api.authorizer() instanceof OAuth1Signature
                    ? name.subject() + " accepted CDT's signed requests (" + source.access().describe() + ")."
                    : name.subject() + " accepted the access token.";
        } catch (SisApiException e) {
            checks.add(new Check(SIGN_IN, false, e.getMessage()));
            return ConnectionTestResult.failed(checks);
        }
        checks.add(new Check(SIGN_IN, true, signedIn));

        List<String> counts = new ArrayList<>();
        String demographics = "";
        try {
            counts.add(counted(count(api, RosterCollection.USERS), "user", name));
            counts.add(counted(count(api, RosterCollection.CLASSES), "class", name));
            counts.add(counted(count(api, RosterCollection.ENROLLMENTS), "enrollment", name));
            counts.add(counted(orgs, "org", name));
            try {
                count(api, RosterCollection.DEMOGRAPHICS);
            } catch (SisApiException e) {
                if (e.kind() != SisApiException.Kind.FORBIDDEN && e.kind() != SisApiException.Kind.NOT_FOUND) {
                    throw e;
                }
                demographics = "; birth dates are not shared (demographics answered " + e.status()
                        + "), so matching will work without them";
            }
        } catch (SisApiException e) {
            checks.add(new Check(ROSTER, false, e.getMessage()));
            return ConnectionTestResult.failed(checks);
        }
        String found = "Connected to " + name.object() + "'s OneRoster " + source.version().label() + " API at "
                + source.where() + ": " + String.join(", ", counts) + demographics + ".";
        checks.add(new Check(ROSTER, true, found));
        return ConnectionTestResult.of(checks, found);
    }

    /** The total the SIS reports for a collection (null when it gives none), after checking one record reads as OneRoster. */
    private static Integer count(RosterApi api, RosterCollection collection) throws SisApiException {
        RawPage page = api.page(collection, 0, 1);
        PageReader.read(page, record -> record, 1, api.source().name());
        return page.total();
    }

    private static String scope(ClientCredentialsToken token) {
        String granted = token.grantedScope();
        return granted == null ? "" : " (scope \"" + granted + "\")";
    }

    private static String counted(Integer n, String noun, SisName name) {
        String plural = noun.endsWith("s") ? noun + "es" : noun + "s";
        if (n == null) {
            return plural + " (" + name.object() + " does not say how many)";
        }
        return String.format(Locale.US, "%,d %s", n, n == 1 ? noun : plural);
    }
}
