package com.bookmarked.cdt.connector.classlink;

import com.bookmarked.cdt.connector.oneroster.rest.RestAccess;
import com.bookmarked.cdt.connector.oneroster.rest.RestSource;
import com.bookmarked.cdt.connector.oneroster.rest.RestVersion;
import com.bookmarked.cdt.connector.oneroster.rest.SettingsProblem;
import com.bookmarked.cdt.connector.oneroster.rest.SisApiException;
import com.bookmarked.cdt.connector.oneroster.rest.SisApiException.Kind;
import com.bookmarked.cdt.connector.oneroster.rest.SisHttp;
import com.bookmarked.cdt.connector.oneroster.rest.SisOptions;
import com.bookmarked.cdt.connector.oneroster.rest.SisSecret;
import com.bookmarked.cdt.connector.oneroster.rest.Ticker;

import java.net.URI;

/**
 * What differs for ClassLink: where the OneRoster 1.1 API of a district is and how to sign in, for
 * each {@link ClassLinkAccess}. Everything after that (paging, retries, mapping) is the OneRoster
 * REST client's.
 */
final class ClassLinkSource {

    /**
     * The source to read, and what discovery found (null for direct access).
     */
    record Resolved(RestSource source, String discovered) {
    }

    private ClassLinkSource() {
    }

    /** The credentials the secret holds for this access, checked before anything is sent. */
    static RestAccess credentials(ClassLinkSettings settings, SisSecret secret) throws SettingsProblem {
        if (settings.access() == ClassLinkAccess.DIRECT) {
            return new RestAccess.OAuth1(secret.required("clientId", ClassLinkSettings.DIRECT_SECRET),
                    secret.required("clientSecret", ClassLinkSettings.DIRECT_SECRET));
        }
        return new RestAccess.Bearer(secret.required("accessToken", ClassLinkSettings.TOKEN_SECRET));
    }

    static Resolved resolve(ClassLinkSettings settings, RestAccess credentials, Ticker ticker) throws SisApiException {
        if (settings.access() == ClassLinkAccess.DIRECT) {
            return new Resolved(source(settings, settings.location(), credentials), null);
        }
        String token = ((RestAccess.Bearer) credentials).token();
        RestSource template = source(settings, settings.location(), credentials);
        try (SisHttp http = SisHttp.open(ClassLinkDiscovery.CLASSLINK, template.connectTimeout(), template.readTimeout(),
                template.retry(), ticker)) {
            ClassLinkDiscovery discovery = new ClassLinkDiscovery(http, settings.location(), token);
            if (settings.access() == ClassLinkAccess.PROXY) {
                String applicationId = settings.applicationId();
                String found = null;
                if (applicationId == null) {
                    ClassLinkDiscovery.Application app = discovery.find(null, settings.tenantId());
                    applicationId = app.onerosterApplicationId();
                    found = "ClassLink lists " + app.describe() + " among the districts that gave CDT access; its"
                            + " OneRoster application is " + applicationId + ".";
                }
                URI base = URI.create(trimmed(settings.location()) + "/" + applicationId);
                return new Resolved(source(settings, base, credentials), found);
            }
            ClassLinkDiscovery.Application app = discovery.find(settings.applicationId(), settings.tenantId());
            ClassLinkDiscovery.Server server = discovery.server(app);
            URI endpoint = SisOptions.webAddress(server.endpoint().toString());
            if (endpoint == null) {
                throw new SisApiException(Kind.NOT_ONEROSTER, "ClassLink describes the Roster Server of " + app.describe()
                        + " with an address that is not https (" + SisHttp.where(server.endpoint()) + "); CDT does not send"
                        + " credentials there. Use access direct with the address from ClassLink's developer console.");
            }
            if (server.clientId() == null || server.clientSecret() == null) {
                throw new SisApiException(Kind.REFUSED, "ClassLink did not give the client id and secret of the Roster"
                        + " Server of " + app.describe() + "; use access direct with the credentials from ClassLink's"
                        + " developer console.");
            }
            String found = "ClassLink lists " + app.describe() + " and gave its Roster Server at "
                    + SisHttp.where(endpoint) + " with client id " + server.clientId() + ".";
            return new Resolved(source(settings, endpoint, new RestAccess.OAuth1(server.clientId(), server.clientSecret())),
                    found);
        }
    }

    private static RestSource source(ClassLinkSettings settings, URI location, RestAccess access) {
        return settings.paging().applyTo(RestSource.of(ClassLinkDiscovery.CLASSLINK,
                RestSource.versionedBase(location.toString(), RestVersion.V1_1), RestVersion.V1_1, access));
    }

    private static String trimmed(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
