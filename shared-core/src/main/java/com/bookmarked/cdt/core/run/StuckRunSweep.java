package com.bookmarked.cdt.core.run;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Runs that can no longer finish, made FAILED with a reason: RUNNING for longer than a worker may
 * live (its Lambda was stopped and the queue's redelivery that would have noticed is gone too), or
 * QUEUED for longer than any worker would wait (the message was lost or ended in the dead-letter
 * queue). Without this the dashboard would show them running for ever. In AWS a schedule calls
 * {@link com.bookmarked.cdt.core.aws.StuckRunSweepHandler}.
 */
@Singleton
@Requires(beans = DataSource.class)
public class StuckRunSweep {

    public static final String STOPPED = "The worker running this tool stopped before it finished and nothing "
            + "has been heard from it since. Start it again; if it stops again, tell the on-call engineer.";
    public static final String NEVER_STARTED = "No worker picked this run up, so it never started. Start it "
            + "again; if it happens again, tell the on-call engineer (the run queue may be stuck).";
    private static final Logger LOG = LoggerFactory.getLogger(StuckRunSweep.class);

    private final RunRepository runs;
    private final Duration runningLimit;
    private final Duration queuedLimit;
    private final Clock clock;

    public StuckRunSweep(RunRepository runs,
                         @Value("${cdt.runs.worker-time-limit:15m}") Duration workerTimeLimit,
                         @Value("${cdt.runs.queued-limit:30m}") Duration queuedLimit) {
        // a few minutes past the worker's own limit, so a worker finishing right at it is not raced
        this(runs, workerTimeLimit.plusMinutes(5), queuedLimit, Clock.systemUTC());
    }

    StuckRunSweep(RunRepository runs, Duration runningLimit, Duration queuedLimit, Clock clock) {
        this.runs = runs;
        this.runningLimit = runningLimit;
        this.queuedLimit = queuedLimit;
        this.clock = clock;
    }

    @Serdeable
    public record Swept(int stopped, int neverStarted) {
    }

    public Swept sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Swept swept = new Swept(runs.failRunningSince(now.minus(runningLimit), now, STOPPED),
                runs.failQueuedSince(now.minus(queuedLimit), now, NEVER_STARTED));
        if (swept.stopped() + swept.neverStarted() > 0) {
            LOG.warn("stuck runs marked FAILED: {} running for over {}, {} queued for over {}", swept.stopped(),
                    runningLimit, swept.neverStarted(), queuedLimit);
        }
        return swept;
    }
}
