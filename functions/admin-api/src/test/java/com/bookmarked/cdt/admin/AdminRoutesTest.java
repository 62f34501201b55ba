package com.bookmarked.cdt.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.core.http.FindingsCsv;
import com.bookmarked.cdt.core.testing.ApiGatewayEvents;
import com.bookmarked.cdt.core.testing.FunctionUnderTest;
import com.bookmarked.cdt.core.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every admin route through the Lambda handler, with a sample tool so that runs have findings. */
class AdminRoutesTest {

    static FunctionUnderTest function;
    static ApplicationContext context;
    static final String AGENT = TestTokens.token("agent1", "agent");
    static final String ADMIN = TestTokens.token("admin1", "agent", "admin");
    static final String SETTINGS = "{\"name\":\"Lincoln Unified\",\"settings\":{"
            + "\"sis\":{\"type\":\"oneroster-csv\",\"location\":\"/data/lincoln.zip\",\"secretRef\":\"env:LINCOLN_SFTP\"},"
            + "\"ours\":{\"instance\":\"production\",\"customerKey\":\"lincoln\"},"
            + "\"snapshotTtlMinutes\":{\"sis\":60,\"ours\":15}}}";

    @BeforeAll
    static void start() {
        function = FunctionUnderTest.start(Map.of("cdt.test.sample-tool", "true"));
        context = function.context();
        ok(ApiGatewayEvents.put("/api/customers/lincoln", SETTINGS).bearer(ADMIN), 200);
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    static APIGatewayV2HTTPResponse invoke(ApiGatewayEvents.Request request) {
        return function.invoke(request);
    }

    static JsonNode ok(ApiGatewayEvents.Request request, int status) {
        return function.json(request, status);
    }

    static JsonNode startRun(int count) throws Exception {
        JsonNode started = ok(ApiGatewayEvents.post("/api/tools/" + SampleTool.ID + "/runs",
                "{\"customerId\":\"lincoln\",\"parameters\":{\"count\":" + count + "},\"ticketId\":\"9001\"}").bearer(AGENT), 202);
        String runId = started.get("runId").asText();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            JsonNode run = ok(ApiGatewayEvents.get("/api/runs/" + runId).bearer(AGENT), 200);
            if (run.get("status").asText().equals("SUCCEEDED")) {
                return run;
            }
            assertThat(run.get("status").asText()).isIn("QUEUED", "RUNNING");
            Thread.sleep(25);
        }
        throw new AssertionError("run did not finish");
    }

