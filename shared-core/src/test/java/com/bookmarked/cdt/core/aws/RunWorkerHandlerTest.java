package com.bookmarked.cdt.core.aws;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.run.Run;
import com.bookmarked.cdt.core.run.RunQuery;
import com.bookmarked.cdt.core.run.RunRecord;
import com.bookmarked.cdt.core.run.RunRepository;
import com.bookmarked.cdt.core.run.RunService;
import com.bookmarked.cdt.core.run.RunStatus;
import com.bookmarked.cdt.core.run.ScriptedTool;
import com.bookmarked.cdt.core.testing.FakeAws;
import com.bookmarked.cdt.core.testing.LambdaTestContext;
import com.bookmarked.cdt.core.testing.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run path as deployed: a tool function's API puts the run on the queue (SQS's JSON
 * protocol on 127.0.0.1), and the worker handler, started as Lambda starts it, takes the very
 * message SQS was sent and runs the run against a real PostgreSQL.
 */
class RunWorkerHandlerTest {

    static FakeAws aws;
    static RunWorkerHandler handler;
    static ApplicationContext ctx;
    static RunService runs;
    static RunRepository repository;

    @BeforeAll
    static void start() {
        aws = FakeAws.start();
        Map<String, Object> props = new HashMap<>(TestDatabases.fresh().micronautProperties());
        props.putAll(aws.micronautProperties());
        props.put("cdt.test.scripted-tool", "true");
        // as Lambda builds it: function and lambda environments, every singleton created at start
        handler = new RunWorkerHandler(new LambdaApplicationContextBuilder().properties(props).singletons(aws.credentials()));
        ctx = handler.getApplicationContext();
        runs = ctx.getBean(RunService.class);
        repository = ctx.getBean(RunRepository.class);
        ctx.getBean(CustomerService.class).save("lincoln", "Lincoln Unified", new CustomerSettings(
                new CustomerSettings.Sis("oneroster-csv", "/data/lincoln.zip", null),
                new CustomerSettings.Ours("production", "lincoln"), new CustomerSettings.SnapshotTtl(60, 60)), "admin1");
    }

    @AfterAll
    static void stop() {
        handler.close();
        aws.close();
    }

    @BeforeEach
    void queueAccepts() {
        aws.reset();
        aws.acceptSendMessage();
    }

    /** Starts a run through the API's service; returns the message the queue received for it. */
    static SQSEvent.SQSMessage startQueued(Map<String, Object> parameters) {
        int before = aws.sentMessageBodies().size();
        Run run = runs.start(ScriptedTool.ID, "lincoln", parameters, null, "agent1");
        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
        List<String> bodies = aws.sentMessageBodies();
        assertThat(bodies).hasSize(before + 1);
        assertThat(bodies.get(before)).contains(run.runId());
        return message(bodies.get(before));
    }

    static SQSEvent.SQSMessage message(String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(UUID.randomUUID().toString());
        m.setReceiptHandle("rh-" + m.getMessageId());
        m.setBody(body);
        m.setEventSource("aws:sqs");
        m.setEventSourceArn("arn:aws:sqs:eu-west-1:000000000000:cdt-runs");
        m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return m;
    }

