package com.bookmarked.cdt.core.aws;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.bookmarked.cdt.core.run.RunRecord;
import com.bookmarked.cdt.core.run.RunRepository;
import com.bookmarked.cdt.core.run.RunStatus;
import com.bookmarked.cdt.core.run.StuckRunSweep;
import com.bookmarked.cdt.core.testing.TestDatabases;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled sweep as Lambda starts it, against a real PostgreSQL. */
class StuckRunSweepHandlerTest {

    static StuckRunSweepHandler handler;
    static RunRepository runs;

    @BeforeAll
    static void start() {
        handler = new StuckRunSweepHandler(new LambdaApplicationContextBuilder()
                .properties(TestDatabases.fresh().micronautProperties()));
        runs = handler.getApplicationContext().getBean(RunRepository.class);
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    static UUID run(RunStatus status, Duration age) {
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().minus(age).truncatedTo(ChronoUnit.MICROS);
        boolean started = status != RunStatus.QUEUED;
        boolean finished = status.finished();
        runs.save(new RunRecord(id, "missing-data", "lincoln", null, "agent1", Map.of(), status,
                started ? "Comparing" : null, started ? 40 : 0, at, started ? at : null, finished ? at.plusSeconds(5) : null,
                finished ? 5_000L : null, null, null, false));
        return id;
    }

    @Test
    void runsThatCanNoLongerFinishEndFailedWithAReasonAndTheOthersAreLeftAlone() {
        UUID deadWorker = run(RunStatus.RUNNING, Duration.ofMinutes(25));
        UUID working = run(RunStatus.RUNNING, Duration.ofMinutes(10));
        UUID lostMessage = run(RunStatus.QUEUED, Duration.ofMinutes(45));
        UUID waiting = run(RunStatus.QUEUED, Duration.ofMinutes(2));
        UUID oldFinished = run(RunStatus.SUCCEEDED, Duration.ofDays(3));

        StuckRunSweep.Swept swept = handler.handleRequest(new ScheduledEvent(), null);

        assertThat(swept.stopped()).isGreaterThanOrEqualTo(1);
        assertThat(swept.neverStarted()).isGreaterThanOrEqualTo(1);
        RunRecord dead = runs.findById(deadWorker).orElseThrow();
        assertThat(dead.status()).isEqualTo(RunStatus.FAILED);
        assertThat(dead.error()).isEqualTo(StuckRunSweep.STOPPED);
        assertThat(dead.finishedAt()).isNotNull();
        RunRecord lost = runs.findById(lostMessage).orElseThrow();
        assertThat(lost.status()).isEqualTo(RunStatus.FAILED);
        assertThat(lost.error()).isEqualTo(StuckRunSweep.NEVER_STARTED);
        assertThat(runs.findById(working).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(runs.findById(waiting).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
        assertThat(runs.findById(oldFinished).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(handler.handleRequest(new ScheduledEvent(), null)).as("nothing left to sweep")
                .isEqualTo(new StuckRunSweep.Swept(0, 0));
    }
}
