package com.bookmarked.cdt.connector.classlink;

import com.bookmarked.cdt.connector.oneroster.rest.RestSettings;
import com.bookmarked.cdt.connector.oneroster.rest.SettingsProblem;
import com.bookmarked.cdt.connector.oneroster.rest.SisOptions;
import com.bookmarked.cdt.core.customer.CustomerSettings;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A customer's settings for {@code sis.type = classlink}, checked:
 * <ul>
 *   <li>{@code options.access} = {@code direct} (default): {@code sis.location} is the district's Roster
 *       Server URL (tenant-specific), the secret holds {@code {"clientId", "clientSecret"}};</li>
 *   <li>{@code access} = {@code proxy}: {@code sis.location} is ClassLink's OneRoster proxy
 *       (https://oneroster-proxy.classlink.io), the secret holds {@code {"accessToken"}}, and the district
 *       is {@code options.applicationId} (its oneroster_application_id) or {@code options.tenantId}
 *       (looked up through the applications endpoint);</li>
 *   <li>{@code access} = {@code discover}: as proxy, but the applications endpoints also give the
 *       district's Roster Server and client id and secret, which are then used directly.</li>
 * </ul>
 * Paging options are those of the OneRoster API connector (pageSize, parallelism, filter, timeouts, maxAttempts).
 */
public record ClassLinkSettings(ClassLinkAccess access, URI location, String applicationId, String tenantId,
                                RestSettings.Paging paging) {

    public static final String SOURCE = "classlink";
    public static final String DIRECT_SECRET = "{\"clientId\": \"…\", \"clientSecret\": \"…\"}";
    public static final String TOKEN_SECRET = "{\"accessToken\": \"…\"}";
    private static final Pattern APPLICATION_ID = Pattern.compile("^[A-Za-z0-9%=+/_.~-]{1,200}$");
    private static final Set<String> OPTIONS;

    static {
        Set<String> all = new HashSet<>(RestSettings.PAGING_OPTIONS);
        all.addAll(Set.of("access", "applicationId", "tenantId"));
        OPTIONS = Set.copyOf(all);
    }

    public static ClassLinkSettings read(CustomerSettings.Sis sis) throws SettingsProblem {
        if (sis == null || !SOURCE.equals(sis.type())) {
            throw new SettingsProblem("The customer's SIS is set up as "
                    + (sis == null || sis.type() == null ? "nothing" : sis.type())
                    + ", not ClassLink (classlink); test it with its own connector or change the settings.");
        }
        SisOptions options = new SisOptions(sis.options(), OPTIONS);
        ClassLinkAccess access = ClassLinkAccess.of(options.choice("access", ClassLinkAccess.options(), "direct"));
        URI location = SisOptions.webAddress(sis.location());
        if (location == null) {
            options.problem(access == ClassLinkAccess.DIRECT
                    ? "the SIS location must be the https:// address of the district's ClassLink Roster Server"
                    : "the SIS location must be the https:// address of ClassLink's OneRoster proxy"
                    + " (https://oneroster-proxy.classlink.io)");
        }
        String applicationId = options.text("applicationId");
        String tenantId = options.text("tenantId");
        if (applicationId != null && !APPLICATION_ID.matcher(applicationId).matches()) {
            options.problem("options.applicationId must be the district's oneroster_application_id as ClassLink shows it");
            applicationId = null;
        }
        if (tenantId != null && !tenantId.chars().allMatch(Character::isDigit)) {
            options.problem("options.tenantId must be the district's ClassLink tenant id (a number)");
            tenantId = null;
        }
        if (access == ClassLinkAccess.DIRECT && (options.text("applicationId") != null || options.text("tenantId") != null)) {
            options.problem("options.applicationId and options.tenantId apply to access proxy or discover only;"
                    + " remove them or set options.access");
        }
        RestSettings.Paging paging = RestSettings.Paging.read(options);
        options.throwIfAny("The customer's ClassLink settings cannot be used");
        return new ClassLinkSettings(access, location, applicationId, tenantId, paging);
    }

    /** The secret's shape for this access. */
    public String secretExample() {
        return access == ClassLinkAccess.DIRECT ? DIRECT_SECRET : TOKEN_SECRET;
    }

    /** How CDT reaches ClassLink, in words. */
    public String describe() {
        return switch (access) {
            case DIRECT -> "the district's ClassLink Roster Server at " + location + ", with signed requests (OAuth 1.0a)";
            case PROXY -> "ClassLink's OneRoster proxy at " + location + ", with CDT's access token";
            case DISCOVER -> "the district's Roster Server as ClassLink's applications endpoints at " + location
                    + " describe it";
        };
    }
}
