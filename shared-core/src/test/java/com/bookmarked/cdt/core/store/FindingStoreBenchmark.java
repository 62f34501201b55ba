package com.bookmarked.cdt.core.store;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.run.RunComparison;
import com.bookmarked.cdt.core.run.RunComparison.Comparison;
import com.bookmarked.cdt.core.run.RunRecord;
import com.bookmarked.cdt.core.run.RunRepository;
import com.bookmarked.cdt.core.run.RunStatus;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.testing.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How fast a run's findings store and page: 100,000 realistic findings for one run into a real
 * (embedded) PostgreSQL, then first/middle/last pages of 50, a filtered page and the count; then
 * every sort and a search (first, middle, last page), and the comparison with a second run of
 * the same size; then the sorts, search and comparison again without the V2 indexes, to show
 * what they are worth.
 *
 * <pre>./mvnw -q -pl shared-core test-compile exec:java@findings-bench</pre>
 *
 * Optional arguments: number of findings (default 100000), repetitions of each read (default 20).
 */
public final class FindingStoreBenchmark {

    private static final String[] CATEGORIES = {"MISSING_IN_OURS", "ORPHANED_IN_OURS", "REKEYED", "DUPLICATE_IN_OURS",
            "DUPLICATE_IN_SIS", "STATUS_MISMATCH", "FIELD_DRIFT"};

