package com.bookmarked.cdt.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.run.RunRecord;
import com.bookmarked.cdt.core.run.RunRepository;
import com.bookmarked.cdt.core.run.RunStatus;
import com.bookmarked.cdt.core.run.RunSummary;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.store.FindingStore;
import com.bookmarked.cdt.core.testing.ApiGatewayEvents;
import com.bookmarked.cdt.core.testing.FunctionUnderTest;
import com.bookmarked.cdt.core.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The routes and fields the agents' web app needs (issue 5), through the Lambda handler on a real PostgreSQL. */
class AgentScreensRoutesTest {

    static FunctionUnderTest function;
    static final String AGENT = TestTokens.token("agent1", "agent");

    @BeforeAll
    static void start() {
        function = FunctionUnderTest.start(Map.of());
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    static JsonNode ok(ApiGatewayEvents.Request request, int status) {
        return function.json(request, status);
    }

    static UUID seedRun(String customerId, String toolId, RunStatus status, String requestedBy, Instant createdAt,
                        RunSummary summary, String error) {
        UUID id = UUID.randomUUID();
        Instant finished = status.finished() ? createdAt.plusSeconds(30) : null;
        function.bean(RunRepository.class).save(new RunRecord(id, toolId, customerId, null, requestedBy, Map.of(), status,
                status.finished() ? "Done" : "Comparing", status.finished() ? 100 : 40, createdAt,
                createdAt, finished, finished == null ? null : 30_000L, summary, error, false));
        return id;
    }

    static List<String> runIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("runId").asText()));
        return ids;
    }

    /** A SUCCEEDED run of {@code toolId} for the customer holding these findings, with its summary. */
    static UUID seedRunWithFindings(String customerId, String toolId, Instant createdAt, List<Finding> findings) {
        UUID id = seedRun(customerId, toolId, RunStatus.SUCCEEDED, "agent1", createdAt, RunSummary.of(findings, null), null);
        function.bean(FindingStore.class).insertAll(id, findings);
        return id;
    }

    static Finding finding(String category, Severity severity, String title, String sisKey, String... values) {
        return Finding.builder("sample-check", category, severity).title(title).rule("sample.rule")
                .entity(EntityRef.of(SnapshotSide.SIS, EntityType.STUDENT, sisKey, values))
                .entity(EntityRef.of(SnapshotSide.OURS, EntityType.STUDENT, "ours-" + sisKey, "grade", "06"))
                .resolution("re-sync", "Re-sync the student", null)
                .build();
    }

    static List<Finding> roster() {
        return List.of(
                finding("MISSING", Severity.INFO, "Student b missing here", "s-b", "name", "Smith, Ann"),
                finding("DRIFT", Severity.ERROR, "Student a grade differs", "s-a", "name", "Jones, Bo"),
                finding("MISSING", Severity.WARNING, "Student c missing here", "s-c", "name", "Smith, Cy"),
                finding("DRIFT", Severity.ERROR, "Student d grade differs", "s-d", "name", "Lee, Di"));
    }

    static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(i -> titles.add(i.get("title").asText()));
        return titles;
    }

    @Test
    void findingsAreSearchedAndSortedWithCursorsThatKeepTheOrder() {
        UUID run = seedRunWithFindings("find-c", "sample-check", Instant.parse("2026-11-20T10:00:00Z"), roster());
        String path = "/api/runs/" + run + "/findings";
        JsonNode smith = ok(ApiGatewayEvents.get(path).query("q", "smith, ann").bearer(AGENT), 200);
        assertThat(titles(smith)).as("a comma inside q is part of the text").containsExactly("Student b missing here");
        assertThat(smith.get("total").asInt()).isEqualTo(1);
        JsonNode smiths = ok(ApiGatewayEvents.get(path).query("q", "SMITH").query("sort", "-title").bearer(AGENT), 200);
        assertThat(titles(smiths)).containsExactly("Student c missing here", "Student b missing here");
        assertThat(smiths.get("total").asInt()).isEqualTo(2);

        JsonNode first = ok(ApiGatewayEvents.get(path).query("sort", "severity").query("limit", "2").bearer(AGENT), 200);
        assertThat(titles(first)).containsExactly("Student a grade differs", "Student d grade differs");
        assertThat(first.get("total").asInt()).isEqualTo(4);
        JsonNode rest = ok(ApiGatewayEvents.get(path).query("sort", "severity").query("limit", "2")
                .query("cursor", first.get("nextCursor").asText()).bearer(AGENT), 200);
        assertThat(titles(rest)).containsExactly("Student c missing here", "Student b missing here");
        assertThat(rest.get("nextCursor").isNull()).isTrue();
        JsonNode byKey = ok(ApiGatewayEvents.get(path).query("sort", "-key").query("category", "DRIFT").bearer(AGENT), 200);
        assertThat(titles(byKey)).containsExactly("Student d grade differs", "Student a grade differs");

        JsonNode wrongOrder = ok(ApiGatewayEvents.get(path).query("sort", "title").query("cursor", first.get("nextCursor").asText())
                .bearer(AGENT), 422);
        assertThat(wrongOrder.get("errors").get(0).get("field").asText()).isEqualTo("cursor");
        JsonNode bad = ok(ApiGatewayEvents.get(path).query("sort", "colour").bearer(AGENT), 422);
        assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("sort");
        JsonNode tooLong = ok(ApiGatewayEvents.get(path).query("q", "x".repeat(201)).query("severity", "fatal").bearer(AGENT), 422);
        List<String> fields = new ArrayList<>();
        tooLong.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("q", "severity");
    }

    @Test
    void csvAndJsonExportsHonourTheSearchAndTheOrder() throws Exception {
        UUID run = seedRunWithFindings("export-c", "sample-check", Instant.parse("2026-11-21T10:00:00Z"), roster());
        APIGatewayV2HTTPResponse csv = function.invoke(ApiGatewayEvents.get("/api/runs/" + run + "/findings")
                .query("q", "student").query("sort", "-severity").query("category", "MISSING").accept("text/csv").bearer(AGENT));
        assertThat(csv.getStatusCode()).as(csv.getBody()).isEqualTo(200);
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("1,").contains("Student b missing here");
        assertThat(lines[2]).startsWith("3,").contains("Student c missing here");

        APIGatewayV2HTTPResponse json = function.invoke(ApiGatewayEvents.get("/api/runs/" + run + "/export.json")
                .query("sort", "title").query("q", "GRADE").bearer(AGENT));
        assertThat(json.getStatusCode()).as(json.getBody()).isEqualTo(200);
        assertThat(FunctionUnderTest.header(json, "content-type")).startsWith("application/json");
        assertThat(FunctionUnderTest.header(json, "content-disposition"))
                .isEqualTo("attachment; filename=\"sample-check-" + run + ".json\"");
        JsonNode body = new ObjectMapper().readTree(json.getBody());
        assertThat(body.get("run").get("runId").asText()).isEqualTo(run.toString());
        assertThat(body.get("run").get("summary").get("total").asInt()).isEqualTo(4);
        assertThat(body.get("findings").size()).isEqualTo(2);
        assertThat(body.get("findings").get(0).get("title").asText()).isEqualTo("Student a grade differs");
        assertThat(body.get("findings").get(0).get("id").asText()).isEqualTo("2");
        assertThat(body.get("findings").get(1).get("entities").get(0).get("values").get("name").asText()).isEqualTo("Lee, Di");

        APIGatewayV2HTTPResponse none = function.invoke(ApiGatewayEvents.get("/api/runs/" + run + "/export.json")
                .query("q", "nobody at all").bearer(AGENT));
        assertThat(new ObjectMapper().readTree(none.getBody()).get("findings").size()).isZero();
        ok(ApiGatewayEvents.get("/api/runs/" + run + "/export.json").query("sort", "nope").bearer(AGENT), 422);
        ok(ApiGatewayEvents.get("/api/runs/" + UUID.randomUUID() + "/export.json").bearer(AGENT), 404);
    }

    static List<String> compared(JsonNode page) {
        List<String> items = new ArrayList<>();
        page.get("items").forEach(i -> items.add(i.get("change").asText() + " " + i.get("finding").get("entities").get(0).get("key").asText()
                + "#" + i.get("finding").get("id").asText()));
        return items;
    }

    @Test
    void twoRunsCompareByFingerprintNewThenResolvedThenUnchanged() {
        String c = "cmp-" + UUID.randomUUID().toString().substring(0, 6);
        UUID earlier = seedRunWithFindings(c, "sample-check", Instant.parse("2026-11-01T10:00:00Z"), roster());
        UUID later = seedRunWithFindings(c, "sample-check", Instant.parse("2026-11-02T10:00:00Z"), List.of(
                finding("DRIFT", Severity.ERROR, "Student a grade differs", "s-a", "name", "Jones, Bo"),
                finding("DRIFT", Severity.WARNING, "Student e grade differs", "s-e", "name", "Ray, Ed"),
                finding("MISSING", Severity.WARNING, "Student c missing here", "s-c", "name", "Smith, Cy"),
                finding("MISSING", Severity.INFO, "Student f missing here", "s-f", "name", "Fox, Fi"),
                finding("DRIFT", Severity.ERROR, "Student g grade differs", "s-g", "name", "Gil, Gu")));
        String path = "/api/runs/" + later + "/compare";

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiGatewayEvents.Request request = ApiGatewayEvents.get(path).query("with", earlier.toString()).query("limit", "2");
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            JsonNode page = ok(request.bearer(AGENT), 200);
            assertThat(page.get("counts").toString()).isEqualTo("{\"new\":3,\"resolved\":2,\"unchanged\":2}");
            assertThat(page.get("total").asInt()).isEqualTo(7);
            assertThat(page.get("run").get("runId").asText()).isEqualTo(later.toString());
            assertThat(page.get("with").get("runId").asText()).isEqualTo(earlier.toString());
            walked.addAll(compared(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(4);
        // resolved findings are the earlier run's (its ids); the others the later run's
        assertThat(walked).containsExactly("new s-e#2", "new s-f#4", "new s-g#5", "resolved s-b#1", "resolved s-d#4",
                "unchanged s-a#1", "unchanged s-c#3");

        JsonNode newOnly = ok(ApiGatewayEvents.get(path).query("with", earlier.toString()).query("change", "new")
                .query("limit", "3").bearer(AGENT), 200);
        assertThat(compared(newOnly)).containsExactly("new s-e#2", "new s-f#4", "new s-g#5");
        assertThat(newOnly.get("nextCursor").isNull()).as("nothing after the last new one").isTrue();
        assertThat(newOnly.get("total").asInt()).isEqualTo(3);
        JsonNode exactPage = ok(ApiGatewayEvents.get(path).query("with", earlier.toString()).query("limit", "3").bearer(AGENT), 200);
        assertThat(exactPage.get("nextCursor").isNull()).as("the resolved ones follow").isFalse();
        JsonNode afterExact = ok(ApiGatewayEvents.get(path).query("with", earlier.toString()).query("limit", "3")
                .query("cursor", exactPage.get("nextCursor").asText()).bearer(AGENT), 200);
        assertThat(compared(afterExact)).containsExactly("resolved s-b#1", "resolved s-d#4", "unchanged s-a#1");

        JsonNode drift = ok(ApiGatewayEvents.get(path).query("with", earlier.toString()).query("category", "DRIFT")
                .query("change", "resolved").bearer(AGENT), 200);
        assertThat(drift.get("counts").toString()).isEqualTo("{\"new\":2,\"resolved\":1,\"unchanged\":1}");
        assertThat(compared(drift)).containsExactly("resolved s-d#4");
        assertThat(drift.get("items").get(0).get("finding").get("title").asText()).isEqualTo("Student d grade differs");
        JsonNode errors = ok(ApiGatewayEvents.get(path).query("with", earlier.toString()).query("severity", "error").bearer(AGENT), 200);
        // s-a is in both runs: unchanged, never resolved, whatever the filter
        assertThat(compared(errors)).containsExactly("new s-g#5", "resolved s-d#4", "unchanged s-a#1");
    }

    @Test
    void comparisonsOlderThanAWeekAreDroppedAndWorkedOutAgainWhenAskedFor() throws Exception {
        String c = "cmp3-" + UUID.randomUUID().toString().substring(0, 6);
        UUID earlier = seedRunWithFindings(c, "sample-check", Instant.parse("2026-11-05T10:00:00Z"), roster());
        UUID later = seedRunWithFindings(c, "sample-check", Instant.parse("2026-11-06T10:00:00Z"), roster());
        UUID latest = seedRunWithFindings(c, "sample-check", Instant.parse("2026-11-07T10:00:00Z"), roster());
        String counts = "{\"new\":0,\"resolved\":0,\"unchanged\":4}";
        assertThat(ok(ApiGatewayEvents.get("/api/runs/" + later + "/compare").query("with", earlier.toString())
                .bearer(AGENT), 200).get("counts").toString()).isEqualTo(counts);
        try (Connection db = DelegatingDataSource.unwrapDataSource(function.bean(DataSource.class)).getConnection()) {
            try (PreparedStatement age = db.prepareStatement(
                    "UPDATE run_comparisons SET compared_at = now() - interval '8 days' WHERE run_id = ?")) {
                age.setObject(1, later);
                assertThat(age.executeUpdate()).isEqualTo(1);
            }

            // making another comparison drops the old one and its rows
            ok(ApiGatewayEvents.get("/api/runs/" + latest + "/compare").query("with", later.toString()).bearer(AGENT), 200);
            try (PreparedStatement rows = db.prepareStatement("SELECT (SELECT count(*) FROM run_comparisons WHERE run_id = ?)"
                    + " + (SELECT count(*) FROM finding_changes WHERE run_id = ?)")) {
                rows.setObject(1, later);
                rows.setObject(2, later);
                try (ResultSet rs = rows.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
            }
        }
        // and asking for it again works it out again
        assertThat(ok(ApiGatewayEvents.get("/api/runs/" + later + "/compare").query("with", earlier.toString())
                .bearer(AGENT), 200).get("counts").toString()).isEqualTo(counts);
    }

    @Test
    void onlyComparableRunsCompare() {
        String c = "cmp2-" + UUID.randomUUID().toString().substring(0, 6);
        UUID base = seedRunWithFindings(c, "sample-check", Instant.parse("2026-11-03T10:00:00Z"), roster());
        UUID otherTool = seedRunWithFindings(c, "other-tool", Instant.parse("2026-11-03T11:00:00Z"), roster());
        UUID otherCustomer = seedRunWithFindings(c + "x", "sample-check", Instant.parse("2026-11-03T11:00:00Z"), roster());
        UUID failed = seedRun(c, "sample-check", RunStatus.FAILED, "agent1", Instant.parse("2026-11-03T12:00:00Z"), null, "gone");
        String path = "/api/runs/" + base + "/compare";

        assertThat(ok(ApiGatewayEvents.get(path).bearer(AGENT), 422).get("errors").get(0).get("field").asText()).isEqualTo("with");
        assertThat(ok(ApiGatewayEvents.get(path).query("with", otherTool.toString()).bearer(AGENT), 422).toString())
                .contains("another tool");
        assertThat(ok(ApiGatewayEvents.get(path).query("with", otherCustomer.toString()).bearer(AGENT), 422).toString())
                .contains("another customer");
        assertThat(ok(ApiGatewayEvents.get(path).query("with", failed.toString()).bearer(AGENT), 422).toString())
                .contains("has not succeeded");
        assertThat(ok(ApiGatewayEvents.get("/api/runs/" + failed + "/compare").query("with", base.toString()).bearer(AGENT), 422)
                .get("errors").get(0).get("field").asText()).isEqualTo("runId");
        ok(ApiGatewayEvents.get(path).query("with", base.toString()).query("change", "gone").bearer(AGENT), 422);
        ok(ApiGatewayEvents.get(path).query("with", UUID.randomUUID().toString()).bearer(AGENT), 404);
        ok(ApiGatewayEvents.get("/api/runs/" + UUID.randomUUID() + "/compare").query("with", base.toString()).bearer(AGENT), 404);
        JsonNode itself = ok(ApiGatewayEvents.get(path).query("with", base.toString()).bearer(AGENT), 200);
        assertThat(itself.get("counts").toString()).isEqualTo("{\"new\":0,\"resolved\":0,\"unchanged\":4}");
    }

    @Test
    void meGivesTheTokensNameOrElseTheUsername() {
        String named = TestTokens.builder().subject("dana7").roles("agent").claim("name", "Dana Whitfield").build();
        JsonNode me = ok(ApiGatewayEvents.get("/api/me").bearer(named), 200);
        assertThat(me.toString()).isEqualTo("{\"username\":\"dana7\",\"name\":\"Dana Whitfield\",\"roles\":[\"agent\"]}");
        JsonNode plain = ok(ApiGatewayEvents.get("/api/me").bearer(AGENT), 200);
        assertThat(plain.get("name").asText()).isEqualTo("agent1");
    }

    @Test
    void historyFiltersByDayOrInstantAndByASetOfStatuses() {
        String c = "hist-" + UUID.randomUUID().toString().substring(0, 6);
        UUID lateOn28 = seedRun(c, "t", RunStatus.SUCCEEDED, "a", Instant.parse("2026-11-28T23:59:59Z"), null, null);
        UUID startOf29 = seedRun(c, "t", RunStatus.RUNNING, "a", Instant.parse("2026-11-29T00:00:00Z"), null, null);
        UUID noonOf29 = seedRun(c, "t", RunStatus.QUEUED, "a", Instant.parse("2026-11-29T12:00:00Z"), null, null);
        UUID endOf29 = seedRun(c, "t", RunStatus.FAILED, "a", Instant.parse("2026-11-29T23:59:59.999Z"), null, "gone");
        UUID on30 = seedRun(c, "t", RunStatus.RUNNING, "a", Instant.parse("2026-11-30T00:00:00Z"), null, null);

        JsonNode day = ok(ApiGatewayEvents.get("/api/runs").query("customerId", c)
                .query("from", "2026-11-29").query("to", "2026-11-29").bearer(AGENT), 200);
        assertThat(runIds(day)).as("the whole day, newest first").containsExactly(
                endOf29.toString(), noonOf29.toString(), startOf29.toString());

        JsonNode instants = ok(ApiGatewayEvents.get("/api/runs").query("customerId", c)
                .query("from", "2026-11-28T23:59:59Z").query("to", "2026-11-29T12:00:00Z").bearer(AGENT), 200);
        assertThat(runIds(instants)).as("from inclusive, to exclusive").containsExactly(
                startOf29.toString(), lateOn28.toString());

        JsonNode unfinished = ok(ApiGatewayEvents.get("/api/runs").query("customerId", c)
                .query("status", "RUNNING,queued").bearer(AGENT), 200);
        assertThat(runIds(unfinished)).containsExactly(on30.toString(), noonOf29.toString(), startOf29.toString());

        // combined with paging: two at a time over the three of the 29th that are RUNNING, QUEUED or FAILED
        JsonNode first = ok(ApiGatewayEvents.get("/api/runs").query("customerId", c).query("status", "RUNNING,QUEUED,FAILED")
                .query("from", "2026-11-29").query("to", "2026-11-29").query("limit", "2").bearer(AGENT), 200);
        JsonNode second = ok(ApiGatewayEvents.get("/api/runs").query("customerId", c).query("status", "RUNNING,QUEUED,FAILED")
                .query("from", "2026-11-29").query("to", "2026-11-29").query("limit", "2")
                .query("cursor", first.get("nextCursor").asText()).bearer(AGENT), 200);
        assertThat(runIds(first)).containsExactly(endOf29.toString(), noonOf29.toString());
        assertThat(runIds(second)).containsExactly(startOf29.toString());
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void badHistoryFiltersAreAllNamed() {
        JsonNode bad = ok(ApiGatewayEvents.get("/api/runs").query("from", "29/11/2026").query("to", "yesterday")
                .query("status", "RUNNING,DONE").bearer(AGENT), 422);
        List<String> fields = new ArrayList<>();
        bad.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("from", "to", "status");
        assertThat(bad.toString()).contains("2026-11-29").contains("'DONE' is not a status");
        JsonNode backwards = ok(ApiGatewayEvents.get("/api/runs").query("from", "2026-11-30").query("to", "2026-11-01")
                .bearer(AGENT), 422);
        assertThat(backwards.get("errors").get(0).get("field").asText()).isEqualTo("to");
    }
}
