package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.connector.oneroster.rest.FakeSis.Fault;
import com.bookmarked.cdt.connector.oneroster.rest.FakeSis.Served;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.tool.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging against a OneRoster API served by WireMock on 127.0.0.1: totals, next links, servers
 * that cap the page size, records moving between pages, and a 429 in the middle of a large read.
 */
class PagingTest {

    static final String BASE = "/ims/oneroster/v1p1";

    FakeSis sis;
    RosterRecords records;

    @BeforeEach
    void start() {
        sis = FakeSis.start();
        records = new RosterRecords(sis.url() + BASE, RestVersion.V1_1);
    }

    @AfterEach
    void stop() {
        sis.close();
    }

    RestSource source(int pageSize, int parallelism) {
        return RestSource.of(SisName.SIS, URI.create(sis.url() + BASE), RestVersion.V1_1, new RestAccess.OAuth1("key", "secret"))
                .withPaging(pageSize, parallelism);
    }

    RestImport read(RestSource source, Ticker ticker) throws SisApiException {
        return new OneRosterRestReader(ticker, new PageSlots()).read(source, "district-7", "oneroster-rest", Progress.NONE);
    }

    static List<String> userIds(RestImport result) {
        return result.snapshot().users().stream().map(RosterUser::sourcedId).toList();
    }

    static List<String> expectedStudents(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(RosterRecords::studentId).toList();
    }

