package com.bookmarked.cdt.core.snapshot;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Where a snapshot came from and when.
 *
 * @param source the connector and instance, e.g. {@code oneroster-csv}, {@code bookmarked:production}
 * @param lastSyncAt on our side, when the district's last roster sync finished (null when unknown)
 * @param dataAsOf the date the source says its data describes (null when it says nothing)
 */
public record SnapshotMeta(
        String customerId,
        SnapshotSide side,
        String source,
        Instant fetchedAt,
        @Nullable Instant lastSyncAt,
        @Nullable LocalDate dataAsOf) {

    public SnapshotMeta(String customerId, SnapshotSide side, String source, Instant fetchedAt, @Nullable Instant lastSyncAt) {
        this(customerId, side, source, fetchedAt, lastSyncAt, null);
    }

    /**
     * The day the data describes: the export's own date when the source has one (a OneRoster CSV
     * export made last night describes last night, however late we read it), else the day it was
     * fetched. Tools take "today" from here, so that a file's findings do not change with the
     * calendar.
     */
    public LocalDate asOfDate() {
        return dataAsOf != null ? dataAsOf : LocalDate.ofInstant(fetchedAt, ZoneOffset.UTC);
    }

    public SnapshotMeta withDataAsOf(@Nullable LocalDate date) {
        return new SnapshotMeta(customerId, side, source, fetchedAt, lastSyncAt, date);
    }
}
