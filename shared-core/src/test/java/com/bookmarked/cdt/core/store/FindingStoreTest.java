package com.bookmarked.cdt.core.store;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.http.InvalidInputException;
import com.bookmarked.cdt.core.run.RunRecord;
import com.bookmarked.cdt.core.run.RunRepository;
import com.bookmarked.cdt.core.run.RunStatus;
import com.bookmarked.cdt.core.run.ScriptedTool;
import com.bookmarked.cdt.core.testing.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingStoreTest {

    static ApplicationContext ctx;
    static FindingStore store;

    @BeforeAll
    static void start() {
        ctx = ApplicationContext.run(TestDatabases.fresh().micronautProperties());
        store = ctx.getBean(FindingStore.class);
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    static UUID newRun() {
        UUID id = UUID.randomUUID();
        ctx.getBean(RunRepository.class).save(new RunRecord(id, "t", "c", null, "u", Map.of(), RunStatus.RUNNING,
                null, 0, Instant.now(), Instant.now(), null, null, null, null, false));
        return id;
    }

    @Test
    void findingsComeBackAsStoredWithIdsInOrder() {
        UUID run = newRun();
        List<Finding> original = ScriptedTool.findings(7, -1);
        List<Finding> stored = store.insertAll(run, original);
        assertThat(stored).extracting(Finding::id).containsExactly("1", "2", "3", "4", "5", "6", "7");

        FindingPage page = store.page(run, FindingFilter.ALL, null, 50);
        assertThat(page.total()).isEqualTo(7);
        assertThat(page.nextCursor()).isNull();
        assertThat(page.items()).isEqualTo(stored);
        // field order inside values survives the round trip (json, not jsonb)
        assertThat(page.items().get(0).entities().get(0).values().keySet()).containsExactly("grade", "email");
    }

    @Test
    void keysetPagesCoverEveryFindingOnceAcrossChunks() {
        UUID run = newRun();
        store.insertAll(run, ScriptedTool.findings(2_345, -1));
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            FindingPage page = store.page(run, FindingFilter.ALL, cursor, 500);
            assertThat(page.total()).isEqualTo(2_345);
            page.items().forEach(f -> ids.add(f.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(5);
        assertThat(ids).hasSize(2_345).doesNotHaveDuplicates();
        assertThat(ids.get(2_344)).isEqualTo("2345");
    }

    @Test
    void filtersByCategoryAndSeverityWithTotals() {
        UUID run = newRun();
        store.insertAll(run, ScriptedTool.findings(30, -1));
        FindingPage alpha = store.page(run, new FindingFilter("ALPHA", null), null, 10);
        assertThat(alpha.total()).isEqualTo(15);
        assertThat(alpha.items()).hasSize(10).allSatisfy(f -> assertThat(f.category()).isEqualTo("ALPHA"));
        FindingPage rest = store.page(run, new FindingFilter("ALPHA", null), alpha.nextCursor(), 10);
        assertThat(rest.items()).hasSize(5);
        assertThat(rest.nextCursor()).isNull();

        FindingPage errors = store.page(run, new FindingFilter(null, Severity.ERROR), null, 50);
        assertThat(errors.total()).isEqualTo(10);
        assertThat(errors.items()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));

        FindingPage both = store.page(run, new FindingFilter("BETA", Severity.WARNING), null, 50);
        // index i: BETA when odd, WARNING when i % 3 == 1 -> i = 1, 7, 13, 19, 25
        assertThat(both.items()).extracting(Finding::id).containsExactly("2", "8", "14", "20", "26");
        assertThat(both.total()).isEqualTo(5);

        assertThat(store.page(run, new FindingFilter("NOPE", null), null, 50).total()).isZero();
    }

    @Test
    void forEachStreamsTheFilteredListInOrder() {
        UUID run = newRun();
        store.insertAll(run, ScriptedTool.findings(1_200, -1));
        List<String> ids = new ArrayList<>();
        store.forEach(run, new FindingFilter("BETA", null), f -> ids.add(f.id()));
        assertThat(ids).hasSize(600).startsWith("2", "4", "6").endsWith("1200");
    }

    @Test
    void aFailedTransactionStoresNothing() {
        UUID run = newRun();
        TransactionOperations<Connection> tx = ctx.getBean(TransactionOperations.class);
        assertThatThrownBy(() -> tx.executeWrite(status -> {
            store.insertAll(run, ScriptedTool.findings(1_500, -1));
            throw new IllegalStateException("the run update failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.count(run, FindingFilter.ALL)).isZero();
    }

    @Test
    void damagedCursorsAndLimitsAreRefused() {
        UUID run = newRun();
        assertThatThrownBy(() -> store.page(run, FindingFilter.ALL, "%%%", 10)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.page(run, FindingFilter.ALL, PageCursor.encode("run-before:x"), 10))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.page(run, FindingFilter.ALL, PageCursor.encode("finding-after:x"), 10))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.page(run, FindingFilter.ALL, null, 501)).isInstanceOf(IllegalArgumentException.class);
    }
}
