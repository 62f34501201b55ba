package com.bookmarked.cdt.core.store;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.http.InvalidInputException;
import com.bookmarked.cdt.core.run.RunRecord;
import com.bookmarked.cdt.core.run.RunRepository;
import com.bookmarked.cdt.core.run.RunStatus;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.testing.TestDatabases;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keyset paging in every order: walking all pages returns every matching finding exactly once,
 * in the order asked, with ties (many findings share a severity, category, title or key) broken
 * by seq. Values are letters and digits only, so the expected order is the same under any
 * collation the database may have been created with.
 */
class FindingSortPagingTest {

    static final int N = 240;
    static final String[] CATEGORIES = {"CHARLIE", "ALPHA", "BRAVO"};
    static final String[] TITLES = {"Bravo student", "alpha student", "Charlie student", "alpha student"};

    static ApplicationContext ctx;
    static FindingStore store;
    static UUID run;
    static List<Finding> stored;

    @BeforeAll
    static void start() {
        ctx = ApplicationContext.run(TestDatabases.fresh().micronautProperties());
        store = ctx.getBean(FindingStore.class);
        run = UUID.randomUUID();
        ctx.getBean(RunRepository.class).save(new RunRecord(run, "t", "c", null, "u", Map.of(), RunStatus.RUNNING,
                null, 0, Instant.now(), Instant.now(), null, null, null, null, false));
        stored = store.insertAll(run, findings());
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    /** Lots of ties in every column; one in five holds "Needle" in a value, one in seven in its title. */
    static List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            Finding.Builder b = Finding.builder("t", CATEGORIES[i % 3], Severity.values()[(i / 2) % 3])
                    .title(TITLES[i % 4] + (i % 7 == 0 ? " Needlepoint" : ""))
                    .rule("rule" + (i % 5))
                    .entity(EntityRef.of(SnapshotSide.SIS, EntityType.STUDENT, "k" + (10 + i % 11),
                            "email", i % 5 == 0 ? "needle" + i + "@example.org" : "hay" + i + "@example.org"))
                    .entity(EntityRef.of(SnapshotSide.OURS, EntityType.STUDENT, "ours" + i, "grade", "05"))
                    .resolution("re-sync", "Re-sync the student", null);
            out.add(b.build());
        }
        return out;
    }

    static int seq(Finding f) {
        return Integer.parseInt(f.id());
    }

    static String firstKey(Finding f) {
        return f.entities().get(0).key();
    }

    static Comparator<Finding> order(FindingSort sort) {
        Comparator<Finding> byValue = switch (sort.key()) {
            case SEQ -> (a, b) -> 0;
            case SEVERITY -> Comparator.comparingInt(f -> f.severity().ordinal());
            case CATEGORY -> Comparator.comparing(Finding::category);
            case TITLE -> Comparator.comparing(f -> f.title().toLowerCase(Locale.ROOT));
            case KEY -> Comparator.comparing(FindingSortPagingTest::firstKey);
        };
        Comparator<Finding> c = byValue.thenComparingInt(FindingSortPagingTest::seq);
        return sort.descending() ? c.reversed() : c;
    }

    static List<String> walk(FindingFilter filter, FindingSort sort, int pageSize) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            FindingPage page = store.page(run, filter, sort, cursor, pageSize, null);
            assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
            page.items().forEach(f -> ids.add(f.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    static List<String> expected(Predicate<Finding> matches, FindingSort sort) {
        return stored.stream().filter(matches).sorted(order(sort)).map(Finding::id).toList();
    }

    static List<FindingSort> everySort() {
        List<FindingSort> sorts = new ArrayList<>();
        for (FindingSort.Key k : FindingSort.Key.values()) {
            sorts.add(new FindingSort(k, false));
            sorts.add(new FindingSort(k, true));
        }
        return sorts;
    }

    @Test
    void everyOrderWalksEveryFindingOnceInOrder() {
        for (FindingSort sort : everySort()) {
            List<String> ids = walk(FindingFilter.ALL, sort, 7);
            assertThat(ids).as(sort.wireName()).hasSize(N).doesNotHaveDuplicates()
                    .containsExactlyElementsOf(expected(f -> true, sort));
        }
        assertThat(walk(FindingFilter.ALL, FindingSort.parse("-severity"), 500).get(0))
                .as("info last when reversed: the first is an info").satisfies(id ->
                        assertThat(stored.get(Integer.parseInt(id) - 1).severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void everyOrderWalksASearchOnceInOrderWhateverTheCase() {
        Predicate<Finding> needle = f -> f.title().contains("Needle")
                || f.entities().stream().anyMatch(e -> e.values().values().stream().anyMatch(v -> v.contains("needle")));
        List<String> all = expected(needle, FindingSort.SEQ);
        assertThat(all).as("both title and value matches exist").hasSizeGreaterThan(60).hasSizeLessThan(N);
        for (FindingSort sort : everySort()) {
            assertThat(walk(new FindingFilter(null, null, "NeEdLe"), sort, 5)).as(sort.wireName())
                    .containsExactlyElementsOf(expected(needle, sort));
        }
        // with the other filters too
        Predicate<Finding> bravoWarnings = needle.and(f -> f.category().equals("BRAVO") && f.severity() == Severity.WARNING);
        assertThat(walk(new FindingFilter("BRAVO", Severity.WARNING, "needle"), FindingSort.parse("-title"), 3))
                .isNotEmpty().containsExactlyElementsOf(expected(bravoWarnings, FindingSort.parse("-title")));
        assertThat(store.count(run, new FindingFilter(null, null, "needle"))).isEqualTo(all.size());
    }

    @Test
    void searchFindsKeysRulesAndCategoriesAndTakesWildcardsLiterally() {
        assertThat(walk(new FindingFilter(null, null, "k13"), FindingSort.SEQ, 500))
                .containsExactlyElementsOf(expected(f -> firstKey(f).equals("k13"), FindingSort.SEQ));
        assertThat(store.count(run, new FindingFilter(null, null, "RULE3"))).isEqualTo(N / 5);
        assertThat(store.count(run, new FindingFilter(null, null, "charlie"))).as("category and title")
                .isEqualTo(stored.stream().filter(f -> f.category().equals("CHARLIE") || f.title().startsWith("Charlie")).count());
        assertThat(store.count(run, new FindingFilter(null, null, "%"))).isZero();
        assertThat(store.count(run, new FindingFilter(null, null, "hay_"))).isZero();
        assertThat(store.count(run, new FindingFilter(null, null, "@example.org"))).isEqualTo(N);
    }

    @Test
    void aCursorOnlyWorksForTheOrderThatMadeIt() {
        FindingPage title = store.page(run, FindingFilter.ALL, FindingSort.parse("title"), null, 10, null);
        assertThatThrownBy(() -> store.page(run, FindingFilter.ALL, FindingSort.parse("-title"), title.nextCursor(), 10, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.page(run, FindingFilter.ALL, FindingSort.SEQ, title.nextCursor(), 10, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.page(run, FindingFilter.ALL, FindingSort.parse("severity"),
                PageCursor.encode("findings:severity:x:1"), 10, null)).isInstanceOf(InvalidInputException.class);
        // the seq order keeps the cursor format it always had
        FindingPage seq = store.page(run, FindingFilter.ALL, null, 10);
        assertThat(seq.nextCursor()).isEqualTo(PageCursor.encode("finding-after:10"));
        assertThatThrownBy(() -> FindingSort.parse("colour")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sort");
    }
}
