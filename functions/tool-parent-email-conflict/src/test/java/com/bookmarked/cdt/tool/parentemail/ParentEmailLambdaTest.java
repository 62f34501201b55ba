package com.bookmarked.cdt.tool.parentemail;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.run.RunService;
import com.bookmarked.cdt.core.run.RunStatus;
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
 * The detector's function as Lambda runs it: the API Gateway v2 handler invoked in-process,
 * against an embedded PostgreSQL. Starting a run is this function's one route.
 */
class ParentEmailLambdaTest {

    static FunctionUnderTest function;

    @BeforeAll
    static void start() {
        function = FunctionUnderTest.start(Map.of());
        function.bean(CustomerService.class).save("district-7", "District Seven", new CustomerSettings(
                new CustomerSettings.Sis("oneroster-csv", "/nowhere/district-7.zip", null),
                new CustomerSettings.Ours("production", "district-7"),
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
    void startingARunAnswers202WithTheRunAndRecordsWhoAskedForIt() throws Exception {
        APIGatewayV2HTTPResponse r = post("/api/tools/parent-email-conflict/runs",
                "{\"customerId\":\"district-7\",\"parameters\":{\"placeholderHouseholds\":4,\"extraPlaceholders\":\"noparent\"},"
                        + "\"ticketId\":\"4343\"}",
                TestTokens.token("agent7", "agent"));

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(202);
        JsonNode body = new ObjectMapper().readTree(r.getBody());
        var run = function.bean(RunService.class).get(body.get("runId").asText());
        assertThat(run.toolId()).isEqualTo("parent-email-conflict");
        assertThat(run.requestedBy()).isEqualTo("agent7");
        assertThat(run.ticketId()).isEqualTo("4343");
        assertThat(run.status()).isIn(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.FAILED);
    }

    @Test
    void withoutATokenNothingStarts() {
        APIGatewayV2HTTPResponse r = post("/api/tools/parent-email-conflict/runs", "{\"customerId\":\"district-7\"}", null);
        assertThat(r.getStatusCode()).isEqualTo(401);
    }

    @Test
    void parametersAreCheckedAgainstTheToolsSchemaAtTheEdge() {
        APIGatewayV2HTTPResponse r = post("/api/tools/parent-email-conflict/runs",
                "{\"customerId\":\"district-7\",\"parameters\":{\"placeholderHouseholds\":1}}",
                TestTokens.token("agent7", "agent"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(422);
        assertThat(r.getBody()).contains("placeholderHouseholds").contains("at least 2");

        APIGatewayV2HTTPResponse typo = post("/api/tools/parent-email-conflict/runs",
                "{\"customerId\":\"district-7\",\"parameters\":{\"placeholderHousehold\":4}}",
                TestTokens.token("agent7", "agent"));
        assertThat(typo.getStatusCode()).isEqualTo(422);
        assertThat(typo.getBody()).contains("is not a parameter of this tool");
    }
}
