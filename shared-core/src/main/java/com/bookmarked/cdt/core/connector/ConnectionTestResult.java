package com.bookmarked.cdt.core.connector;

import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /api/connectors/{type}/test}: the checks a connector made, in the
 * order it made them, and one sentence for the agent. A connection that fails is still an
 * answer (ok = false), not an error; checks stop at the first failure, so the last one listed is
 * what to fix. Every message is written for a support agent and holds no secret or personal data.
 */
@Serdeable
public record ConnectionTestResult(boolean ok, List<Check> checks, String verdict) {

    public ConnectionTestResult {
        checks = List.copyOf(checks);
    }

    /** One thing checked: a short label, whether it passed, and what was found. */
    @Serdeable
    public record Check(String name, boolean ok, String message) {
    }

    /**
     * The result of {@code checks}: ok when every check passed, with {@code verdictWhenOk}; else
     * the first failure's message is the verdict.
     */
    public static ConnectionTestResult of(List<Check> checks, String verdictWhenOk) {
        for (Check c : checks) {
            if (!c.ok()) {
                return new ConnectionTestResult(false, checks, c.message());
            }
        }
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("a connection test checks something");
        }
        return new ConnectionTestResult(true, checks, verdictWhenOk);
    }

    /** The result of checks that stopped at a failure (the last one). */
    public static ConnectionTestResult failed(List<Check> checks) {
        if (checks.isEmpty() || checks.get(checks.size() - 1).ok()) {
            throw new IllegalArgumentException("a failed connection test ends with the check that failed");
        }
        return of(checks, null);
    }

    /** What the audit trail keeps of a test: the connector, the outcome, the verdict, the failed checks. */
    public Map<String, Object> auditDetails(String connector) {
        List<String> failed = new ArrayList<>();
        for (Check c : checks) {
            if (!c.ok()) {
                failed.add(c.name());
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("connector", connector);
        details.put("ok", ok);
        details.put("verdict", verdict);
        details.put("failedChecks", failed);
        return details;
    }
}
