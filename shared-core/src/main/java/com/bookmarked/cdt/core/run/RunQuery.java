package com.bookmarked.cdt.core.run;

import io.micronaut.core.annotation.Nullable;

/** Filters of the run history; null means "any". */
public record RunQuery(
        @Nullable String customerId,
        @Nullable String toolId,
        @Nullable String status,
        @Nullable String requestedBy,
        @Nullable String ticketId) {

    public static final RunQuery ALL = new RunQuery(null, null, null, null, null);
}
