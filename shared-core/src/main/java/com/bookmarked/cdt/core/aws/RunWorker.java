package com.bookmarked.cdt.core.aws;

import com.bookmarked.cdt.core.logging.LogContext;
import com.bookmarked.cdt.core.run.RunExecutor;
import com.bookmarked.cdt.core.run.RunRecord;
import com.bookmarked.cdt.core.run.RunRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What a queue worker does with one delivery of a run. SQS delivers at least once, so the same
 * run may arrive twice, even at two workers at the same time; only the worker whose conditional
 * QUEUED→RUNNING update succeeds runs it ({@link RunExecutor#execute(UUID)}).
 *
 * <ul>
 *   <li>QUEUED: run it.</li>
 *   <li>finished (or no longer stored): acknowledge and skip.</li>
 *   <li>RUNNING for less than {@code cdt.runs.worker-time-limit} (15 minutes, Lambda's limit):
 *       another worker may still be on it, so ask SQS to deliver it again later, when it will
 *       have finished, or will be overdue.</li>
 *   <li>RUNNING for longer: no worker can still be running it (it timed out or ran out of
 *       memory), so it ends FAILED with that explanation instead of showing RUNNING forever.</li>
 * </ul>
 */
@Singleton
@Requires(beans = DataSource.class)
public class RunWorker {

    /** What SQS should do with the message. */
    public enum Outcome {
        /** Delete it: the run is done with, by this worker or another. */
        DONE,
        /** Deliver it again later. */
        RETRY_LATER
    }

    public static final String ABANDONED = "The worker running this tool stopped before it finished, most likely "
            + "because the run took too long or needed too much memory. Start it again; if it stops again, tell "
            + "the on-call engineer.";
    private static final Logger LOG = LoggerFactory.getLogger(RunWorker.class);

    private final RunRepository runs;
    private final RunExecutor executor;
    private final Duration timeLimit;
    private final Clock clock;

    public RunWorker(RunRepository runs, RunExecutor executor,
                     @Value("${cdt.runs.worker-time-limit:15m}") Duration timeLimit) {
        this(runs, executor, timeLimit, Clock.systemUTC());
    }

    RunWorker(RunRepository runs, RunExecutor executor, Duration timeLimit, Clock clock) {
        this.runs = runs;
        this.executor = executor;
        this.timeLimit = timeLimit;
        this.clock = clock;
    }

    public Outcome take(UUID runId) {
        RunRecord run = runs.findById(runId).orElse(null);
        if (run == null) {
            LOG.warn("run {} was delivered but is not stored; nothing to do", runId);
            return Outcome.DONE;
        }
        try (LogContext ignored = LogContext.forRun(runId, run.customerId())) {
            switch (run.status()) {
                case QUEUED -> {
                    executor.execute(runId);
                    return Outcome.DONE;
                }
                case RUNNING -> {
                    return running(run);
                }
                default -> {
                    LOG.info("run was delivered again but is already {}; skipped", run.status());
                    return Outcome.DONE;
                }
            }
        }
    }

    private Outcome running(RunRecord run) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant started = run.startedAt();
        if (started != null && Duration.between(started, now).compareTo(timeLimit) <= 0) {
            LOG.info("run was delivered again while RUNNING since {}; asking for a later delivery", started);
            return Outcome.RETRY_LATER;
        }
        Long durationMs = started == null ? null : Duration.between(started, now).toMillis();
        if (runs.finishFailed(run.id(), now, durationMs, ABANDONED) == 1) {
            LOG.warn("run was RUNNING since {}, past the worker time limit of {}; marked FAILED", started, timeLimit);
        }
        return Outcome.DONE;
    }
}
