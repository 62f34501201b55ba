package com.bookmarked.cdt.core.run;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code runs} table. Every state change is a targeted, conditional UPDATE so that a cancel
 * request and the worker never overwrite each other's columns; the returned count says whether
 * the change applied.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Requires(beans = DataSource.class)
public interface RunRepository extends CrudRepository<RunRecord, UUID> {

    @Query("UPDATE runs SET status = 'RUNNING', started_at = :startedAt, phase = :phase, percent = 0 "
            + "WHERE id = :id AND status = 'QUEUED'")
    int markRunning(UUID id, Instant startedAt, String phase);

    @Query("UPDATE runs SET phase = :phase, percent = :percent WHERE id = :id AND status = 'RUNNING'")
    int reportProgress(UUID id, String phase, int percent);

    Optional<Boolean> findCancelRequestedById(UUID id);

    @Query("UPDATE runs SET cancel_requested = true WHERE id = :id AND status = 'RUNNING'")
    int requestCancel(UUID id);

    @Query("UPDATE runs SET status = 'CANCELLED', cancel_requested = true, finished_at = :at, phase = 'Cancelled' "
            + "WHERE id = :id AND status = 'QUEUED'")
    int cancelQueued(UUID id, Instant at);

    @Query("UPDATE runs SET status = 'CANCELLED', finished_at = :at, duration_ms = :durationMs, phase = 'Cancelled' "
            + "WHERE id = :id AND status = 'RUNNING'")
    int finishCancelled(UUID id, Instant at, long durationMs);

    @Query("UPDATE runs SET status = 'FAILED', finished_at = :at, duration_ms = :durationMs, error = :error "
            + "WHERE id = :id AND status IN ('QUEUED', 'RUNNING')")
    int finishFailed(UUID id, Instant at, @Nullable Long durationMs, String error);

    @Query("UPDATE runs SET status = 'SUCCEEDED', finished_at = :at, duration_ms = :durationMs, "
            + "phase = 'Done', percent = 100, summary = CAST(:summaryJson AS jsonb) "
            + "WHERE id = :id AND status = 'RUNNING'")
    int finishSucceeded(UUID id, Instant at, long durationMs, String summaryJson);

    /** The sweep: RUNNING since before {@code startedBefore}, so its worker is gone. */
    @Query("UPDATE runs SET status = 'FAILED', finished_at = :at, error = :error "
            + "WHERE status = 'RUNNING' AND started_at < :startedBefore")
    int failRunningSince(Instant startedBefore, Instant at, String error);

    /** The sweep: QUEUED since before {@code createdBefore}, so no worker will take it. */
    @Query("UPDATE runs SET status = 'FAILED', finished_at = :at, error = :error "
            + "WHERE status = 'QUEUED' AND created_at < :createdBefore")
    int failQueuedSince(Instant createdBefore, Instant at, String error);

    /** Startup recovery: whatever a dead process left unfinished can never finish now. */
    @Query("UPDATE runs SET status = 'FAILED', finished_at = :at, error = :error "
            + "WHERE status IN ('QUEUED', 'RUNNING')")
    int failUnfinished(Instant at, String error);
}