    @Test
    void customersAreListedSearchedAndReadWithReferencesOnly() throws Exception {
        JsonNode list = ok(ApiGatewayEvents.get("/api/customers").query("q", "linc").bearer(AGENT), 200);
        assertThat(list.get("items").size()).isEqualTo(1);
        // lastRunAt depends on whether another test has started a run yet: null or a time, but always there
        JsonNode lincoln = ((com.fasterxml.jackson.databind.node.ObjectNode) list.get("items").get(0).deepCopy());
        assertThat(lincoln.has("lastRunAt")).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) lincoln).remove("lastRunAt");
        assertThat(lincoln.toString()).isEqualTo(
                "{\"id\":\"lincoln\",\"name\":\"Lincoln Unified\",\"sisType\":\"oneroster-csv\",\"oursInstance\":\"production\"}");
        assertThat(ok(ApiGatewayEvents.get("/api/customers").query("q", "nothing-like-it").bearer(AGENT), 200)
                .get("items").size()).isZero();
        JsonNode one = ok(ApiGatewayEvents.get("/api/customers/lincoln").bearer(AGENT), 200);
        assertThat(one.get("settings").get("sis").get("secretRef").asText()).isEqualTo("env:LINCOLN_SFTP");
        assertThat(one.get("settings").get("snapshotTtlMinutes").get("ours").asInt()).isEqualTo(15);
        assertThat(one.get("updatedAt").asText()).endsWith("Z");
        ok(ApiGatewayEvents.get("/api/customers/nobody").bearer(AGENT), 404);
    }

    @Test
    void refreshNowIsAuditedAndNamesTheCustomer() throws Exception {
        JsonNode refreshed = ok(ApiGatewayEvents.post("/api/customers/lincoln/snapshots/refresh", "").bearer(AGENT), 202);
        assertThat(refreshed.get("detail").asText()).contains("Lincoln Unified").contains("afresh");
        assertThat(context.getBean(com.bookmarked.cdt.core.store.AuditLog.class).trailOf("customer:lincoln"))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("snapshots.refresh"));
        ok(ApiGatewayEvents.post("/api/customers/nobody/snapshots/refresh", "").bearer(AGENT), 404);
    }

    @Test
    void onlyAdminsChangeCustomersAndBadSettingsAreNamed() throws Exception {
        APIGatewayV2HTTPResponse refused = invoke(ApiGatewayEvents.put("/api/customers/lincoln", SETTINGS).bearer(AGENT));
        assertThat(refused.getStatusCode()).isEqualTo(403);

        JsonNode invalid = ok(ApiGatewayEvents.put("/api/customers/lincoln",
                SETTINGS.replace("oneroster-csv", "excel").replace("env:LINCOLN_SFTP", "p@ssw0rd")).bearer(ADMIN), 422);
        List<String> fields = new ArrayList<>();
        invalid.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("settings.sis.type", "settings.sis.secretRef");
        assertThat(invalid.toString()).doesNotContain("p@ssw0rd");

        ok(ApiGatewayEvents.put("/api/customers/lincoln", "{not json").bearer(ADMIN), 400);
    }

    @Test
    void aRunStartedHereIsTrackedListedAndItsFindingsPaged() throws Exception {
        JsonNode run = startRun(7);
        String runId = run.get("runId").asText();
        assertThat(run.get("requestedBy").asText()).isEqualTo("agent1");
        assertThat(run.get("ticketId").asText()).isEqualTo("9001");
        assertThat(run.get("summary").get("total").asInt()).isEqualTo(7);
        assertThat(run.get("summary").get("bySeverity").toString()).isEqualTo("{\"error\":3,\"warning\":0,\"info\":4}");
        assertThat(run.get("summary").get("byCategory").toString()).isEqualTo("{\"DRIFT\":3,\"MISSING\":4}");
        assertThat(run.get("progress").toString()).isEqualTo("{\"phase\":\"Done\",\"percent\":100}");

        JsonNode history = ok(ApiGatewayEvents.get("/api/runs").query("customerId", "lincoln").query("ticketId", "9001")
                .query("status", "SUCCEEDED").query("limit", "50").bearer(AGENT), 200);
        List<String> ids = new ArrayList<>();
        history.get("items").forEach(i -> ids.add(i.get("runId").asText()));
        assertThat(ids).contains(runId);

        JsonNode first = ok(ApiGatewayEvents.get("/api/runs/" + runId + "/findings").query("limit", "3").bearer(AGENT), 200);
        assertThat(first.get("total").asInt()).isEqualTo(7);
        assertThat(first.get("items").size()).isEqualTo(3);
        JsonNode finding = first.get("items").get(0);
        assertThat(finding.get("id").asText()).isEqualTo("1");
        assertThat(finding.get("severity").asText()).isEqualTo("error");
        assertThat(finding.get("entities").get(0).get("side").asText()).isEqualTo("sis");
        assertThat(finding.get("evidence").toString()).isEqualTo("{}");
        JsonNode second = ok(ApiGatewayEvents.get("/api/runs/" + runId + "/findings").query("limit", "3")
                .query("cursor", first.get("nextCursor").asText()).bearer(AGENT), 200);
        assertThat(second.get("items").get(0).get("id").asText()).isEqualTo("4");

        JsonNode errors = ok(ApiGatewayEvents.get("/api/runs/" + runId + "/findings").query("severity", "error")
                .query("category", "MISSING").bearer(AGENT), 200);
        assertThat(errors.get("total").asInt()).isEqualTo(2); // i = 0 and 6
        assertThat(errors.get("nextCursor").isNull()).as("present, and null on the last page").isTrue();

        ok(ApiGatewayEvents.get("/api/runs/" + runId + "/findings").query("severity", "fatal").bearer(AGENT), 422);
        ok(ApiGatewayEvents.get("/api/runs/" + runId + "/findings").query("limit", "501").bearer(AGENT), 422);
        ok(ApiGatewayEvents.get("/api/runs/00000000-0000-0000-0000-000000000000/findings").bearer(AGENT), 404);
    }

    @Test
    void findingsExportAsCsvWithTheFilters() throws Exception {
        String runId = startRun(5).get("runId").asText();
        APIGatewayV2HTTPResponse csv = invoke(ApiGatewayEvents.get("/api/runs/" + runId + "/findings")
                .query("category", "MISSING").accept("text/csv").bearer(AGENT));
        assertThat(csv.getStatusCode()).as(csv.getBody()).isEqualTo(200);
        assertThat(FunctionUnderTest.header(csv, "content-type")).startsWith("text/csv");
        assertThat(FunctionUnderTest.header(csv, "content-disposition")).contains(runId + ".csv");
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines[0]).isEqualTo(FindingsCsv.HEADER);
        assertThat(lines).hasSize(4); // header + findings 1, 3, 5
        assertThat(lines[1]).startsWith("1,").contains(",MISSING,error,sample.0,\"Student 0, grade differs\",sis-0,ours-0,grade=05,grade=06,re-sync,");
        assertThat(lines[3]).startsWith("5,");
    }

    @Test
    void cancellingAFinishedRunAnswers202WithTheRunUnchanged() throws Exception {
        String runId = startRun(1).get("runId").asText();
        JsonNode cancelled = ok(ApiGatewayEvents.request("POST", "/api/runs/" + runId + "/cancel").bearer(AGENT), 202);
        assertThat(cancelled.get("status").asText()).isEqualTo("SUCCEEDED");
        ok(ApiGatewayEvents.request("POST", "/api/runs/not-a-run/cancel").bearer(AGENT), 404);
    }

    @Test
    void theCatalogueListsTheToolsOfThisDeployment() throws Exception {
        JsonNode tools = ok(ApiGatewayEvents.get("/api/tools").bearer(AGENT), 200);
        assertThat(tools.get("items").size()).isEqualTo(1);
        JsonNode tool = tools.get("items").get(0);
        assertThat(tool.get("id").asText()).isEqualTo(SampleTool.ID);
        assertThat(tool.get("needs").toString()).isEqualTo("[{\"side\":\"sis\",\"why\":\"students in the SIS\"}]");
        assertThat(tool.get("parametersSchema").get("properties").has("count")).isTrue();
        assertThat(tool.get("categories").toString()).isEqualTo("[\"MISSING\",\"DRIFT\"]");
    }

    @Test
    void runHistoryRefusesBadFilters() throws Exception {
        ok(ApiGatewayEvents.get("/api/runs").query("status", "DONE").bearer(AGENT), 422);
        ok(ApiGatewayEvents.get("/api/runs").query("cursor", "bogus").bearer(AGENT), 422);
        ok(ApiGatewayEvents.get("/api/runs").query("limit", "x").bearer(AGENT), 400);
        JsonNode empty = ok(ApiGatewayEvents.get("/api/runs").query("customerId", "nobody").bearer(AGENT), 200);
        assertThat(empty.get("items").size()).isZero();
        assertThat(empty.get("nextCursor").isNull()).isTrue();
    }
}
