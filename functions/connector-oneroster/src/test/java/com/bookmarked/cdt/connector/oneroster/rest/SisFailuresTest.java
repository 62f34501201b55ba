package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.connector.oneroster.rest.FakeSis.Fault;
import com.bookmarked.cdt.connector.oneroster.rest.SisApiException.Kind;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.tool.Progress;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static com.bookmarked.cdt.connector.oneroster.rest.PagingTest.assertThatFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the client does when the SIS misbehaves, and what the agent reads: retries with backoff
 * and jitter on 5xx and 429, Retry-After in seconds and as a date, give-ups with counts and
 * durations, timeouts, refused connections, pages that are not OneRoster, 403/404/400. Waits go
 * through a fake clock, so the durations in messages are exact and the tests quick.
 */
class SisFailuresTest {

    static final String BASE = "/ims/oneroster/v1p1";

    FakeSis sis;
    RosterRecords records;
    FakeTicker ticker;

    @BeforeEach
    void start() {
        sis = FakeSis.start();
        records = new RosterRecords(sis.url() + BASE, RestVersion.V1_1);
        records.fill(sis, BASE, 50);
        ticker = new FakeTicker(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterEach
    void stop() {
        sis.close();
    }

    RestSource source() {
        return RestSource.of(SisName.SIS, URI.create(sis.url() + BASE), RestVersion.V1_1, new RestAccess.OAuth1("k", "s"))
                .withPaging(20, 2);
    }

    RestImport read(RestSource source) throws SisApiException {
        return new OneRosterRestReader(ticker, new PageSlots()).read(source, "d", "oneroster-rest", Progress.NONE);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingJitteredBackoff() throws Exception {
        sis.fault("users", 20, Fault.status(500)).fault("users", 20, Fault.status(502)).fault("users", 20, Fault.status(504));

        RestImport result = read(source());

        assertThat(result.snapshot().users()).hasSize(51);
        assertThat(result.retries()).isEqualTo(3);
        assertThat(ticker.waits()).hasSize(3);
        assertThat(ticker.waits().get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(ticker.waits().get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(ticker.waits().get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aSisThatKeepsFailingIsGivenUpOnAfterSixTries() {
        sis.always("users", Fault.status(503));

        assertThatFailure(() -> read(source()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessageMatching("The SIS kept failing with 503 after 6 tries over (1[5-9]|2\\d|3[01]) seconds; "
                        + "it seems to be down or overloaded: try again later\\.");
        assertThat(sis.served("users")).hasSize(6);
        assertThat(ticker.waits()).hasSize(5);
    }

    @Test
    void aSisThatKeepsAnswering429IsGivenUpOnWithTheTimeItTook() {
        sis.always("users", Fault.retryAfter(429, "30"));

        assertThatFailure(() -> read(source()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED))
                .hasMessage("The SIS kept answering 429 after 6 tries over 2 minutes (too many requests); try again later,"
                        + " or lower options.parallelism in settings.");
        assertThat(ticker.waits()).hasSize(5).allSatisfy(w -> assertThat(w)
                .isBetween(Duration.ofSeconds(30), Duration.ofMillis(30_250)));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ticker.now().plusSeconds(7).atZone(ZoneOffset.UTC));
        sis.fault("users", 0, Fault.retryAfter(429, at));

        RestImport result = read(source());

        assertThat(result.snapshot().users()).hasSize(51);
        assertThat(ticker.waits()).hasSize(1);
        assertThat(ticker.waits().get(0)).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7_250));
    }

    @Test
    void aWaitLongerThanCdtGivesIsAFailureAtOnce() {
        sis.fault("users", 0, Fault.retryAfter(429, "3600"));

        assertThatFailure(() -> read(source()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED))
                .hasMessage("The SIS asked CDT to wait 60 minutes before trying again (429); try again later.");
        assertThat(sis.served("users")).hasSize(1);
        assertThat(ticker.waits()).isEmpty();
    }

    @Test
    void aPageThatIsNotJsonIsNotOneRoster() {
        sis.fault("users", 20, Fault.body("<html><body>Please sign in</body></html>"));

        assertThatFailure(() -> read(source()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.NOT_ONEROSTER))
                .hasMessageStartingWith("The SIS returned a page that is not OneRoster JSON (users from record 21: it is not valid JSON)");
    }

    @Test
    void jsonWithoutTheCollectionsListIsNotOneRoster() {
        sis.fault("orgs", 0, Fault.body("{\"imsx_codeMajor\":\"success\",\"imsx_severity\":\"status\"}"));

        assertThatFailure(() -> read(source()))
                .hasMessageStartingWith("The SIS returned a page that is not OneRoster JSON (orgs from record 1: it has no \"orgs\" list)");
    }

    @Test
    void aSlowSisTimesOutAndIsRetried() {
        sis.fault("orgs", 0, Fault.slow(1_500)).fault("orgs", 0, Fault.slow(1_500));
        RestSource source = source().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1))
                .withRetry(RetryPolicy.DEFAULT.withMaxAttempts(2));

        assertThatFailure(() -> read(source))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessageStartingWith("The SIS did not answer within 1 second, 2 times over ")
                .hasMessageEndingWith(" (orgs); try again later.");
    }

    @Test
    void aSlowSisThatRecoversIsRead() throws Exception {
        sis.fault("orgs", 0, Fault.slow(1_500));
        RestSource source = source().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1));

        assertThat(read(source).snapshot().orgs()).hasSize(3);
        assertThat(ticker.waits()).hasSize(1);
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RestSource source = RestSource.of(SisName.SIS, URI.create("http://127.0.0.1:" + port + BASE), RestVersion.V1_1,
                new RestAccess.OAuth1("k", "s"));

        assertThatFailure(() -> read(source))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
                .hasMessage("CDT could not reach the SIS at http://127.0.0.1:" + port
                        + " (connection refused): check the SIS location in settings.");
    }

    @Test
    void demographicsTheSisWillNotShareLeaveBirthDatesEmptyWithANote() throws Exception {
        sis.always("demographics", Fault.status(403));

        RestImport result = read(source());

        assertThat(result.snapshot().users()).hasSize(51).allMatch(u -> u.birthDate() == null);
        assertThat(result.notes()).containsExactly("The SIS did not let CDT read demographics (it answered 403), so birth"
                + " dates are missing from this snapshot; matching works without them, less surely.");
    }

    @Test
    void birthDatesJoinTheUsers() throws Exception {
        RestImport result = read(source());

        RosterUser first = result.snapshot().users().stream().filter(u -> u.sourcedId().equals(RosterRecords.studentId(1)))
                .findFirst().orElseThrow();
        assertThat(first.birthDate()).hasToString("2012-02-02");
    }

    @Test
    void usersTheSisWillNotShareStopTheRead() {
        sis.always("users", Fault.status(403));

        assertThatFailure(() -> read(source()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN))
                .hasMessage("The SIS refused CDT access to users (403 forbidden): ask the district to let CDT's client read them.");
    }

    @Test
    void aWrongVersionPathIsNotFound() {
        RestSource source = RestSource.of(SisName.SIS, URI.create(sis.url() + "/ims/oneroster/rostering/v1p2"),
                RestVersion.V1_2, new RestAccess.OAuth1("k", "s"));

        assertThatFailure(() -> read(source))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessage("The SIS has no orgs at /ims/oneroster/rostering/v1p2/orgs (404 unknownobject): check the SIS"
                        + " location and OneRoster version in settings.");
    }

    @Test
    void aFilterTheSisRejectsPointsAtTheFilterSetting() {
        sis.wireMock().stubFor(WireMock.get(WireMock.urlPathMatching(BASE + "/.*")).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(FakeSis.imsx("The filter field is not known", "invalid_filter_field"))));

        assertThatFailure(() -> read(source().withFilter("nickname='x'")))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessage("The SIS rejected CDT's request for demographics records (400 invalid_filter_field);"
                        + " check options.filter in settings.");
    }

    @Test
    void recordsThatCannotBeUsedAreSkippedAndNamedWithoutTheirValues() throws Exception {
        sis.records(BASE, "users").set(3, "{\"sourcedId\":\"stu-bad\",\"status\":\"active\",\"enabledUser\":\"true\","
                + "\"role\":\"headmaster\",\"givenName\":\"PRIVATE-NAME\"}");
        sis.records(BASE, "users").set(4, "{\"status\":\"active\",\"enabledUser\":\"maybe\",\"role\":\"student\"}");
        sis.records(BASE, "users").set(5, "\"not an object\"");

        RestImport result = read(source());

        assertThat(result.snapshot().users()).hasSize(48);
        assertThat(result.problemCount()).isEqualTo(3);
        assertThat(result.problems()).extracting(Object::toString).containsExactly(
                "users record 4 (sourcedId stu-bad), field role: not a OneRoster 1.1 role (expected one of administrator,"
                        + " aide, guardian, parent, proctor, relative, student, teacher); the record was skipped",
                "users record 5, field sourcedId: sourcedId is missing but OneRoster requires it; the record was skipped",
                "users record 6: the entry is not a JSON object; it was skipped");
        assertThat(result.problems().toString()).doesNotContain("PRIVATE-NAME");
    }
}
