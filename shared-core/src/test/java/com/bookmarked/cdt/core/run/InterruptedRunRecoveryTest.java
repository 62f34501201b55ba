package com.bookmarked.cdt.core.run;

import com.bookmarked.cdt.core.testing.TestDatabases;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InterruptedRunRecoveryTest {

    @Test
    void runsLeftUnfinishedByADeadProcessFailAtTheNextStart() {
        Map<String, Object> props = new HashMap<>(TestDatabases.fresh().micronautProperties());
        props.put("cdt.test.scripted-tool", "true");
        UUID queued = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        try (ApplicationContext first = ApplicationContext.run(props)) {
            RunRepository runs = first.getBean(RunRepository.class);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            runs.save(record(queued, RunStatus.QUEUED, now));
            runs.save(record(running, RunStatus.RUNNING, now));
            runs.save(record(done, RunStatus.SUCCEEDED, now));
        }
        try (ApplicationContext second = ApplicationContext.run(props)) {
            RunRepository runs = second.getBean(RunRepository.class);
            assertThat(runs.findById(queued).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
            RunRecord interrupted = runs.findById(running).orElseThrow();
            assertThat(interrupted.status()).isEqualTo(RunStatus.FAILED);
            assertThat(interrupted.error()).isEqualTo(InterruptedRunRecovery.ERROR).startsWith("Interrupted: the server restarted");
            assertThat(interrupted.finishedAt()).isNotNull();
            assertThat(runs.findById(done).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        }
    }

    @Test
    void recoveryCanBeTurnedOffWhereOtherWorkersShareTheDatabase() {
        Map<String, Object> props = new HashMap<>(TestDatabases.fresh().micronautProperties());
        props.put("cdt.test.scripted-tool", "true");
        UUID running = UUID.randomUUID();
        try (ApplicationContext first = ApplicationContext.run(props)) {
            first.getBean(RunRepository.class).save(record(running, RunStatus.RUNNING, Instant.now()));
        }
        props.put("cdt.runs.recover-interrupted", "false");
        try (ApplicationContext second = ApplicationContext.run(props)) {
            assertThat(second.getBean(RunRepository.class).findById(running).orElseThrow().status())
                    .isEqualTo(RunStatus.RUNNING);
        }
    }

    @Test
    void aLambdaNeverFailsRunsOfOtherInstances() {
        Map<String, Object> props = new HashMap<>(TestDatabases.fresh().micronautProperties());
        props.put("cdt.test.scripted-tool", "true");
        UUID running = UUID.randomUUID();
        try (ApplicationContext first = ApplicationContext.run(props)) {
            first.getBean(RunRepository.class).save(record(running, RunStatus.RUNNING, Instant.now()));
        }
        try (ApplicationContext lambda = ApplicationContext.builder().properties(props)
                .environments("function", "lambda").eagerInitSingletons(true).start()) {
            assertThat(lambda.getBean(RunRepository.class).findById(running).orElseThrow().status())
                    .isEqualTo(RunStatus.RUNNING);
        }
    }

    private static RunRecord record(UUID id, RunStatus status, Instant at) {
        return new RunRecord(id, ScriptedTool.ID, "lincoln", null, "agent1", Map.of(), status, null, 0, at,
                status == RunStatus.QUEUED ? null : at, null, null, null, null, false);
    }
}