    static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent e = new SQSEvent();
        e.setRecords(List.of(messages));
        return e;
    }

    static List<String> deliver(SQSEvent.SQSMessage... messages) {
        SQSBatchResponse response = handler.handleRequest(event(messages), new LambdaTestContext());
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    static String runIdOf(SQSEvent.SQSMessage m) {
        return m.getBody().replaceAll(".*\"runId\":\"([^\"]+)\".*", "$1");
    }

    static Run awaitStatus(String runId, RunStatus status) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            Run run = runs.get(runId);
            if (run.status() == status && !"Starting".equals(run.progress().phase())) {
                return run;
            }
            sleep(10);
        }
        throw new AssertionError("run " + runId + " never became " + status + ": " + runs.get(runId));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theContextIsOneLambdaContextForEveryEvent() {
        assertThat(ctx.getEnvironment().getActiveNames()).contains("function", "lambda");
        assertThat(ctx.getBean(com.bookmarked.cdt.core.run.RunDispatcher.class)).isInstanceOf(SqsRunDispatcher.class);
        deliver();
        assertThat(handler.getApplicationContext()).isSameAs(ctx);
        assertThat(ctx.isRunning()).isTrue();
    }

    @Test
    void aQueuedRunIsRunFromTheMessageTheQueueWasSent() {
        SQSEvent.SQSMessage m = startQueued(Map.of("count", 4, "label", "from-sqs"));
        String runId = runIdOf(m);
        assertThat(runs.get(runId).status()).as("nothing runs it in the API's process").isEqualTo(RunStatus.QUEUED);

        assertThat(deliver(m)).isEmpty();

        Run done = runs.get(runId);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.summary().total()).isEqualTo(4);
        assertThat(runs.findings(runId, null, null, null, null).total()).isEqualTo(4);
        assertThat(ScriptedTool.analysesOf(runId)).isEqualTo(1);
    }

    @Test
    void aRunDeliveredAgainAfterItFinishedIsAcknowledgedAndNotRunTwice() {
        SQSEvent.SQSMessage m = startQueued(Map.of("count", 2));
        String runId = runIdOf(m);
        assertThat(deliver(m)).isEmpty();
        Run first = runs.get(runId);

        SQSEvent.SQSMessage again = message(m.getBody());
        assertThat(deliver(again)).as("acknowledged: SQS must not keep offering it").isEmpty();

        assertThat(runs.get(runId)).isEqualTo(first);
        assertThat(ScriptedTool.analysesOf(runId)).isEqualTo(1);
    }

    @Test
    void aDuplicateThatArrivesWhileTheRunIsRunningIsOfferedAgainLaterAndNotRun() throws Exception {
        ScriptedTool.gate = new CountDownLatch(1);
        SQSEvent.SQSMessage m = startQueued(Map.of("mode", "block"));
        String runId = runIdOf(m);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> firstDelivery = worker.submit(() -> deliver(m));
            awaitStatus(runId, RunStatus.RUNNING);

            SQSEvent.SQSMessage duplicate = message(m.getBody());
            assertThat(deliver(duplicate)).containsExactly(duplicate.getMessageId());
            assertThat(runs.get(runId).status()).isEqualTo(RunStatus.RUNNING);

            ScriptedTool.gate.countDown();
            assertThat(firstDelivery.get(20, TimeUnit.SECONDS)).isEmpty();
            assertThat(runs.get(runId).status()).isEqualTo(RunStatus.SUCCEEDED);
            // SQS offers the duplicate once more: now it is simply acknowledged
            assertThat(deliver(duplicate)).isEmpty();
            assertThat(ScriptedTool.analysesOf(runId)).isEqualTo(1);
        } finally {
            ScriptedTool.gate.countDown();
            worker.shutdownNow();
        }
    }

    @Test
    void twoWorkersGivenTheSameQueuedRunAtOnceRunItOnce() throws Exception {
        // a race: several rounds, so that both workers often read QUEUED before either claims the run
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                SQSEvent.SQSMessage m = startQueued(Map.of("count", 1));
                String runId = runIdOf(m);
                SQSEvent.SQSMessage duplicate = message(m.getBody());
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<List<String>>> deliveries = new ArrayList<>();
                for (SQSEvent.SQSMessage each : List.of(m, duplicate)) {
                    deliveries.add(workers.submit(() -> {
                        together.await(5, TimeUnit.SECONDS);
                        return deliver(each);
                    }));
                }
                for (Future<List<String>> d : deliveries) {
                    d.get(20, TimeUnit.SECONDS);
                }
                assertThat(runs.get(runId).status()).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(ScriptedTool.analysesOf(runId)).as("round " + round).isEqualTo(1);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aRunLeftRunningPastTheWorkerTimeLimitEndsFailedWithAReason() {
        UUID id = UUID.randomUUID();
        Instant started = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        repository.save(new RunRecord(id, ScriptedTool.ID, "lincoln", null, "agent1", Map.of(), RunStatus.RUNNING,
                "Analysing", 40, started.minusSeconds(1), started, null, null, null, null, false));

        assertThat(deliver(message(SqsRunDispatcher.messageBody(id)))).isEmpty();

        Run failed = runs.get(id.toString());
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).isEqualTo(RunWorker.ABANDONED);
        assertThat(failed.durationMs()).isGreaterThanOrEqualTo(Duration.ofMinutes(20).toMillis());
        assertThat(ScriptedTool.analysesOf(id.toString())).isZero();
    }

    @Test
    void aRunRecentlyStartedElsewhereIsLeftToItsWorker() {
        UUID id = UUID.randomUUID();
        Instant started = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        repository.save(new RunRecord(id, ScriptedTool.ID, "lincoln", null, "agent1", Map.of(), RunStatus.RUNNING,
                "Analysing", 40, started.minusSeconds(1), started, null, null, null, null, false));
        SQSEvent.SQSMessage m = message(SqsRunDispatcher.messageBody(id));

        assertThat(deliver(m)).containsExactly(m.getMessageId());
        assertThat(runs.get(id.toString()).status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void onlyTheRecordsThatCouldNotBeHandledAreReportedInABatch() {
        SQSEvent.SQSMessage good = startQueued(Map.of("count", 3));
        SQSEvent.SQSMessage garbage = message("not json at all");
        SQSEvent.SQSMessage noRunId = message("{\"run\":\"x\"}");
        SQSEvent.SQSMessage badUuid = message("{\"runId\":\"nope\"}");
        SQSEvent.SQSMessage unknownRun = message(SqsRunDispatcher.messageBody(UUID.randomUUID()));

        List<String> failed = deliver(garbage, good, noRunId, unknownRun, badUuid);

        // unreadable messages go back (and on to the dead-letter queue); a run that is not stored is done with
        assertThat(failed).containsExactly(garbage.getMessageId(), noRunId.getMessageId(), badUuid.getMessageId());
        assertThat(runs.get(runIdOf(good)).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aQueueThatRefusesTheRunFailsItWithTheReasonAndTellsTheCaller() {
        aws.reset();
        aws.refuseSendMessage(400, "com.amazon.coral.service#AccessDeniedException", "AccessDenied",
                "User: arn:aws:sts::000000000000:assumed-role/cdt-tool/fn is not authorized to perform: sqs:sendmessage");
        String ticket = "T-" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> runs.start(ScriptedTool.ID, "lincoln", Map.of(), ticket, "agent1"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.detail()).contains("not allowed to put runs on its run queue");
                });

        List<Run> stored = runs.history(new RunQuery(null, null, null, null, ticket), null, 5).items();
        assertThat(stored).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.error()).contains("not allowed to put runs on its run queue").doesNotContain("arn:aws");
        });
    }
}
