package com.bookmarked.cdt.core.store;

import io.micronaut.context.annotation.Requires;
import com.bookmarked.cdt.core.finding.Finding;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A run's findings in the {@code findings} table. Each finding gets the id {@code "<seq>"}
 * (1, 2, 3, … in the order the tool returned them), which is also the keyset for paging.
 *
 * <p>Writes go in multi-row INSERTs of {@value #ROWS_PER_STATEMENT} rows: one round trip per
 * chunk, so that 100,000 findings store in seconds. Every method joins the caller's transaction
 * when there is one (so a run whose saving fails leaves no half-stored findings) and opens its
 * own otherwise.
 */
@Singleton
@Requires(beans = DataSource.class)
public class FindingStore {

    static final int ROWS_PER_STATEMENT = 1000;
    public static final int MAX_PAGE = 500;
    private static final String CURSOR_PREFIX = "finding-after:";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    public FindingStore(JdbcOperations jdbc, TransactionOperations<Connection> transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /** Stores the findings of one run; returns them with their ids. Joins the current transaction. */
    public List<Finding> insertAll(UUID runId, List<Finding> findings) {
        List<Finding> stored = new ArrayList<>(findings.size());
        if (findings.isEmpty()) {
            return stored;
        }
        transactions.executeWrite(status -> jdbc.execute(connection -> {
            String fullSql = insertSql(ROWS_PER_STATEMENT);
            try (PreparedStatement full = connection.prepareStatement(fullSql)) {
                int seq = 0;
                int n = findings.size();
                while (seq < n) {
                    int rows = Math.min(ROWS_PER_STATEMENT, n - seq);
                    PreparedStatement ps = rows == ROWS_PER_STATEMENT ? full : connection.prepareStatement(insertSql(rows));
                    try {
                        int p = 1;
                        for (int i = 0; i < rows; i++) {
                            seq++;
                            Finding f = findings.get(seq - 1);
                            ps.setObject(p++, runId);
                            ps.setInt(p++, seq);
                            ps.setString(p++, f.fingerprint());
                            ps.setString(p++, f.category());
                            ps.setString(p++, f.severity().wireName());
                            ps.setString(p++, f.rule());
                            ps.setString(p++, f.title());
                            ps.setString(p++, toJson(f.withId(null)));
                            stored.add(f.withId(Integer.toString(seq)));
                        }
                        ps.executeUpdate();
                    } finally {
                        if (ps != full) {
                            ps.close();
                        }
                    }
                }
            }
            return null;
        }));
        return stored;
    }

    public void deleteAll(UUID runId) {
        transactions.executeWrite(status -> jdbc.prepareStatement("DELETE FROM findings WHERE run_id = ?", ps -> {
            ps.setObject(1, runId);
            return ps.executeUpdate();
        }));
    }

    /** One page in id order, after the position the cursor names, with the total counted. */
    public FindingPage page(UUID runId, FindingFilter filter, String cursor, int limit) {
        return page(runId, filter, cursor, limit, null);
    }

    /**
     * One page in id order, after the position the cursor names.
     *
     * @param limit 1..{@value #MAX_PAGE}
     * @param knownTotal the number of matching findings when the caller knows it (from the run's
     *        summary), which saves counting them on every page; null to count
     */
    public FindingPage page(UUID runId, FindingFilter filter, String cursor, int limit, Long knownTotal) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE);
        }
        int after = 0;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Integer.parseInt(PageCursor.decode(cursor, CURSOR_PREFIX));
            } catch (NumberFormatException e) {
                throw PageCursor.invalid();
            }
        }
        int afterSeq = after;
        return transactions.executeRead(status -> {
            List<Finding> items = new ArrayList<>(limit);
            String sql = "SELECT seq, body FROM findings WHERE run_id = ?" + filterSql(filter)
                    + " AND seq > ? ORDER BY seq LIMIT ?";
            boolean more = jdbc.prepareStatement(sql, ps -> {
                int p = bindFilter(ps, runId, filter);
                ps.setInt(p++, afterSeq);
                ps.setInt(p, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (items.size() == limit) {
                            return true;
                        }
                        items.add(read(rs));
                    }
                }
                return false;
            });
            String next = more ? PageCursor.encode(CURSOR_PREFIX + items.get(items.size() - 1).id()) : null;
            return new FindingPage(items, next, knownTotal != null ? knownTotal : count(runId, filter));
        });
    }

    public long count(UUID runId, FindingFilter filter) {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT count(*) FROM findings WHERE run_id = ?" + filterSql(filter), ps -> {
                    bindFilter(ps, runId, filter);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
    }

    /**
     * Hands every matching finding, in id order, to {@code each} while reading them from a
     * database cursor, so that an export never holds the whole list in memory.
     */
    public void forEach(UUID runId, FindingFilter filter, Consumer<Finding> each) {
        transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT seq, body FROM findings WHERE run_id = ?" + filterSql(filter) + " ORDER BY seq", ps -> {
                    ps.setFetchSize(500);
                    bindFilter(ps, runId, filter);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            each.accept(read(rs));
                        }
                    }
                    return null;
                }));
    }

    private Finding read(ResultSet rs) throws SQLException {
        int seq = rs.getInt(1);
        try {
            return json.readValue(rs.getString(2), Finding.class).withId(Integer.toString(seq));
        } catch (IOException e) {
            throw new DataAccessException("finding " + seq + " could not be read back", e);
        }
    }

    private String toJson(Finding f) {
        try {
            return json.writeValueAsString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String filterSql(FindingFilter filter) {
        return (filter.category() == null ? "" : " AND category = ?")
                + (filter.severity() == null ? "" : " AND severity = ?");
    }

    private static int bindFilter(PreparedStatement ps, UUID runId, FindingFilter filter) throws SQLException {
        int p = 1;
        ps.setObject(p++, runId);
        if (filter.category() != null) {
            ps.setString(p++, filter.category());
        }
        if (filter.severity() != null) {
            ps.setString(p++, filter.severity().wireName());
        }
        return p;
    }

    private static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO findings (run_id, seq, fingerprint, category, severity, rule, title, body) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,CAST(? AS json))");
        }
        return sql.toString();
    }
}
