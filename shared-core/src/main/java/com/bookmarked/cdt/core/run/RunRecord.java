package com.bookmarked.cdt.core.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A row of {@code runs}. State changes go through {@link RunRepository}'s targeted updates. */
@MappedEntity("runs")
public record RunRecord(
        @Id UUID id,
        String toolId,
        String customerId,
        @Nullable String ticketId,
        String requestedBy,
        @TypeDef(type = DataType.JSON) Map<String, Object> parameters,
        RunStatus status,
        @Nullable String phase,
        int percent,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long durationMs,
        @Nullable @TypeDef(type = DataType.JSON) RunSummary summary,
        @Nullable String error,
        boolean cancelRequested) {

    public Run toRun() {
        return new Run(id.toString(), toolId, customerId, ticketId, requestedBy, parameters, status,
                new ProgressReport(phase, percent), createdAt, startedAt, finishedAt, durationMs, summary, error);
    }
}
