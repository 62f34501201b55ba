package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.secrets.Secrets;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A customer's settings for {@code sis.type = oneroster-rest}, checked. {@code sis.location} is
 * the API's base URL (with or without the version's path); {@code sis.secretRef} holds
 * {@code {"clientId", "clientSecret"}}; {@code sis.options}:
 * <ul>
 *   <li>{@code version}: 1.1 or 1.2 (default: the version in the location's path);</li>
 *   <li>{@code auth}: oauth1 (HMAC-SHA256 signatures) or oauth2 (client credentials); default oauth1
 *       for 1.1, oauth2 for 1.2;</li>
 *   <li>{@code tokenUrl} (oauth2, required), {@code scope} (oauth2; for 1.2 the roster-core and
 *       roster-demographics read scopes by default), {@code clientAuth}: basic or form;</li>
 *   <li>{@code pageSize} (1–10,000, default 1,000), {@code parallelism} (1–16, default 4);</li>
 *   <li>{@code filter}: a OneRoster filter for every collection, e.g. {@code status='active'};</li>
 *   <li>{@code connectTimeoutSeconds} (default 10), {@code readTimeoutSeconds} (default 60),
 *       {@code maxAttempts} (1–10, default 6).</li>
 * </ul>
 */
public record RestSettings(URI baseUrl, RestVersion version, String auth, URI tokenUrl, String scope,
                           ClientCredentialsToken.ClientAuth clientAuth, int pageSize, int parallelism, String filter,
                           Duration connectTimeout, Duration readTimeout, int maxAttempts) {

    public static final String SOURCE = "oneroster-rest";
    public static final String OAUTH1 = "oauth1";
    public static final String OAUTH2 = "oauth2";
    public static final String SECRET_EXAMPLE = "{\"clientId\": \"…\", \"clientSecret\": \"…\"}";
    public static final String SCOPE_1_2 = "https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly"
            + " https://purl.imsglobal.org/spec/or/v1p2/scope/roster-demographics.readonly";

    /** Options every OneRoster API connector reads (ClassLink's too). */
    public static final Set<String> PAGING_OPTIONS = Set.of("pageSize", "parallelism", "filter", "connectTimeoutSeconds",
            "readTimeoutSeconds", "maxAttempts");
    static final Set<String> OPTIONS;

    static {
        java.util.Set<String> all = new java.util.HashSet<>(PAGING_OPTIONS);
        all.addAll(Set.of("version", "auth", "tokenUrl", "scope", "clientAuth"));
        OPTIONS = Set.copyOf(all);
    }

    /** Checks the settings; every problem is named in the one message thrown. */
    public static RestSettings read(CustomerSettings.Sis sis) throws SettingsProblem {
        if (sis == null || !SOURCE.equals(sis.type())) {
            throw new SettingsProblem("The customer's SIS is set up as "
                    + (sis == null || sis.type() == null ? "nothing" : sis.type())
                    + ", not a OneRoster API (oneroster-rest); test it with its own connector or change the settings.");
        }
        SisOptions options = new SisOptions(sis.options(), OPTIONS);
        URI location = SisOptions.webAddress(sis.location());
        if (location == null) {
            options.problem("the SIS location must be the https:// address of the district's OneRoster API"
                    + (sis.location() == null || sis.location().isBlank() ? " (it is empty)" : ""));
        }
        RestVersion version = RestVersion.named(options.text("version"));
        if (options.text("version") != null && version == null) {
            options.problem("options.version must be 1.1 or 1.2");
        } else if (version == null) {
            version = RestVersion.inUrl(sis.location());
            if (version == null && location != null) {
                options.problem("options.version is required (1.1 or 1.2) when the location does not end in the"
                        + " version's path (/ims/oneroster/v1p1 or /ims/oneroster/rostering/v1p2)");
            }
        }
        String auth = options.choice("auth", List.of(OAUTH1, OAUTH2), version == RestVersion.V1_1 ? OAUTH1 : OAUTH2);
        URI tokenUrl = null;
        String scope = null;
        ClientCredentialsToken.ClientAuth clientAuth = ClientCredentialsToken.ClientAuth.BASIC;
        if (OAUTH2.equals(auth)) {
            tokenUrl = options.url("tokenUrl", true, "the SIS's OAuth 2.0 token URL");
            scope = options.text("scope") != null ? options.text("scope") : version == RestVersion.V1_2 ? SCOPE_1_2 : null;
            clientAuth = "form".equals(options.choice("clientAuth", List.of("basic", "form"), "basic"))
                    ? ClientCredentialsToken.ClientAuth.FORM : ClientCredentialsToken.ClientAuth.BASIC;
        } else if (options.text("tokenUrl") != null || options.text("scope") != null) {
            options.problem("options.tokenUrl and options.scope apply to auth oauth2 only; remove them or set options.auth to oauth2");
        }
        Paging paging = Paging.read(options);
        options.throwIfAny("The customer's OneRoster API settings cannot be used");
        return new RestSettings(RestSource.versionedBase(location.toString(), version), version, auth, tokenUrl, scope,
                clientAuth, paging.pageSize(), paging.parallelism(), paging.filter(), paging.connectTimeout(),
                paging.readTimeout(), paging.maxAttempts());
    }

    /** The paging and timeout options every OneRoster API connector shares. */
    public record Paging(int pageSize, int parallelism, String filter, Duration connectTimeout, Duration readTimeout,
                         int maxAttempts) {

        public static Paging read(SisOptions options) {
            String filter = options.text("filter");
            if (filter != null && (filter.length() > 300 || filter.chars().anyMatch(Character::isISOControl))) {
                options.problem("options.filter must be one line of at most 300 characters");
                filter = null;
            }
            return new Paging(
                    options.integer("pageSize", RestSource.DEFAULT_PAGE_SIZE, 1, RestSource.MAX_PAGE_SIZE),
                    options.integer("parallelism", RestSource.DEFAULT_PARALLELISM, 1, RestSource.MAX_PARALLELISM),
                    filter,
                    Duration.ofSeconds(options.integer("connectTimeoutSeconds", 10, 1, 120)),
                    Duration.ofSeconds(options.integer("readTimeoutSeconds", 60, 1, 600)),
                    options.integer("maxAttempts", RetryPolicy.DEFAULT.maxAttempts(), 1, 10));
        }

        /** The source with these paging, filter, timeout and retry settings. */
        public RestSource applyTo(RestSource source) {
            return source.withPaging(pageSize, parallelism).withFilter(filter).withTimeouts(connectTimeout, readTimeout)
                    .withRetry(source.retry().withMaxAttempts(maxAttempts));
        }
    }

    /** How CDT signs in, from the revealed secret. */
    public RestAccess access(SisSecret secret) throws SettingsProblem {
        String clientId = secret.required("clientId", SECRET_EXAMPLE);
        String clientSecret = secret.required("clientSecret", SECRET_EXAMPLE);
        return OAUTH1.equals(auth) ? new RestAccess.OAuth1(clientId, clientSecret)
                : new RestAccess.OAuth2(tokenUrl, clientId, clientSecret, scope, clientAuth);
    }

    /** Reveals the secret and builds the source to read. */
    public RestSource source(Secrets secrets, String secretRef) throws SettingsProblem {
        return source(access(SisSecret.reveal(secrets, secretRef, SECRET_EXAMPLE)));
    }

    public RestSource source(RestAccess access) {
        return new Paging(pageSize, parallelism, filter, connectTimeout, readTimeout, maxAttempts)
                .applyTo(RestSource.of(SisName.SIS, baseUrl, version, access));
    }

    /** "OAuth 2.0 client credentials" or "OAuth 1.0a signatures": how, without who. */
    public String authWords() {
        return OAUTH1.equals(auth) ? "OAuth 1.0a signatures (HMAC-SHA256)" : "OAuth 2.0 client credentials";
    }
}
