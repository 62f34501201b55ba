package com.bookmarked.cdt.core.run;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Resolution;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.logging.LogContext;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.DiagnosticTool;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.SnapshotNeed;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolDescriptor;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tool whose behaviour the test picks with the {@code mode} parameter. Active only with
 * {@code cdt.test.scripted-tool=true}, so it never appears in another test's context.
 */
@Singleton
@Requires(property = "cdt.test.scripted-tool", value = "true")
public class ScriptedTool implements DiagnosticTool {

    public static final String ID = "scripted-test";
    /** Released by tests that use mode {@code block}. */
    public static volatile CountDownLatch gate = new CountDownLatch(1);
    /** The MDC the last analysis saw. */
    public static volatile String seenRunId;
    public static volatile String seenCustomerId;
    /** How often each run (by id) was analysed: a run must never be analysed twice. */
    public static final Map<String, AtomicInteger> ANALYSES = new ConcurrentHashMap<>();

    public static int analysesOf(String runId) {
        AtomicInteger n = ANALYSES.get(runId);
        return n == null ? 0 : n.get();
    }

    @Override
    public ToolDescriptor descriptor() {
        return new ToolDescriptor(ID, "Scripted test tool", "Does what the test asks.",
                List.of(new SnapshotNeed(SnapshotSide.SIS, "to read"), new SnapshotNeed(SnapshotSide.OURS, "to compare")),
                Map.of("type", "object",
                        "properties", Map.of(
                                "count", Map.of("type", "integer", "minimum", 0, "maximum", 200_000),
                                "mode", Map.of("type", "string", "enum",
                                        List.of("ok", "user-error", "crash", "wait-for-cancel", "throw-on-cancel", "block",
                                                "bad-finding")),
                                "label", Map.of("type", "string", "maxLength", 20)),
                        "additionalProperties", false),
                List.of("ALPHA", "BETA"));
    }

    @Override
    public ToolResult analyze(Snapshots snapshots, ToolParameters parameters, Progress progress) {
        snapshots.sis();
        snapshots.ours();
        seenRunId = MDC.get(LogContext.RUN_ID);
        seenCustomerId = MDC.get(LogContext.CUSTOMER_ID);
        ANALYSES.computeIfAbsent(String.valueOf(seenRunId), k -> new AtomicInteger()).incrementAndGet();
        int count = (int) parameters.number("count", 3);
        switch (parameters.string("mode", "ok")) {
            case "user-error" -> throw new UserFacingException("The SIS export has no users.csv file.");
            case "crash" -> throw new IllegalStateException("internal detail: index 7 out of bounds in matcher");
            case "wait-for-cancel" -> {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                int i = 0;
                while (System.nanoTime() < until) {
                    progress.report("Checking", i++ % 100);
                    if (progress.cancelled()) {
                        return new ToolResult(findings(1, -1), Map.of());
                    }
                    sleep(5);
                }
                throw new IllegalStateException("never cancelled");
            }
            case "throw-on-cancel" -> {
                // like a connector that abandons a half-read source when the run is cancelled
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < until) {
                    progress.report("Checking", 10);
                    if (progress.cancelled()) {
                        throw new UserFacingException("Reading stopped because the run was cancelled.");
                    }
                    sleep(5);
                }
                throw new IllegalStateException("never cancelled");
            }
            case "block" -> {
                progress.report("Checking", 42);
                try {
                    if (!gate.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("gate never opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            case "bad-finding" -> {
                return new ToolResult(findings(count, count - 1), Map.of());
            }
            default -> {
            }
        }
        progress.report("Checking", 100);
        return new ToolResult(findings(count, -1), Map.of("fields", Map.of("sis.student.email", 0.5)));
    }

    /** {@code n} findings, alternating ALPHA/BETA and cycling severities; {@code broken} gets no title. */
    public static List<Finding> findings(int n, int broken) {
        List<Finding> out = new ArrayList<>(n);
        Severity[] severities = Severity.values();
        for (int i = 0; i < n; i++) {
            String category = i % 2 == 0 ? "ALPHA" : "BETA";
            Severity severity = severities[i % severities.length];
            EntityRef sis = EntityRef.of(SnapshotSide.SIS, EntityType.STUDENT, "sis-" + i, "grade", "05", "email", null);
            EntityRef ours = EntityRef.of(SnapshotSide.OURS, EntityType.STUDENT, "ours-" + i, "grade", "06");
            String title = i == broken ? null : "Student " + i + " differs";
            out.add(new Finding(null, Finding.fingerprintOf(ID, category, "rule." + category, List.of(sis, ours)), ID,
                    category, severity, title, "rule." + category, List.of(sis, ours),
                    Map.of("index", i), new Resolution("re-sync", "Re-sync student " + i, null)));
        }
        return out;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
