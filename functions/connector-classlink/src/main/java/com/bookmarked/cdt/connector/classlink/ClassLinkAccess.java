package com.bookmarked.cdt.connector.classlink;

import java.util.List;
import java.util.Locale;

/**
 * The three ways CDT reaches a district's roster on ClassLink ({@code sis.options.access}).
 */
public enum ClassLinkAccess {
    /** The district's own Roster Server (a tenant-specific URL), with OAuth 1.0a signed requests. */
    DIRECT("direct"),
    /** ClassLink's OneRoster proxy with CDT's access token; the proxy signs for the district's server. */
    PROXY("proxy"),
    /** ClassLink's applications endpoints find the district's Roster Server and its credentials; then as DIRECT. */
    DISCOVER("discover");

    private final String option;

    ClassLinkAccess(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    static List<String> options() {
        return List.of(DIRECT.option, PROXY.option, DISCOVER.option);
    }

    static ClassLinkAccess of(String option) {
        for (ClassLinkAccess a : values()) {
            if (a.option.equals(option.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException(option);
    }
}
