package com.bookmarked.cdt.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.core.run.RunRecord;
import com.bookmarked.cdt.core.run.RunRepository;
import com.bookmarked.cdt.core.run.RunStatus;
import com.bookmarked.cdt.core.run.RunSummary;
import com.bookmarked.cdt.core.store.AuditLog;
import com.bookmarked.cdt.core.testing.ApiGatewayEvents;
import com.bookmarked.cdt.core.testing.FunctionUnderTest;
import com.bookmarked.cdt.core.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard and the customer page's additions (issue 5), through the Lambda handler on their own database. */
class CustomersAndDashboardRoutesTest {

    static FunctionUnderTest function;
    static final String AGENT = TestTokens.token("agent1", "agent");
    static final String ADMIN = TestTokens.token("admin1", "agent", "admin");
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    static String settings(String name, String location, String schedule) {
        return "{\"name\":\"" + name + "\",\"settings\":{"
                + "\"sis\":{\"type\":\"oneroster-csv\",\"location\":\"" + location + "\",\"secretRef\":\"env:SFTP_SECRET_VALUE_NAME\"},"
                + "\"ours\":{\"instance\":\"production\",\"customerKey\":\"k1\"},"
                + "\"snapshotTtlMinutes\":{\"sis\":60,\"ours\":15}" + (schedule == null ? "" : ",\"schedule\":" + schedule) + "}}";
    }

    @BeforeAll
    static void start() {
        // A third instance, so that the list's ourInstances is seen to come from the configuration.
        function = FunctionUnderTest.start(Map.of("cdt.ours.instances", "production,staging,eu-central"));
        ok(ApiGatewayEvents.put("/api/customers/oak", settings("Oak Valley", "sftp://files.oak.example/roster", null)).bearer(ADMIN), 200);
        ok(ApiGatewayEvents.put("/api/customers/elm", settings("Elm Park", "/data/elm.zip",
                "{\"cron\":\"0 6 * * 1-5\",\"timezone\":\"America/Chicago\"}")).bearer(ADMIN), 200);
        ok(ApiGatewayEvents.put("/api/customers/pine", settings("Pine Ridge", "/data/pine.zip", null)).bearer(ADMIN), 200);
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    static JsonNode ok(ApiGatewayEvents.Request request, int status) {
        return function.json(request, status);
    }

    static String seedRun(String customerId, String toolId, RunStatus status, String requestedBy, Duration ago, long errors) {
        UUID id = UUID.randomUUID();
        Instant created = NOW.minus(ago);
        Instant finished = status.finished() ? created.plusSeconds(20) : null;
        RunSummary summary = status == RunStatus.SUCCEEDED
                ? new RunSummary(errors + 1, Map.of("error", errors, "info", 1L), Map.of("X", errors + 1), null) : null;
        function.bean(RunRepository.class).save(new RunRecord(id, toolId, customerId, null, requestedBy, Map.of(), status,
                "Comparing", 50, created, created, finished, finished == null ? null : 20_000L, summary,
                status == RunStatus.FAILED ? "The SIS refused the password." : null, false));
        return id.toString();
    }

    static void connectionTest(String customerId, String connector, boolean ok, String verdict, String... failed) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("connector", connector);
        details.put("ok", ok);
        details.put("verdict", verdict);
        details.put("failedChecks", List.of(failed));
        function.bean(AuditLog.class).record("agent2", "connector.test", "customer:" + customerId, details);
    }