    private FindingStoreBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try (ApplicationContext ctx = ApplicationContext.run(TestDatabases.fresh().micronautProperties())) {
            FindingStore store = ctx.getBean(FindingStore.class);
            RunRepository runs = ctx.getBean(RunRepository.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = ctx.getBean(TransactionOperations.class);

            List<Finding> findings = generate(n);
            // warm up the JIT and the connection pool on a smaller run first
            UUID warm = run(runs);
            tx.executeWrite(s -> store.insertAll(warm, generate(20_000)));
            for (int i = 0; i < 50; i++) {
                store.page(warm, FindingFilter.ALL, null, 50);
            }

            UUID run = run(runs);
            long t0 = System.nanoTime();
            tx.executeWrite(s -> store.insertAll(run, findings));
            double insertMs = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "insert  %,d findings in one transaction: %,.0f ms (%,.0f findings/s)%n",
                    n, insertMs, n / (insertMs / 1000));

            String middle = PageCursor.encode("finding-after:" + (n / 2));
            String last = PageCursor.encode("finding-after:" + (n - 50));
            report("first page (50), total counted", reps, () -> store.page(run, FindingFilter.ALL, null, 50));
            report("first page (50), total from summary", reps, () -> store.page(run, FindingFilter.ALL, null, 50, (long) n));
            report("middle page (50), total from summary", reps, () -> store.page(run, FindingFilter.ALL, middle, 50, (long) n));
            report("last page (50), total from summary", reps, () -> store.page(run, FindingFilter.ALL, last, 50, (long) n));
            report("filtered page (category, 50), from summary", reps,
                    () -> store.page(run, new FindingFilter("REKEYED", null), middle, 50, (long) n / 7));
            report("filtered page (category + severity), counted", reps,
                    () -> store.page(run, new FindingFilter("FIELD_DRIFT", Severity.WARNING), null, 50));
            report("total count (all)", reps, () -> store.count(run, FindingFilter.ALL));
            report("total count (category)", reps, () -> store.count(run, new FindingFilter("REKEYED", null)));
            long e0 = System.nanoTime();
            long[] rows = {0};
            store.forEach(run, FindingFilter.ALL, f -> rows[0]++);
            System.out.printf(Locale.ROOT, "stream all %,d findings (CSV export path): %,.0f ms%n",
                    rows[0], (System.nanoTime() - e0) / 1e6);

            sortsAndSearch(store, run, n, reps, "", List.of("seq", "severity", "-severity", "category", "title", "-title", "key", "-key"));
            compare(ctx, runs, tx, store, run, n, reps);
            JdbcOperations jdbc = ctx.getBean(JdbcOperations.class);

            // whether a trigram index would pay off for q (pg_trgm ships with PostgreSQL; not in V2)
            System.out.println();
            System.out.println("-- with a pg_trgm GIN index on findings.search --");
            long g0 = System.nanoTime();
            tx.executeWrite(st -> jdbc.execute(c -> {
                try (Statement sql = c.createStatement()) {
                    sql.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
                    sql.execute("CREATE INDEX findings_search_trgm ON findings USING gin (search gin_trgm_ops)");
                    sql.execute("ANALYZE findings");
                }
                return null;
            }));
            System.out.printf(Locale.ROOT, "build the trigram index (all %,d findings stored so far): %,.0f ms%n",
                    n * 2 + 20_000, (System.nanoTime() - g0) / 1e6);
            sortsAndSearch(store, run, n, reps, " (trgm)", List.of("seq", "title"));
            UUID withTrigrams = run(runs);
            long t1 = System.nanoTime();
            tx.executeWrite(s -> store.insertAll(withTrigrams, findings));
            System.out.printf(Locale.ROOT, "insert %,d findings with the trigram index: %,.0f ms%n", n, (System.nanoTime() - t1) / 1e6);
            tx.executeWrite(st -> jdbc.execute(c -> {
                try (Statement sql = c.createStatement()) {
                    sql.execute("DROP INDEX findings_search_trgm");
                }
                return null;
            }));

            // whether the V2 indexes pay off: the same reads with them dropped
            tx.executeWrite(st -> jdbc.execute(c -> {
                try (Statement sql = c.createStatement()) {
                    sql.execute("DROP INDEX findings_by_severity_rank, findings_by_title, findings_by_key, findings_by_fingerprint");
                    sql.execute("ANALYZE findings");
                }
                return null;
            }));
            System.out.println();
            System.out.println("-- without the V2 sort and fingerprint indexes --");
            sortsAndSearch(store, run, n, reps, " (no index)", List.of("severity", "title", "key"));
            compare(ctx, runs, tx, store, run, n, reps);
        }
    }

    private static final String SEARCH = "family123";

    /** First, middle and last page (50) in every order, with and without a search. */
    private static void sortsAndSearch(FindingStore store, UUID run, int n, int reps, String note, List<String> sorts) {
        FindingFilter search = new FindingFilter(null, null, SEARCH);
        long matches = store.count(run, search);
        report("search count q=" + SEARCH + " (" + matches + " found)" + note, reps, () -> store.count(run, search));
        for (String name : sorts) {
            FindingSort sort = FindingSort.parse(name);
            String middle = store.cursorAt(run, FindingFilter.ALL, sort, n / 2);
            String last = store.cursorAt(run, FindingFilter.ALL, sort, n - 51);
            report("sort=" + name + " first page" + note, reps, () -> store.page(run, FindingFilter.ALL, sort, null, 50, (long) n));
            report("sort=" + name + " middle page" + note, reps, () -> store.page(run, FindingFilter.ALL, sort, middle, 50, (long) n));
            report("sort=" + name + " last page" + note, reps, () -> store.page(run, FindingFilter.ALL, sort, last, 50, (long) n));
            String qMiddle = store.cursorAt(run, search, sort, (int) matches / 2);
            String qLast = store.cursorAt(run, search, sort, (int) Math.max(0, matches - 51));
            report("sort=" + name + " q first page, counted" + note, reps, () -> store.page(run, search, sort, null, 50, null));
            report("sort=" + name + " q middle page" + note, reps, () -> store.page(run, search, sort, qMiddle, 50, matches));
            report("sort=" + name + " q last page" + note, reps, () -> store.page(run, search, sort, qLast, 50, matches));
        }
    }

    /** A second run of the same size: 10 % of its findings new, 10 % of the first run's resolved, the rest unchanged. */
    private static void compare(ApplicationContext ctx, RunRepository runs, TransactionOperations<Connection> tx,
                                FindingStore store, UUID earlier, int n, int reps) {
        UUID later = run(runs);
        List<Finding> shifted = generate(n + n / 10).subList(n / 10, n + n / 10);
        tx.executeWrite(st -> store.insertAll(later, shifted));
        RunComparison comparison = ctx.getBean(RunComparison.class);
        // the comparison reads both runs as an agent would: finished, successful
        for (UUID id : List.of(earlier, later)) {
            runs.finishSucceeded(id, Instant.now(), 1, "{\"total\":" + n + ",\"bySeverity\":{},\"byCategory\":{}}");
        }
        long c0 = System.nanoTime();
        Comparison counted = comparison.compare(later.toString(), earlier.toString(), null, null, null, null, 50);
        System.out.printf(Locale.ROOT, "compare %,d with %,d findings: new %,d, resolved %,d, unchanged %,d; "
                        + "first request (works the comparison out once): %,.0f ms%n",
                n, n, counted.counts().newCount(), counted.counts().resolved(), counted.counts().unchanged(),
                (System.nanoTime() - c0) / 1e6);
        String middle = PageCursor.encode("compare:UNCHANGED:" + (n / 2));
        report("compare first page (counts + 50)", reps,
                () -> comparison.compare(later.toString(), earlier.toString(), null, null, null, null, 50));
        report("compare change=unchanged middle page", reps,
                () -> comparison.compare(later.toString(), earlier.toString(), "unchanged", null, null, middle, 50));
        report("compare change=resolved, category filter", reps,
                () -> comparison.compare(later.toString(), earlier.toString(), "resolved", "REKEYED", null, null, 50));
        report("compare counts only (3 queries)", reps, () -> List.of(
                store.countCompared(later, earlier, FindingStore.Change.NEW, FindingFilter.ALL),
                store.countCompared(later, earlier, FindingStore.Change.RESOLVED, FindingFilter.ALL),
                store.countCompared(later, earlier, FindingStore.Change.UNCHANGED, FindingFilter.ALL)));
    }

    private static UUID run(RunRepository runs) {
        UUID id = UUID.randomUUID();
        runs.save(new RunRecord(id, "bench", "bench", null, "bench", Map.of(), RunStatus.RUNNING, null, 0,
                Instant.now(), Instant.now(), null, null, null, null, false));
        return id;
    }

    private static void report(String what, int reps, Supplier<?> read) {
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            read.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-56s median %6.2f ms   min %6.2f ms   max %6.2f ms  (%d reads)%n",
                what, ms[reps / 2], ms[0], ms[reps - 1], reps);
    }

    /** Findings shaped like a real tool's: two entities with a few values, evidence and a resolution. */
    static List<Finding> generate(int n) {
        List<Finding> out = new ArrayList<>(n);
        Severity[] severities = Severity.values();
        for (int i = 0; i < n; i++) {
            String category = CATEGORIES[i % CATEGORIES.length];
            out.add(Finding.builder("student-mismatch", category, severities[(i / 7) % 3])
                    .title("Student S" + i + ": grade differs between the SIS and our database")
                    .rule("mismatch." + category.toLowerCase(Locale.ROOT))
                    .entity(EntityRef.of(SnapshotSide.SIS, EntityType.STUDENT, "sis-" + i,
                            "given_name", "Given" + i, "family_name", "Family" + (i % 977), "grade", "05",
                            "birth_date", "2014-03-" + (10 + i % 18), "campus", "campus-" + (i % 12)))
                    .entity(EntityRef.of(SnapshotSide.OURS, EntityType.STUDENT, "ours-" + i,
                            "given_name", "Given" + i, "family_name", "Family" + (i % 977), "grade", "06",
                            "birth_date", "2014-03-" + (10 + i % 18), "campus", "campus-" + (i % 12)))
                    .evidence("score", 0.93)
                    .evidence("agreed", List.of("given_name", "family_name", "birth_date"))
                    .resolution("re-sync", "Re-sync the student from the SIS; the SIS grade is the current one.",
                            "UPDATE students SET grade = '05' WHERE student_key = 'ours-" + i + "';")
                    .build());
        }
        return out;
    }
}
