package com.bookmarked.cdt.tool.campustransfer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.run.RunService;
import com.bookmarked.cdt.core.testing.ApiGatewayEvents;
import com.bookmarked.cdt.core.testing.FunctionUnderTest;
import com.bookmarked.cdt.core.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Campus Transfer Validator's function as Lambda runs it: the API Gateway v2 handler invoked
 * in-process, against an embedded PostgreSQL. Starting a run is this function's one route; its
 * parameters (the day to check, the categories) are checked against the tool's schema there.
 */
class CampusTransferLambdaTest {

    static FunctionUnderTest function;
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        function = FunctionUnderTest.start(Map.of());
        function.bean(CustomerService.class).save("district-9", "District Nine", new CustomerSettings(
                new CustomerSettings.Sis("oneroster-csv", "/nowhere/district-9.zip", null),
                new CustomerSettings.Ours("production", "district-9"),
                new CustomerSettings.SnapshotTtl(60, 10)), "test");
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static APIGatewayV2HTTPResponse post(String path, String body, String token) {
        var event = ApiGatewayEvents.post(path, body);
        if (token != null) {
            event.bearer(token);
        }
        return function.invoke(event);
    }

    @Test
    void startingARunAnswers202AndRecordsTheToolTheParametersAndWhoAsked() throws Exception {
        APIGatewayV2HTTPResponse r = post("/api/tools/campus-transfer/runs",
                "{\"customerId\":\"district-9\",\"parameters\":{\"asOf\":\"2026-11-16\",\"categories\":[\"PENDING_SYNC\"]},"
                        + "\"ticketId\":\"5150\"}",
                TestTokens.token("agent9", "agent"));

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(202);
        JsonNode body = json.readTree(r.getBody());
        var run = function.bean(RunService.class).get(body.get("runId").asText());
        assertThat(run.toolId()).isEqualTo("campus-transfer");
        assertThat(run.requestedBy()).isEqualTo("agent9");
        assertThat(run.ticketId()).isEqualTo("5150");
        assertThat(run.parameters()).containsEntry("asOf", "2026-11-16");
    }

    @Test
    void aDayInTheWrongShapeIsRefusedAtTheEdgeNamingTheParameter() {
        APIGatewayV2HTTPResponse r = post("/api/tools/campus-transfer/runs",
                "{\"customerId\":\"district-9\",\"parameters\":{\"asOf\":\"16/11/2026\"}}", TestTokens.token("agent9", "agent"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(422);
        assertThat(r.getBody()).contains("parameters.asOf");
    }

    @Test
    void aMonthThatDoesNotExistIsRefusedAtTheEdge() {
        APIGatewayV2HTTPResponse r = post("/api/tools/campus-transfer/runs",
                "{\"customerId\":\"district-9\",\"parameters\":{\"asOf\":\"2026-13-01\"}}", TestTokens.token("agent9", "agent"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(422);
        assertThat(r.getBody()).contains("parameters.asOf");
    }

    @Test
    void anUnknownCategoryIsRefusedAtTheEdge() {
        APIGatewayV2HTTPResponse r = post("/api/tools/campus-transfer/runs",
                "{\"customerId\":\"district-9\",\"parameters\":{\"categories\":[\"MOVED\"]}}", TestTokens.token("agent9", "agent"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(422);
        assertThat(r.getBody()).contains("CAMPUS_MISMATCH");
    }

    @Test
    void withoutATokenNothingStarts() {
        APIGatewayV2HTTPResponse r = post("/api/tools/campus-transfer/runs", "{\"customerId\":\"district-9\"}", null);
        assertThat(r.getStatusCode()).isEqualTo(401);
    }
}
