package com.bookmarked.cdt.core.store;

import io.micronaut.context.annotation.Requires;
import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.http.InvalidInputException;
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
import java.util.Locale;
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
    private static final String SORTED_CURSOR_PREFIX = "findings:";

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
                            ps.setString(p++, searchText(f));
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
        return page(runId, filter, FindingSort.SEQ, cursor, limit, null);
    }

    /** One page in id order; see {@link #page(UUID, FindingFilter, FindingSort, String, int, Long)}. */
    public FindingPage page(UUID runId, FindingFilter filter, String cursor, int limit, Long knownTotal) {
        return page(runId, filter, FindingSort.SEQ, cursor, limit, knownTotal);
    }

    /**
     * One page in the given order, after the position the cursor names. The cursor holds the last
     * finding's sort value and seq, so the next page starts on the index right where this one
     * ended (no OFFSET), and a cursor of another order or list is refused.
     *
     * @param limit 1..{@value #MAX_PAGE}
     * @param knownTotal the number of matching findings when the caller knows it (from the run's
     *        summary), which saves counting them on every page; null to count
     */
    public FindingPage page(UUID runId, FindingFilter filter, FindingSort sort, String cursor, int limit, Long knownTotal) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE);
        }
        Position after = cursor == null || cursor.isBlank() ? null : Position.decode(cursor, sort);
        return transactions.executeRead(status -> {
            List<Finding> items = new ArrayList<>(limit);
            Position[] last = new Position[1];
            String sql = "SELECT seq, body" + (sort.key().column == null ? "" : ", " + sort.key().column)
                    + " FROM findings WHERE run_id = ?" + filterSql(filter)
                    + (after == null ? "" : " AND " + sort.after())
                    + " ORDER BY " + sort.orderBy() + " LIMIT ?";
            boolean more = jdbc.prepareStatement(sql, ps -> {
                int p = bindFilter(ps, runId, filter);
                if (after != null) {
                    p = after.bind(ps, p);
                }
                ps.setInt(p, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (items.size() == limit) {
                            return true;
                        }
                        items.add(read(rs));
                        last[0] = Position.of(rs, sort);
                    }
                }
                return false;
            });
            String next = more ? last[0].encode() : null;
            return new FindingPage(items, next, knownTotal != null ? knownTotal : count(runId, filter));
        });
    }

    /** The cursor that continues after the finding at {@code offset} (0-based) of this list; for benchmarks and tests. */
    String cursorAt(UUID runId, FindingFilter filter, FindingSort sort, int offset) {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT seq, body" + (sort.key().column == null ? "" : ", " + sort.key().column)
                        + " FROM findings WHERE run_id = ?" + filterSql(filter)
                        + " ORDER BY " + sort.orderBy() + " OFFSET ? LIMIT 1", ps -> {
                    int p = bindFilter(ps, runId, filter);
                    ps.setInt(p, offset);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Position.of(rs, sort).encode() : null;
                    }
                }));
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

    /** How a finding of one run stands against an earlier run of the same tool and customer, matched by fingerprint. */
    public enum Change {
        // the ordinal is the change's number in finding_changes: keep this order
        /** in the later run only */
        NEW,
        /** in the earlier run only (the earlier run's finding is the one shown) */
        RESOLVED,
        /** in both (the later run's finding is shown) */
        UNCHANGED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Works out, once per pair of runs, which findings are new, resolved or unchanged (one hash
     * join over both runs' fingerprints), so that every later page and count of that comparison
     * reads an index. Both runs must be finished: their findings never change after that.
     * Comparisons worked out more than {@value #COMPARISONS_KEPT_DAYS} days ago are dropped when a new
     * one is made.
     */
    public static final int COMPARISONS_KEPT_DAYS = 7;

    public void prepareComparison(UUID run, UUID with) {
        transactions.executeWrite(status -> jdbc.execute(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(
                    "INSERT INTO run_comparisons (run_id, with_run_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                claim.setObject(1, run);
                claim.setObject(2, with);
                if (claim.executeUpdate() == 0) {
                    return null; // done before (or by a request that got here first and has now committed)
                }
            }
            // A comparison is a cache (about 50 bytes per finding): old ones go, and are worked out again if asked for.
            try (PreparedStatement prune = connection.prepareStatement(
                    "DELETE FROM run_comparisons WHERE compared_at < now() - make_interval(days => ?)")) {
                prune.setInt(1, COMPARISONS_KEPT_DAYS);
                prune.executeUpdate();
            }
            try (PreparedStatement changes = connection.prepareStatement(
                    "INSERT INTO finding_changes (run_id, with_run_id, change, seq) "
                            + "SELECT ?, ?, CASE WHEN o.fingerprint IS NULL THEN 0 ELSE 2 END, f.seq FROM findings f "
                            + "LEFT JOIN (SELECT DISTINCT fingerprint FROM findings WHERE run_id = ?) o ON o.fingerprint = f.fingerprint "
                            + "WHERE f.run_id = ? "
                            + "UNION ALL "
                            + "SELECT ?, ?, 1, o.seq FROM findings o "
                            + "WHERE o.run_id = ? AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.run_id = ? AND f.fingerprint = o.fingerprint)")) {
                Object[] args = {run, with, with, run, run, with, with, run};
                for (int i = 0; i < args.length; i++) {
                    changes.setObject(i + 1, args[i]);
                }
                changes.executeUpdate();
            }
            return null;
        }));
    }

    /**
     * Up to {@code limit} findings of one change between {@code run} and the earlier run
     * {@code with}, in seq order of the run they are shown from, after {@code afterSeq}. The
     * filter applies to the finding shown. Needs {@link #prepareComparison} first.
     */
    public List<Finding> compared(UUID run, UUID with, Change change, FindingFilter filter, int afterSeq, int limit) {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT f.seq, f.body FROM finding_changes c JOIN findings f ON f.run_id = ?" + filterSql(filter)
                        + " AND f.seq = c.seq WHERE c.run_id = ? AND c.with_run_id = ? AND c.change = ? AND c.seq > ?"
                        + " ORDER BY c.seq LIMIT ?", ps -> {
                    int p = bindFilter(ps, change == Change.RESOLVED ? with : run, filter);
                    ps.setObject(p++, run);
                    ps.setObject(p++, with);
                    ps.setShort(p++, (short) change.ordinal());
                    ps.setInt(p++, afterSeq);
                    ps.setInt(p, limit);
                    List<Finding> items = new ArrayList<>(limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.add(read(rs));
                        }
                    }
                    return items;
                }));
    }

    /** How many findings have this change between the two runs, under the filter. Needs {@link #prepareComparison} first. */
    public long countCompared(UUID run, UUID with, Change change, FindingFilter filter) {
        boolean filtered = filter.category() != null || filter.severity() != null || filter.search() != null;
        String sql = filtered
                ? "SELECT count(*) FROM finding_changes c JOIN findings f ON f.run_id = ?" + filterSql(filter)
                        + " AND f.seq = c.seq WHERE c.run_id = ? AND c.with_run_id = ? AND c.change = ?"
                : "SELECT count(*) FROM finding_changes c WHERE c.run_id = ? AND c.with_run_id = ? AND c.change = ?";
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            int p = filtered ? bindFilter(ps, change == Change.RESOLVED ? with : run, filter) : 1;
            ps.setObject(p++, run);
            ps.setObject(p++, with);
            ps.setShort(p, (short) change.ordinal());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** Every matching finding in id order; see {@link #forEach(UUID, FindingFilter, FindingSort, Consumer)}. */
    public void forEach(UUID runId, FindingFilter filter, Consumer<Finding> each) {
        forEach(runId, filter, FindingSort.SEQ, each);
    }

    /**
     * Hands every matching finding, in the given order, to {@code each} while reading them from a
     * database cursor, so that an export never holds the whole list in memory.
     */
    public void forEach(UUID runId, FindingFilter filter, FindingSort sort, Consumer<Finding> each) {
        transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT seq, body FROM findings WHERE run_id = ?" + filterSql(filter) + " ORDER BY " + sort.orderBy(), ps -> {
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

    /**
     * Where a page ended: the last finding's seq and, for sorts other than seq, its sort value.
     * The seq order keeps the cursor format it always had ({@code finding-after:<seq>}).
     */
    private record Position(FindingSort sort, int seq, Object value) {

        static Position of(ResultSet rs, FindingSort sort) throws SQLException {
            int seq = rs.getInt(1);
            if (sort.key().column == null) {
                return new Position(sort, seq, null);
            }
            return new Position(sort, seq, sort.key() == FindingSort.Key.SEVERITY ? (Object) rs.getInt(3) : rs.getString(3));
        }

        String encode() {
            if (sort.equals(FindingSort.SEQ)) {
                return PageCursor.encode(CURSOR_PREFIX + seq);
            }
            return PageCursor.encode(SORTED_CURSOR_PREFIX + sort.wireName() + ":" + seq + ":" + (value == null ? "" : value));
        }

        static Position decode(String cursor, FindingSort sort) {
            try {
                if (sort.equals(FindingSort.SEQ)) {
                    return new Position(sort, Integer.parseInt(PageCursor.decode(cursor, CURSOR_PREFIX)), null);
                }
                String rest = PageCursor.decode(cursor, SORTED_CURSOR_PREFIX + sort.wireName() + ":");
                int colon = rest.indexOf(':');
                int seq = Integer.parseInt(rest.substring(0, colon));
                String text = rest.substring(colon + 1);
                Object value = switch (sort.key()) {
                    case SEQ -> null;
                    case SEVERITY -> Integer.parseInt(text);
                    default -> text;
                };
                return new Position(sort, seq, value);
            } catch (RuntimeException e) {
                if (e instanceof InvalidInputException invalid) {
                    throw invalid;
                }
                throw PageCursor.invalid();
            }
        }

        int bind(PreparedStatement ps, int p) throws SQLException {
            if (sort.key().column != null) {
                if (value instanceof Integer i) {
                    ps.setInt(p++, i);
                } else {
                    ps.setString(p++, (String) value);
                }
            }
            ps.setInt(p++, seq);
            return p;
        }
    }

    /**
     * What {@code q} searches, lower-cased: the title, rule and category, then every entity's key
     * and values, a line each, so that a match never spans two of them.
     */
    static String searchText(Finding f) {
        StringBuilder text = new StringBuilder(256);
        text.append(f.title()).append('\n').append(f.rule() == null ? "" : f.rule()).append('\n').append(f.category());
        for (EntityRef e : f.entities()) {
            text.append('\n').append(e.key());
            for (String v : e.values().values()) {
                if (v != null && !v.isEmpty()) {
                    text.append('\n').append(v);
                }
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
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
                + (filter.severity() == null ? "" : " AND severity = ?")
                + (filter.search() == null ? "" : " AND search LIKE ? ESCAPE '\\'");
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
        if (filter.search() != null) {
            String q = filter.search().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            ps.setString(p++, "%" + q + "%");
        }
        return p;
    }

    private static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO findings (run_id, seq, fingerprint, category, severity, rule, title, body, search) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,CAST(? AS json),?)");
        }
        return sql.toString();
    }
}
