package com.bookmarked.cdt.admin;

import com.bookmarked.cdt.core.run.RunRecord;
import com.bookmarked.cdt.core.run.RunRepository;
import com.bookmarked.cdt.core.run.RunStatus;
import com.bookmarked.cdt.core.run.RunSummary;
import com.bookmarked.cdt.core.testing.ApiGatewayEvents;
import com.bookmarked.cdt.core.testing.FunctionUnderTest;
import com.bookmarked.cdt.core.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The routes the agents' web app added in issue 5: who is signed in, and the history's date and status filters. */
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
