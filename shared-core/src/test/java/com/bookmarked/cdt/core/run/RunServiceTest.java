package com.bookmarked.cdt.core.run;

import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.http.FieldError;
import com.bookmarked.cdt.core.http.InvalidInputException;
import com.bookmarked.cdt.core.http.NotFoundException;
import com.bookmarked.cdt.core.store.AuditEvent;
import com.bookmarked.cdt.core.store.AuditLog;
import com.bookmarked.cdt.core.store.FindingFilter;
import com.bookmarked.cdt.core.store.FindingPage;
import com.bookmarked.cdt.core.testing.TestDatabases;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunServiceTest {

    static ApplicationContext ctx;
    static RunService runs;
    static RunRepository repository;

    @BeforeAll
    static void start() {
        Map<String, Object> props = new HashMap<>(TestDatabases.fresh().micronautProperties());
        props.put("cdt.test.scripted-tool", "true");
        ctx = ApplicationContext.run(props);
        runs = ctx.getBean(RunService.class);
        repository = ctx.getBean(RunRepository.class);
        CustomerService customers = ctx.getBean(CustomerService.class);
        customers.save("lincoln", "Lincoln Unified", settings("/data/lincoln.zip"), "admin1");
        customers.save("faraway", "Faraway District", settings("unreachable"), "admin1");
        customers.save("linked", "Linked District", new CustomerSettings(new CustomerSettings.Sis("classlink", "https://x", null),
                new CustomerSettings.Ours("staging", "linked"), new CustomerSettings.SnapshotTtl(5, 5)), "admin1");
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    static CustomerSettings settings(String location) {
        return new CustomerSettings(new CustomerSettings.Sis("oneroster-csv", location, null),
                new CustomerSettings.Ours("production", "lincoln"), new CustomerSettings.SnapshotTtl(60, 60));
    }

    static Run awaitFinished(String runId) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            Run run = runs.get(runId);
            if (run.status().finished()) {
                return run;
            }
            sleep(20);
        }
        throw new AssertionError("run " + runId + " did not finish: " + runs.get(runId));
    }

    static Run awaitPhase(String runId, String phase) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            Run run = runs.get(runId);
            if (phase.equals(run.progress().phase())) {
                return run;
            }
            sleep(20);
        }
        throw new AssertionError("run " + runId + " never reached phase " + phase + ": " + runs.get(runId));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRunGoesFromQueuedToSucceededWithFindingsSummaryAndAudit() {
        Run started = runs.start(ScriptedTool.ID, "lincoln", Map.of("count", 5, "label", "first"), "T-1001", "agent1");
        assertThat(started.status()).isEqualTo(RunStatus.QUEUED);

        Run done = awaitFinished(started.runId());
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.error()).isNull();
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(done.durationMs()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(done.progress()).isEqualTo(new ProgressReport("Done", 100));
        assertThat(done.ticketId()).isEqualTo("T-1001");
        assertThat(done.requestedBy()).isEqualTo("agent1");
        assertThat(done.parameters()).containsEntry("label", "first");
        assertThat(done.summary().total()).isEqualTo(5);
        assertThat(done.summary().bySeverity()).containsExactly(Map.entry("error", 2L), Map.entry("warning", 2L), Map.entry("info", 1L));
        assertThat(done.summary().byCategory()).containsExactly(Map.entry("ALPHA", 3L), Map.entry("BETA", 2L));
        assertThat(done.summary().profile()).containsKey("fields");

        FindingPage page = runs.findings(done.runId(), null, null, null, null);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(f -> f.id()).containsExactly("1", "2", "3", "4", "5");
        assertThat(page.items().get(0).entities().get(0).values()).containsEntry("email", null);
        // totals come from the summary for one filter and are counted for two; all must agree
        assertThat(runs.findings(done.runId(), "ALPHA", null, null, 1).total()).isEqualTo(3);
        assertThat(runs.findings(done.runId(), null, "warning", null, 1).total()).isEqualTo(2);
        assertThat(runs.findings(done.runId(), "ALPHA", "error", null, 1).total()).isEqualTo(1);
        assertThat(runs.findings(done.runId(), "GAMMA", null, null, 1).total()).isZero();

        assertThat(ScriptedTool.seenRunId).isEqualTo(done.runId());
        assertThat(ScriptedTool.seenCustomerId).isEqualTo("lincoln");

        List<AuditEvent> trail = ctx.getBean(AuditLog.class).trailOf("run:" + done.runId());
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("run.start");
            assertThat(e.actor()).isEqualTo("agent1");
            assertThat(e.details()).containsEntry("toolId", ScriptedTool.ID).containsEntry("ticketId", "T-1001");
        });
    }

    @Test
    void aSecondRunOnTheSameCustomerWithinTheTtlFetchesNothing() {
        ctx.getBean(CustomerService.class).save("twice", "Twice District", settings("/data/twice.zip"), "admin1");
        Run first = awaitFinished(runs.start(ScriptedTool.ID, "twice", Map.of("count", 1), null, "agent1").runId());
        int fetchesForFirst = FakeSnapshotProvider.FETCHES.get("twice").get();
        Run second = awaitFinished(runs.start(ScriptedTool.ID, "twice", Map.of("count", 1), null, "agent1").runId());

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(fetchesForFirst).isPositive();
        assertThat(FakeSnapshotProvider.FETCHES.get("twice").get()).isEqualTo(fetchesForFirst);
    }

    @Test
    void withoutARunQueueRunsStayInThisProcess() {
        assertThat(ctx.getBean(RunDispatcher.class)).isInstanceOf(InProcessRunDispatcher.class);
    }

    @Test
    void startRefusesUnknownToolsWithANotFound() {
        assertThatThrownBy(() -> runs.start("no-such-tool", "lincoln", Map.of(), null, "agent1"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-tool").hasMessageContaining(ScriptedTool.ID);
    }

    @Test
    void startNamesEveryBadFieldAtOnce() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("count", 2.5);
        bad.put("mode", "sideways");
        bad.put("colour", "red");
        long before = repository.count();
        assertThatThrownBy(() -> runs.start(ScriptedTool.ID, "nobody", bad, "not a ticket!", "agent1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("customerId", "ticketId", "parameters.count", "parameters.mode",
                                "parameters.colour"));
        assertThat(repository.count()).as("nothing is stored for a refused start").isEqualTo(before);
    }

    @Test
    void aUserFacingFailureShowsItsOwnWords() {
        Run run = awaitFinished(runs.start(ScriptedTool.ID, "lincoln", Map.of("mode", "user-error"), null, "agent1").runId());
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("The SIS export has no users.csv file.");
        assertThat(run.finishedAt()).isNotNull();
    }

    @Test
    void aConnectorFailureShowsItsOwnWords() {
        Run run = awaitFinished(runs.start(ScriptedTool.ID, "faraway", Map.of(), null, "agent1").runId());
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("SIS server did not answer");
    }

    @Test
    void aSideNoConnectorServesIsExplained() {
        Run run = awaitFinished(runs.start(ScriptedTool.ID, "linked", Map.of(), null, "agent1").runId());
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).startsWith("No connector in this deployment can read the SIS roster (classlink) for customer 'linked'");
    }

    @Test
    void anInternalFailureHidesItsDetailAndPointsToTheLogs() {
        Run run = awaitFinished(runs.start(ScriptedTool.ID, "lincoln", Map.of("mode", "crash"), null, "agent1").runId());
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo(RunExecutor.internalError(UUID.fromString(run.runId())))
                .doesNotContain("index 7");
    }

    @Test
    void aFailureWhileSavingLeavesNoFindingsBehind() {
        // 1,500 findings: the first INSERT of 1,000 rows succeeds, the second fails on the last one
        Run run = awaitFinished(runs.start(ScriptedTool.ID, "lincoln", Map.of("mode", "bad-finding", "count", 1500), null, "agent1").runId());
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.summary()).isNull();
        assertThat(ctx.getBean(com.bookmarked.cdt.core.store.FindingStore.class)
                .count(UUID.fromString(run.runId()), FindingFilter.ALL)).isZero();
    }

    @Test
    void progressIsVisibleWhileTheToolWorks() throws Exception {
        ScriptedTool.gate = new CountDownLatch(1);
        Run started = runs.start(ScriptedTool.ID, "lincoln", Map.of("mode", "block"), null, "agent1");
        Run midway = awaitPhase(started.runId(), "Checking");
        assertThat(midway.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(midway.progress().percent()).isEqualTo(42);
        ScriptedTool.gate.countDown();
        assertThat(awaitFinished(started.runId()).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void cancellingARunningRunStopsItAtTheNextProgressCheck() {
        Run started = runs.start(ScriptedTool.ID, "lincoln", Map.of("mode", "wait-for-cancel"), null, "agent1");
        awaitPhase(started.runId(), "Checking");
        Run asked = runs.cancel(started.runId(), "agent2");
        assertThat(asked.status()).isEqualTo(RunStatus.RUNNING);
        Run done = awaitFinished(started.runId());
        assertThat(done.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(done.progress().phase()).isEqualTo("Cancelled");
        assertThat(runs.findings(done.runId(), null, null, null, null).total()).as("a cancelled run keeps no findings").isZero();
        assertThat(ctx.getBean(AuditLog.class).trailOf("run:" + done.runId()))
                .extracting(AuditEvent::action, AuditEvent::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("run.cancel", "agent2"));
    }

    @Test
    void aSourceThatGivesUpBecauseOfTheCancelEndsCancelledNotFailed() {
        Run started = runs.start(ScriptedTool.ID, "lincoln", Map.of("mode", "throw-on-cancel"), null, "agent1");
        awaitPhase(started.runId(), "Checking");
        runs.cancel(started.runId(), "agent2");
        Run done = awaitFinished(started.runId());
        assertThat(done.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(done.error()).isNull();
    }

    @Test
    void cancellingAQueuedRunEndsItAtOnce() {
        UUID id = UUID.randomUUID();
        repository.save(new RunRecord(id, ScriptedTool.ID, "lincoln", null, "agent1", Map.of(), RunStatus.QUEUED,
                null, 0, java.time.Instant.now(), null, null, null, null, null, false));
        Run cancelled = runs.cancel(id.toString(), "agent1");
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.finishedAt()).isNotNull();
        // a worker that picks it up afterwards leaves it alone
        ctx.getBean(RunExecutor.class).execute(id);
        assertThat(runs.get(id.toString()).status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void cancellingAFinishedRunChangesNothing() {
        Run done = awaitFinished(runs.start(ScriptedTool.ID, "lincoln", Map.of(), null, "agent1").runId());
        assertThat(runs.cancel(done.runId(), "agent1")).isEqualTo(done);
    }

    @Test
    void unknownOrMalformedRunIdsAreNotFound() {
        assertThatThrownBy(() -> runs.get(UUID.randomUUID().toString())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runs.get("not-a-uuid")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void historyFiltersAndPagesNewestFirst() {
        String ticket = "T-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            awaitFinished(runs.start(ScriptedTool.ID, "lincoln", Map.of("count", 1), ticket, "pager").runId());
        }
        RunQuery query = new RunQuery("lincoln", ScriptedTool.ID, "succeeded", "pager", ticket);
        RunPage first = runs.history(query, null, 2);
        RunPage second = runs.history(query, first.nextCursor(), 2);
        RunPage third = runs.history(query, second.nextCursor(), 2);
        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(2);
        assertThat(third.items()).hasSize(1);
        assertThat(third.nextCursor()).isNull();
        List<Run> all = new java.util.ArrayList<>(first.items());
        all.addAll(second.items());
        all.addAll(third.items());
        assertThat(all).extracting(Run::runId).doesNotHaveDuplicates();
        assertThat(all).extracting(Run::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(runs.history(new RunQuery(null, null, null, null, ticket), null, 50).items()).hasSize(5);
        assertThat(runs.history(new RunQuery("faraway", null, null, null, ticket), null, 50).items()).isEmpty();

        assertThatThrownBy(() -> runs.history(new RunQuery(null, null, "done", null, null), null, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> runs.history(RunQuery.ALL, "garbage!", 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> runs.history(RunQuery.ALL, null, 0)).isInstanceOf(InvalidInputException.class);
    }
}