    /** The acceptance test. */
    @Test
    void pages25000UsersInPagesOf1000WithOne429InTheMiddleAndGetsEachExactlyOnce() throws Exception {
        sis.requireOAuth1("key", "secret").pageDelay(5)
                .collection(BASE, "users", records.students(25_000))
                .collection(BASE, "orgs", records.orgs())
                .collection(BASE, "academicSessions", List.of()).collection(BASE, "courses", List.of())
                .collection(BASE, "classes", List.of()).collection(BASE, "enrollments", List.of())
                .collection(BASE, "demographics", List.of())
                .fault("users", 12_000, Fault.retryAfter(429, "1"));

        RestImport result = read(source(1_000, 4), Ticker.SYSTEM);

        List<String> ids = userIds(result);
        assertThat(ids).hasSize(25_000);
        assertThat(FakeSis.distinct(ids)).hasSize(25_000).containsAll(expectedStudents(25_000));
        assertThat(ids).isEqualTo(expectedStudents(25_000)); // in the SIS's order, too

        List<Served> users = sis.served("users");
        assertThat(users).hasSize(26); // 25 pages and the one retry
        assertThat(users.stream().filter(s -> s.status() == 429)).hasSize(1);
        assertThat(users.stream().filter(s -> s.status() == 200).map(Served::offset).distinct())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 25).map(i -> i * 1_000).boxed().toList());
        Served throttled = users.stream().filter(s -> s.status() == 429).findFirst().orElseThrow();
        Served retried = users.stream().filter(s -> s.offset() == 12_000 && s.status() == 200).findFirst().orElseThrow();
        assertThat(Duration.ofNanos(retried.atNanos() - throttled.atNanos())).as("Retry-After: 1 honoured")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(users).allMatch(s -> s.limit() == 1_000);
        assertThat(sis.maxInFlight()).as("pages in flight").isBetween(2, 4);
        assertThat(sis.badSignatures()).isZero();
        assertThat(result.retries()).isEqualTo(1);
        assertThat(result.notes()).isEmpty();
        assertThat(result.problemCount()).isZero();
    }

    @Test
    void withoutATotalItFollowsTheNextLinks() throws Exception {
        sis.withoutTotal();
        records.fill(sis, BASE, 2_345);

        RestImport result = read(source(500, 4), Ticker.SYSTEM);

        assertThat(FakeSis.distinct(userIds(result))).hasSize(2_346).containsAll(expectedStudents(2_345));
        assertThat(userIds(result)).hasSize(2_346);
        assertThat(sis.served("users")).extracting(Served::offset).containsExactly(0, 500, 1_000, 1_500, 2_000);
        assertThat(sis.maxInFlight()).isEqualTo(1);
    }

    @Test
    void withoutTotalOrLinksItPagesUntilAShortPage() throws Exception {
        sis.withoutTotal().withoutLinks();
        records.fill(sis, BASE, 1_000);

        RestImport result = read(source(250, 4), Ticker.SYSTEM);

        assertThat(userIds(result)).hasSize(1_001);
        // 1,001 users: four full pages and one with a single record
        assertThat(sis.served("users")).extracting(Served::offset).containsExactly(0, 250, 500, 750, 1_000);
    }

    @Test
    void aSisThatCapsThePageSizeIsPagedAtItsOwnSize() throws Exception {
        sis.pageCap(100);
        records.fill(sis, BASE, 950);

        RestImport result = read(source(1_000, 3), Ticker.SYSTEM);

        assertThat(FakeSis.distinct(userIds(result))).hasSize(951);
        assertThat(userIds(result)).hasSize(951);
        assertThat(sis.served("users")).hasSize(10);
    }

    @Test
    void aRecordThatMovesToTheNextPageIsKeptOnceAndNoted() throws Exception {
        records.fill(sis, BASE, 300);
        AtomicBoolean inserted = new AtomicBoolean();
        // after the first page is cut, a new user sorts in front: every later page starts one record earlier
        sis.beforePage((collection, offset) -> {
            if (collection.equals("users") && offset == 100 && inserted.compareAndSet(false, true)) {
                sis.records(BASE, "users").add(0, records.student(999_999));
            }
        });

        RestImport result = read(source(100, 1), Ticker.SYSTEM);

        List<String> ids = userIds(result);
        assertThat(ids).doesNotHaveDuplicates().containsAll(expectedStudents(300)).contains("tch-1");
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("listed 1 users twice").contains("each was kept once"));
    }

    @Test
    void aNextLinkToAnotherServerIsNotFollowed() throws Exception {
        records.fill(sis, BASE, 10);
        sis.withoutTotal();
        // the SIS's next link points elsewhere: served by a copy of the first page with a forged Link header
        sis.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(BASE + "/orgs")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Link", "<https://collector.example.net/orgs?offset=1>; rel=\"next\"")
                        .withBody("{\"orgs\":[" + records.orgs().get(0) + "]}")));

        assertThatFailure(() -> read(source(1, 1), Ticker.SYSTEM))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(SisApiException.Kind.NOT_ONEROSTER))
                .hasMessageContaining("next-page link for orgs points to another server (https://collector.example.net)")
                .hasMessageContaining("does not send the district's credentials there");
    }

    @Test
    void deltaFiltersReachTheSisIntactAndSigned() throws Exception {
        sis.requireOAuth1("key", "secret");
        records.fill(sis, BASE, 20);
        String delta = Filters.and(Filters.modifiedSince(Instant.parse("2026-11-01T00:00:00.123Z")), "status='active'");

        RestImport result = read(source(7, 2).withFilter(delta), Ticker.SYSTEM);

        assertThat(delta).isEqualTo("dateLastModified>'2026-11-01T00:00:00Z' AND status='active'");
        assertThat(sis.served()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(200);
            assertThat(s.filter()).isEqualTo(delta);
        });
        assertThat(sis.badSignatures()).isZero();
        assertThat(userIds(result)).hasSize(21);
    }

    @Test
    void parallelFetchesStayWithinTheCustomersSlotsAcrossTwoReads() throws Exception {
        sis.pageDelay(30);
        records.fill(sis, BASE, 3_000);
        PageSlots slots = new PageSlots();
        OneRosterRestReader reader = new OneRosterRestReader(Ticker.SYSTEM, slots);
        List<Throwable> failures = new ArrayList<>();
        Thread second = Thread.ofVirtual().start(() -> {
            try {
                reader.read(source(100, 3), "district-7", "oneroster-rest", Progress.NONE);
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        RestImport first = reader.read(source(100, 3), "district-7", "oneroster-rest", Progress.NONE);
        second.join();

        assertThat(failures).isEmpty();
        assertThat(userIds(first)).hasSize(3_001);
        assertThat(sis.maxInFlight()).as("two reads of one customer share its 3 slots").isBetween(2, 3);
    }

    @Test
    void progressNamesTheCollectionAndCounts() throws Exception {
        records.fill(sis, BASE, 2_000);
        List<Map.Entry<String, Integer>> reports = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void report(String phase, int percent) {
                reports.add(Map.entry(phase, percent));
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        new OneRosterRestReader(Ticker.SYSTEM, new PageSlots()).read(source(500, 2), "d", "oneroster-rest", progress);

        assertThat(reports).extracting(Map.Entry::getKey)
                .contains("Reading users from the SIS: 1,000 of 2,001", "Reading enrollments from the SIS");
        assertThat(reports).extracting(Map.Entry::getValue).isSorted().allMatch(p -> p >= 0 && p <= 99);
    }

    @Test
    void aCancelledRunStopsReading() throws Exception {
        records.fill(sis, BASE, 5_000);
        AtomicBoolean cancel = new AtomicBoolean();
        Progress progress = new Progress() {
            @Override
            public void report(String phase, int percent) {
                if (phase.startsWith("Reading users")) {
                    cancel.set(true);
                }
            }

            @Override
            public boolean cancelled() {
                return cancel.get();
            }
        };

        RestImport result = new OneRosterRestReader(Ticker.SYSTEM, new PageSlots()).read(source(100, 2), "d", "x", progress);

        assertThat(result.cancelled()).isTrue();
        assertThat(sis.served("users").size()).isLessThan(10);
        assertThat(sis.served("enrollments")).isEmpty();
    }

    static org.assertj.core.api.AbstractThrowableAssert<?, SisApiException> assertThatFailure(Read read) {
        try {
            read.run();
        } catch (SisApiException e) {
            return assertThat(e);
        }
        throw new AssertionError("the read was expected to fail");
    }

    interface Read {
        void run() throws SisApiException;
    }
}
