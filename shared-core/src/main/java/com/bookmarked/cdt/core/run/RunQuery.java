package com.bookmarked.cdt.core.run;

import io.micronaut.core.annotation.Nullable;

/**
 * Filters of the run history as the caller typed them; null or blank means "any".
 *
 * @param status one status or a comma list ({@code RUNNING,QUEUED})
 * @param from an ISO date (that whole day and later) or an instant (inclusive), on {@code createdAt}
 * @param to an ISO date (up to the end of that day) or an instant (exclusive), on {@code createdAt}
 */
public record RunQuery(
        @Nullable String customerId,
        @Nullable String toolId,
        @Nullable String status,
        @Nullable String requestedBy,
        @Nullable String ticketId,
        @Nullable String from,
        @Nullable String to) {

    public static final RunQuery ALL = new RunQuery(null, null, null, null, null, null, null);

    public RunQuery(@Nullable String customerId, @Nullable String toolId, @Nullable String status,
                    @Nullable String requestedBy, @Nullable String ticketId) {
        this(customerId, toolId, status, requestedBy, ticketId, null, null);
    }
}
