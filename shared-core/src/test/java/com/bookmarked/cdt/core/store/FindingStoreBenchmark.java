package com.bookmarked.cdt.core.store;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.run.RunRecord;
import com.bookmarked.cdt.core.run.RunRepository;
import com.bookmarked.cdt.core.run.RunStatus;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.testing.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
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
 * (embedded) PostgreSQL, then first/middle/last pages of 50, a filtered page and the count.
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
        }
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
        System.out.printf(Locale.ROOT, "%-46s median %6.2f ms   min %6.2f ms   max %6.2f ms  (%d reads)%n",
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
