package com.bookmarked.cdt.core.run;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What an agent sees first: runs going on now, recent runs (theirs and everyone's), runs that
 * failed this week, customers whose latest run of a tool found errors, and connectors whose
 * latest connection test failed. Each list is short and read on an index.
 */
@Singleton
@Requires(beans = DataSource.class)
public class Dashboard {

    static final int RUNNING = 20;
    static final int RECENT = 10;
    static final int FAILED = 10;
    static final int CUSTOMERS = 20;
    static final int CONNECTORS = 20;
    static final Duration FAILED_WITHIN = Duration.ofDays(7);

    /** The latest SUCCEEDED run of one tool on one customer, and how many errors it found. */
    @Serdeable
    public record CustomerWithErrors(String customerId, String customerName, String toolId, String runId,
                                     @Nullable Instant finishedAt, long errors) {
    }

    /** The latest connection test of one connector on one customer, which failed. */
    @Serdeable
    public record ConnectorFailure(String customerId, String customerName, String connector, Instant at, String actor,
                                   @Nullable String verdict, List<String> failedChecks) {
    }

    @Serdeable
    public record Board(List<Run> running, List<Run> recentMine, List<Run> recentAll, List<Run> failed,
                        List<CustomerWithErrors> customersWithErrors, List<ConnectorFailure> connectorFailures) {
    }

    private final RunHistory history;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    public Dashboard(RunHistory history, JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.history = history;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public Board forUser(String username) {
        Instant weekAgo = Instant.now().minus(FAILED_WITHIN);
        return new Board(
                runs(RunHistory.Filter.statuses(RunStatus.QUEUED, RunStatus.RUNNING), RUNNING),
                runs(new RunHistory.Filter(null, null, List.of(), username, null, null, null), RECENT),
                runs(new RunHistory.Filter(null, null, List.of(), null, null, null, null), RECENT),
                runs(new RunHistory.Filter(null, null, List.of(RunStatus.FAILED), null, null, weekAgo, null), FAILED),
                customersWithErrors(),
                connectorFailures());
    }

    private List<Run> runs(RunHistory.Filter filter, int limit) {
        return history.read(filter, null, null, limit).stream().map(RunRecord::toRun).toList();
    }

    private List<CustomerWithErrors> customersWithErrors() {
        // DISTINCT ON walks runs_latest_succeeded: one row per customer and tool, the newest
        String sql = "SELECT r.customer_id, coalesce(c.name, r.customer_id), r.tool_id, r.id, r.finished_at, r.errors "
                + "FROM (SELECT DISTINCT ON (customer_id, tool_id) customer_id, tool_id, id, finished_at, "
                + "        coalesce((summary -> 'bySeverity' ->> 'error')::bigint, 0) AS errors "
                + "      FROM runs WHERE status = 'SUCCEEDED' "
                + "      ORDER BY customer_id, tool_id, created_at DESC, id DESC) r "
                + "LEFT JOIN customers c ON c.id = r.customer_id "
                + "WHERE r.errors > 0 ORDER BY r.errors DESC, r.finished_at DESC NULLS LAST LIMIT ?";
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            ps.setInt(1, CUSTOMERS);
            List<CustomerWithErrors> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CustomerWithErrors(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs, 5), rs.getLong(6)));
                }
            }
            return out;
        }));
    }

    private List<ConnectorFailure> connectorFailures() {
        String sql = "SELECT substring(t.target FROM 10), coalesce(c.name, substring(t.target FROM 10)), t.connector, "
                + "       t.at, t.actor, t.details ->> 'verdict', "
                + "       CASE WHEN jsonb_typeof(t.details -> 'failedChecks') = 'array' "
                + "            THEN ARRAY(SELECT jsonb_array_elements_text(t.details -> 'failedChecks')) END "
                + "FROM (SELECT DISTINCT ON (target, details ->> 'connector') target, details ->> 'connector' AS connector, "
                + "        details, at, actor "
                + "      FROM audit_events WHERE action = 'connector.test' AND target LIKE 'customer:%' "
                + "      ORDER BY target, details ->> 'connector', at DESC, id DESC) t "
                + "LEFT JOIN customers c ON 'customer:' || c.id = t.target "
                + "WHERE (t.details ->> 'ok') IS DISTINCT FROM 'true' ORDER BY t.at DESC LIMIT ?";
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            ps.setInt(1, CONNECTORS);
            List<ConnectorFailure> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ConnectorFailure(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                            rs.getString(5), rs.getString(6), checks(rs.getArray(7))));
                }
            }
            return out;
        }));
    }

    private static List<String> checks(@Nullable java.sql.Array names) throws SQLException {
        return names == null ? List.of() : List.of((String[]) names.getArray());
    }

    @Nullable
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
