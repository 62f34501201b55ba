package com.bookmarked.cdt.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.core.testing.ApiGatewayEvents;
import com.bookmarked.cdt.core.testing.FunctionUnderTest;
import com.bookmarked.cdt.core.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API as Lambda runs it: the API Gateway v2 handler, invoked in-process, against an
 * embedded PostgreSQL. A 404 here usually means the annotation processors did not run (JDK 25
 * skips processors found only on the classpath) and no route was generated.
 */
class LambdaHandlerTest {

    static FunctionUnderTest function;

    @BeforeAll
    static void start() {
        function = FunctionUnderTest.start(Map.of());
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    @Test
    void healthAnswersWithoutAToken() {
        JsonNode body = function.json(ApiGatewayEvents.get("/api/health"), 200);
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("database").asText()).isEqualTo("UP");
        assertThat(body.get("version").asText()).isNotBlank().doesNotContain("@");
    }

    @Test
    void theCatalogueNeedsAToken() {
        APIGatewayV2HTTPResponse refused = function.invoke(ApiGatewayEvents.get("/api/tools"));
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(FunctionUnderTest.header(refused, "www-authenticate")).startsWith("Bearer");
        assertThat(FunctionUnderTest.header(refused, "content-type")).startsWith("application/problem+json");

        JsonNode ok = function.json(ApiGatewayEvents.get("/api/tools").bearer(TestTokens.token("agent1", "agent")), 200);
        assertThat(ok.get("items").isArray()).isTrue();
    }

    @Test
    void meNamesTheSignedInUser() {
        JsonNode me = function.json(ApiGatewayEvents.get("/api/me").bearer(TestTokens.token("eng1", "engineer")), 200);
        assertThat(me.get("username").asText()).isEqualTo("eng1");
    }
}
