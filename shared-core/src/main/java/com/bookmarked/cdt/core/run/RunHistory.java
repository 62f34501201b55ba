package com.bookmarked.cdt.core.run;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads the run history newest first, keyset-paged on {@code (created_at, id)}. The SQL holds
 * only the conditions asked for, so that PostgreSQL plans each combination on its own instead of
 * one catch-all plan with "or the parameter is null" branches.
 */
@Singleton
@Requires(beans = DataSource.class)
public class RunHistory {

    /**
     * Validated filters; null (or an empty status list) means "any".
     *
     * @param from inclusive
     * @param to exclusive
     */
    public record Filter(@Nullable String customerId, @Nullable String toolId, List<RunStatus> statuses,
                         @Nullable String requestedBy, @Nullable String ticketId,
                         @Nullable Instant from, @Nullable Instant to) {

        public Filter {
            statuses = statuses == null ? List.of() : List.copyOf(statuses);
        }

        public static Filter statuses(RunStatus... statuses) {
            return new Filter(null, null, List.of(statuses), null, null, null, null);
        }
    }

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    public RunHistory(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Up to {@code limit} runs, newest first, strictly older than the {@code (beforeAt, beforeId)} position when given. */
    public List<RunRecord> read(Filter filter, @Nullable Instant beforeAt, @Nullable UUID beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM runs WHERE true");
        List<Object> args = new ArrayList<>();
        condition(sql, args, " AND customer_id = ?", filter.customerId());
        condition(sql, args, " AND tool_id = ?", filter.toolId());
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND status IN (").append("?,".repeat(filter.statuses().size() - 1)).append("?)");
            filter.statuses().forEach(s -> args.add(s.name()));
        }
        condition(sql, args, " AND requested_by = ?", filter.requestedBy());
        condition(sql, args, " AND ticket_id = ?", filter.ticketId());
        condition(sql, args, " AND created_at >= ?", filter.from());
        condition(sql, args, " AND created_at < ?", filter.to());
        if (beforeAt != null) {
            sql.append(" AND (created_at, id) < (?, ?)");
            args.add(beforeAt);
            args.add(beforeId);
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        args.add(limit);
        return transactions.executeRead(status -> jdbc.prepareStatement(sql.toString(), ps -> {
            bind(ps, args);
            List<RunRecord> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(jdbc.readEntity(rs, RunRecord.class));
                }
            }
            return rows;
        }));
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, @Nullable Object value) {
        if (value != null) {
            sql.append(clause);
            args.add(value);
        }
    }

    static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Instant at) {
                ps.setTimestamp(i + 1, Timestamp.from(at));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }
}