    static List<String> ids(JsonNode runs) {
        List<String> ids = new ArrayList<>();
        runs.forEach(r -> ids.add(r.get("runId").asText()));
        return ids;
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void theDashboardShowsWhatNeedsAnAgentsAttention() throws Exception {
        String oakOld = seedRun("oak", "tool-a", RunStatus.SUCCEEDED, "agent2", Duration.ofDays(3), 5);
        String oakNew = seedRun("oak", "tool-a", RunStatus.SUCCEEDED, "agent2", Duration.ofDays(2), 0);
        String elmA = seedRun("elm", "tool-a", RunStatus.SUCCEEDED, "agent1", Duration.ofHours(30), 3);
        String elmB = seedRun("elm", "tool-b", RunStatus.SUCCEEDED, "agent2", Duration.ofHours(29), 7);
        String failedOld = seedRun("pine", "tool-a", RunStatus.FAILED, "agent1", Duration.ofDays(9), 0);
        String failedNew = seedRun("pine", "tool-a", RunStatus.FAILED, "agent1", Duration.ofHours(5), 0);
        String queued = seedRun("pine", "tool-b", RunStatus.QUEUED, "agent2", Duration.ofMinutes(2), 0);
        String running = seedRun("oak", "tool-b", RunStatus.RUNNING, "agent1", Duration.ofMinutes(3), 0);

        connectionTest("elm", "oneroster-csv", false, "The export is not there.", "OneRoster export");
        connectionTest("oak", "ftp", false, "The SFTP server's host key is not the one in the settings.", "Host key");
        connectionTest("elm", "oneroster-csv", true, "Found the OneRoster 1.2 export.");
        connectionTest("elm", "bookmarked", false, "The production database refused the password (28P01).", "Connection");

        JsonNode board = ok(ApiGatewayEvents.get("/api/dashboard").bearer(AGENT), 200);
        assertThat(ids(board.get("running"))).containsExactly(queued, running);
        assertThat(board.get("running").get(1).get("progress").get("percent").asInt()).isEqualTo(50);
        assertThat(ids(board.get("recentMine"))).containsExactly(running, failedNew, elmA, failedOld);
        assertThat(ids(board.get("recentAll"))).containsExactly(queued, running, failedNew, elmB, elmA, oakNew, oakOld, failedOld);
        assertThat(ids(board.get("failed"))).as("FAILED in the last 7 days").containsExactly(failedNew);
        assertThat(board.get("failed").get(0).get("error").asText()).isEqualTo("The SIS refused the password.");

        JsonNode withErrors = board.get("customersWithErrors");
        assertThat(withErrors.size()).as("oak's latest tool-a run found none").isEqualTo(2);
        assertThat(withErrors.get(0).toString()).startsWith("{\"customerId\":\"elm\",\"customerName\":\"Elm Park\","
                + "\"toolId\":\"tool-b\",\"runId\":\"" + elmB + "\",\"finishedAt\":");
        assertThat(withErrors.get(0).get("errors").asLong()).isEqualTo(7);
        assertThat(withErrors.get(1).get("runId").asText()).isEqualTo(elmA);

        JsonNode failures = board.get("connectorFailures");
        assertThat(failures.size()).as("elm's CSV connector passed its latest test").isEqualTo(2);
        assertThat(failures.get(0).get("connector").asText()).isEqualTo("bookmarked");
        assertThat(failures.get(0).get("customerName").asText()).isEqualTo("Elm Park");
        assertThat(failures.get(0).get("failedChecks").toString()).isEqualTo("[\"Connection\"]");
        assertThat(failures.get(0).get("verdict").asText()).contains("28P01");
        assertThat(failures.get(1).get("customerId").asText()).isEqualTo("oak");
        assertThat(failures.get(1).get("actor").asText()).isEqualTo("agent2");
        assertThat(failures.get(1).get("at").asText()).endsWith("Z");

        JsonNode someoneElse = ok(ApiGatewayEvents.get("/api/dashboard").bearer(TestTokens.token("eng9", "engineer")), 200);
        assertThat(someoneElse.get("recentMine").size()).isZero();

        // the customer page: connectors in order, the latest test of each, the last run in the list
        JsonNode elm = ok(ApiGatewayEvents.get("/api/customers/elm").bearer(AGENT), 200);
        assertThat(elm.get("connectors").toString()).isEqualTo("[\"oneroster-csv\",\"bookmarked\"]");
        assertThat(elm.get("lastTests").size()).isEqualTo(2);
        assertThat(elm.get("lastTests").get(0).get("connector").asText()).isEqualTo("oneroster-csv");
        assertThat(elm.get("lastTests").get(0).get("ok").asBoolean()).isTrue();
        assertThat(elm.get("lastTests").get(1).get("ok").asBoolean()).isFalse();
        assertThat(elm.get("lastTests").get(1).get("actor").asText()).isEqualTo("agent2");
        JsonNode oak = ok(ApiGatewayEvents.get("/api/customers/oak").bearer(AGENT), 200);
        assertThat(oak.get("connectors").toString()).isEqualTo("[\"ftp\",\"bookmarked\"]");
        // a connector oak no longer uses (its SIS was ClassLink once) keeps its last test, after its own
        connectionTest("oak", "classlink", true, "Connected to ClassLink.");
        JsonNode oakAgain = ok(ApiGatewayEvents.get("/api/customers/oak").bearer(AGENT), 200);
        List<String> tested = new ArrayList<>();
        oakAgain.get("lastTests").forEach(t -> tested.add(t.get("connector").asText()));
        assertThat(tested).last().isEqualTo("classlink");
        assertThat(tested.subList(0, tested.size() - 1)).isSubsetOf("ftp", "bookmarked");
        assertThat(oak.get("settings").get("schedule").isNull()).isTrue();

        JsonNode list = ok(ApiGatewayEvents.get("/api/customers").bearer(AGENT), 200);
        Map<String, String> lastRun = new LinkedHashMap<>();
        list.get("items").forEach(c -> lastRun.put(c.get("id").asText(), c.get("lastRunAt").isNull() ? null : c.get("lastRunAt").asText()));
        assertThat(Instant.parse(lastRun.get("oak"))).isEqualTo(NOW.minus(Duration.ofMinutes(3)));
        assertThat(Instant.parse(lastRun.get("pine"))).isEqualTo(NOW.minus(Duration.ofMinutes(2)));
        JsonNode byName = ok(ApiGatewayEvents.get("/api/customers").query("q", "PARK").bearer(AGENT), 200);
        assertThat(byName.get("items").size()).isEqualTo(1);
        assertThat(byName.get("items").get(0).get("id").asText()).isEqualTo("elm");
    }

    @Test
    void theListNamesTheConfiguredInstancesAndSavingAcceptsExactlyThose() {
        JsonNode list = ok(ApiGatewayEvents.get("/api/customers").bearer(AGENT), 200);
        assertThat(list.get("ourInstances").toString()).isEqualTo("[\"production\",\"staging\",\"eu-central\"]");
        assertThat(ok(ApiGatewayEvents.get("/api/customers").query("q", "nothing matches this").bearer(AGENT), 200)
                .get("ourInstances").size()).as("also with no customer found").isEqualTo(3);

        ok(ApiGatewayEvents.put("/api/customers/cedar", settings("Cedar Falls", "/data/cedar.zip", null)
                .replace("\"production\"", "\"eu-central\"")).bearer(ADMIN), 200);
        JsonNode refused = ok(ApiGatewayEvents.put("/api/customers/cedar", settings("Cedar Falls", "/data/cedar.zip", null)
                .replace("\"production\"", "\"moon\"")).bearer(ADMIN), 422);
        assertThat(refused.get("errors").toString()).contains("settings.ours.instance");
    }

    @Test
    void aSearchWithACommaFindsTheWholeName() {
        ok(ApiGatewayEvents.put("/api/customers/ash", settings("Ash Grove, North", "/data/ash.zip", null)).bearer(ADMIN), 200);
        JsonNode found = ok(ApiGatewayEvents.get("/api/customers").query("q", "grove, north").bearer(AGENT), 200);
        assertThat(found.get("items").size()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("id").asText()).isEqualTo("ash");
        assertThat(ok(ApiGatewayEvents.get("/api/customers").query("q", "grove, south").bearer(AGENT), 200)
                .get("items").size()).as("the text after the comma counts too").isZero();
    }

    @Test
    void aScheduleIsValidatedAndSavedAndEveryBadFieldIsNamedAtOnce() {
        JsonNode elm = ok(ApiGatewayEvents.get("/api/customers/elm").bearer(AGENT), 200);
        assertThat(elm.get("settings").get("schedule").toString()).isEqualTo("{\"cron\":\"0 6 * * 1-5\",\"timezone\":\"America/Chicago\"}");

        String bad = settings("", "", "{\"cron\":\"0 25 * * MON-FRI\",\"timezone\":\"Chicago\"}")
                .replace("\"sis\":60", "\"sis\":0");
        JsonNode refused = ok(ApiGatewayEvents.put("/api/customers/elm", bad).bearer(ADMIN), 422);
        assertThat(fields(refused)).containsExactlyInAnyOrder("name", "settings.sis.location",
                "settings.snapshotTtlMinutes.sis", "settings.schedule.cron", "settings.schedule.timezone");
        assertThat(refused.toString()).contains("hour field").contains("America/Chicago");

        for (String cron : List.of("*/15 * * * *", "0 6,18 1-15/2 JAN-jun sun", "30 5 * * 7", "0 0 1 1 *")) {
            ok(ApiGatewayEvents.put("/api/customers/pine", settings("Pine Ridge", "/data/pine.zip",
                    "{\"cron\":\"" + cron + "\",\"timezone\":\"Europe/London\"}")).bearer(ADMIN), 200);
        }
        for (String cron : List.of("0 6 * *", "60 * * * *", "* * 0 * *", "* * * 13 *", "* * * * 8", "5-1 * * * *",
                "*/0 * * * *", "@daily", "0 6 * * 1-5 2026")) {
            JsonNode no = ok(ApiGatewayEvents.put("/api/customers/pine", settings("Pine Ridge", "/data/pine.zip",
                    "{\"cron\":\"" + cron + "\",\"timezone\":\"UTC\"}")).bearer(ADMIN), 422);
            assertThat(fields(no)).as(cron).containsExactly("settings.schedule.cron");
        }
        JsonNode noZone = ok(ApiGatewayEvents.put("/api/customers/pine", settings("Pine Ridge", "/data/pine.zip",
                "{\"cron\":\"0 6 * * *\"}")).bearer(ADMIN), 422);
        assertThat(fields(noZone)).containsExactly("settings.schedule.timezone");
    }

    @Test
    void aStaleSaveIsRefusedWith409AndAgentsCannotSaveAtAll() {
        String body = settings("Birch Hill", "/data/birch.zip", null);
        JsonNode created = ok(ApiGatewayEvents.put("/api/customers/birch", body).bearer(ADMIN), 200);
        String loadedAt = created.get("updatedAt").asText();

        APIGatewayV2HTTPResponse agent = function.invoke(ApiGatewayEvents.put("/api/customers/birch", body).bearer(AGENT));
        assertThat(agent.getStatusCode()).isEqualTo(403);

        String first = body.replace("Birch Hill", "Birch Hill USD").replace("{\"name\"", "{\"expectedUpdatedAt\":\"" + loadedAt + "\",\"name\"");
        JsonNode saved = ok(ApiGatewayEvents.put("/api/customers/birch", first).bearer(ADMIN), 200);
        assertThat(saved.get("name").asText()).isEqualTo("Birch Hill USD");
        assertThat(saved.get("connectors").toString()).isEqualTo("[\"oneroster-csv\",\"bookmarked\"]");

        String second = body.replace("/data/birch.zip", "/data/birch2.zip")
                .replace("{\"name\"", "{\"expectedUpdatedAt\":\"" + loadedAt + "\",\"name\"");
        JsonNode conflict = ok(ApiGatewayEvents.put("/api/customers/birch", second).bearer(ADMIN), 409);
        assertThat(conflict.get("detail").asText()).startsWith("Someone else changed these settings at ")
                .endsWith("; reload them and make your change again.");
        assertThat(ok(ApiGatewayEvents.get("/api/customers/birch").bearer(AGENT), 200).get("settings").get("sis")
                .get("location").asText()).as("nothing saved").isEqualTo("/data/birch.zip");

        JsonNode badStamp = ok(ApiGatewayEvents.put("/api/customers/birch",
                body.replace("{\"name\"", "{\"expectedUpdatedAt\":\"yesterday\",\"name\"")).bearer(ADMIN), 422);
        assertThat(fields(badStamp)).containsExactly("expectedUpdatedAt");

        // the trail, newest first, names what changed and never a secret reference's value
        ok(ApiGatewayEvents.put("/api/customers/birch", body.replace("env:SFTP_SECRET_VALUE_NAME", "env:OTHER_SECRET_NAME"))
                .bearer(ADMIN), 200);
        JsonNode trail = ok(ApiGatewayEvents.get("/api/customers/birch/audit").bearer(AGENT), 200);
        assertThat(trail.get("items").size()).isEqualTo(3);
        JsonNode latest = trail.get("items").get(0);
        assertThat(latest.get("action").asText()).isEqualTo("customer.update");
        assertThat(latest.get("actor").asText()).isEqualTo("admin1");
        assertThat(latest.get("details").get("changed").toString()).contains("settings.sis.secretRef").contains("name");
        assertThat(trail.toString()).doesNotContain("OTHER_SECRET_NAME").doesNotContain("SFTP_SECRET_VALUE_NAME");
        assertThat(trail.get("items").get(2).get("action").asText()).isEqualTo("customer.create");
        assertThat(ok(ApiGatewayEvents.get("/api/customers/birch/audit").query("limit", "1").bearer(AGENT), 200)
                .get("items").size()).isEqualTo(1);
        ok(ApiGatewayEvents.get("/api/customers/birch/audit").query("limit", "51").bearer(AGENT), 422);
        ok(ApiGatewayEvents.get("/api/customers/nobody/audit").bearer(AGENT), 404);
    }
}
