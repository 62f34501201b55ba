package com.bookmarked.cdt.core.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * A run as the API shows it (docs/api.md, "Run").
 *
 * @param requestedBy the username of whoever started the run
 * @param error why a FAILED run failed, in words an agent understands
 */
@Serdeable
public record Run(
        String runId,
        String toolId,
        String customerId,
        @Nullable String ticketId,
        String requestedBy,
        Map<String, Object> parameters,
        RunStatus status,
        ProgressReport progress,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long durationMs,
        @Nullable RunSummary summary,
        @Nullable String error) {
}
