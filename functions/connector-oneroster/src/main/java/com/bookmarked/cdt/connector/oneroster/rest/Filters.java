package com.bookmarked.cdt.connector.oneroster.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * OneRoster filter expressions ({@code filter=} on every collection endpoint): a field, a
 * predicate and a quoted value, joined by {@code AND}/{@code OR}.
 */
public final class Filters {

    private Filters() {
    }

    /** Records changed after {@code since}: the delta a sync asks for. */
    public static String modifiedSince(Instant since) {
        return "dateLastModified>'" + since.truncatedTo(ChronoUnit.SECONDS) + "'";
    }

    /** Both filters; either may be null. */
    public static String and(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        if (b == null || b.isBlank()) {
            return a;
        }
        return a + " AND " + b;
    }
}
