package com.bookmarked.cdt.core.snapshot;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * Where a snapshot came from and when.
 *
 * @param source the connector and instance, e.g. {@code oneroster-csv}, {@code bookmarked:production}
 * @param lastSyncAt on our side, when the district's last roster sync finished (null when unknown)
 */
public record SnapshotMeta(
        String customerId,
        SnapshotSide side,
        String source,
        Instant fetchedAt,
        @Nullable Instant lastSyncAt) {
}
