package com.bookmarked.cdt.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.core.testing.ApiGatewayEvents;
import com.bookmarked.cdt.core.testing.LambdaTestContext;
import com.bookmarked.cdt.core.testing.TestDatabases;
import com.bookmarked.cdt.core.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API as Lambda runs it: the API Gateway v2 handler, invoked in-process, against an
 * embedded PostgreSQL. A 404 here usually means the annotation processors did not run (JDK 25
 * skips processors found only on the classpath) and no route was generated.
 */
class LambdaHandlerTest {

    static ApplicationContext context;
    static APIGatewayV2HTTPEventFunction handler;
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        Map<String, Object> props = new HashMap<>(TestDatabases.fresh().micronautProperties());
        props.putAll(TestTokens.authProperties());
        // as in Lambda: the function environments and every singleton created at start
        context = ApplicationContext.builder().properties(props).environments("function", "lambda")
                .eagerInitSingletons(true).start();
        handler = new APIGatewayV2HTTPEventFunction(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new LambdaTestContext());
    }

    @Test
    void healthAnswersWithoutAToken() throws Exception {
        APIGatewayV2HTTPResponse r = invoke(ApiGatewayEvents.get("/api/health").build());
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        JsonNode body = json.readTree(r.getBody());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("database").asText()).isEqualTo("UP");
        assertThat(body.get("version").asText()).isNotBlank().doesNotContain("@");
    }

    @Test
    void theCatalogueNeedsAToken() throws Exception {
        APIGatewayV2HTTPResponse refused = invoke(ApiGatewayEvents.get("/api/tools").build());
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(header(refused, "www-authenticate")).startsWith("Bearer");
        assertThat(header(refused, "content-type")).startsWith("application/problem+json");

        APIGatewayV2HTTPResponse ok = invoke(ApiGatewayEvents.get("/api/tools").bearer(TestTokens.token("agent1", "agent")).build());
        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(200);
        assertThat(json.readTree(ok.getBody()).get("items").isArray()).isTrue();
    }

    @Test
    void meNamesTheSignedInUser() throws Exception {
        APIGatewayV2HTTPResponse r = invoke(ApiGatewayEvents.get("/api/me").bearer(TestTokens.token("eng1", "engineer")).build());
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(json.readTree(r.getBody()).get("username").asText()).isEqualTo("eng1");
    }

    static String header(APIGatewayV2HTTPResponse r, String name) {
        if (r.getHeaders() != null) {
            for (Map.Entry<String, String> e : r.getHeaders().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
        }
        if (r.getMultiValueHeaders() != null) {
            for (var e : r.getMultiValueHeaders().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
        }
        return null;
    }
}
