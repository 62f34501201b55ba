package com.bookmarked.cdt.core.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.run.Run;
import com.bookmarked.cdt.core.run.RunService;
import com.bookmarked.cdt.core.run.RunStatus;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every tool function must do as Lambda runs it, written once: its one route
 * ({@code POST /api/tools/<id>/runs}) answers 202 and records who asked, refuses a caller
 * without a token, checks parameters against the tool's schema at the edge, and names an unknown
 * customer. A tool module extends this with its id and parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ToolFunctionContract {

    private static final String CUSTOMER = "district-7";
    private static final String AGENT = TestTokens.token("agent7", "agent");

    private FunctionUnderTest function;

    /** The tool's id. */
    protected abstract String toolId();

    /** A JSON object of valid, non-default parameters. */
    protected abstract String validParameters();

    /** A JSON object of parameters the schema refuses, and the name of the one at fault. */
    protected abstract String invalidParameters();

    protected abstract String invalidParameterName();

    @BeforeAll
    void start() {
        function = FunctionUnderTest.start(Map.of());
        function.bean(CustomerService.class).save(CUSTOMER, "District Seven", new CustomerSettings(
                new CustomerSettings.Sis("oneroster-csv", "/nowhere/district-7.zip", null),
                new CustomerSettings.Ours("production", CUSTOMER),
                new CustomerSettings.SnapshotTtl(60, 10)), "test");
    }

    @AfterAll
    void stop() {
        function.close();
    }

    private ApiGatewayEvents.Request start(String body) {
        return ApiGatewayEvents.post("/api/tools/" + toolId() + "/runs", body);
    }

    @Test
    void startingARunAnswers202WithTheRunAndRecordsWhoAskedForIt() {
        JsonNode body = function.json(start("{\"customerId\":\"" + CUSTOMER + "\",\"parameters\":" + validParameters()
                + ",\"ticketId\":\"4242\"}").bearer(AGENT), 202);

        assertThat(body.get("status").asText()).isEqualTo("QUEUED");
        Run run = function.bean(RunService.class).get(body.get("runId").asText());
        assertThat(run.toolId()).isEqualTo(toolId());
        assertThat(run.requestedBy()).isEqualTo("agent7");
        assertThat(run.ticketId()).isEqualTo("4242");
        assertThat(run.status()).isIn(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.FAILED);
    }

    @Test
    void withoutATokenNothingStarts() {
        APIGatewayV2HTTPResponse r = function.invoke(start("{\"customerId\":\"" + CUSTOMER + "\"}"));
        assertThat(r.getStatusCode()).isEqualTo(401);
    }

    @Test
    void parametersAreCheckedAgainstTheToolsSchemaAtTheEdge() {
        APIGatewayV2HTTPResponse r = function.invoke(start("{\"customerId\":\"" + CUSTOMER + "\",\"parameters\":"
                + invalidParameters() + "}").bearer(AGENT));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(422);
        assertThat(r.getBody()).contains(invalidParameterName());

        APIGatewayV2HTTPResponse typo = function.invoke(start("{\"customerId\":\"" + CUSTOMER + "\",\"parameters\":"
                + "{\"noSuchParameter\":1}}").bearer(AGENT));
        assertThat(typo.getStatusCode()).isEqualTo(422);
        assertThat(typo.getBody()).contains("noSuchParameter").contains("is not a parameter of this tool");
    }

    @Test
    void anUnknownCustomerIsNamedAsAnInvalidField() {
        APIGatewayV2HTTPResponse r = function.invoke(start("{\"customerId\":\"nobody\"}").bearer(AGENT));
        assertThat(r.getStatusCode()).isEqualTo(422);
        assertThat(r.getBody()).contains("nobody");
    }
}
