package com.bookmarked.cdt.core.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function as Lambda runs it, for tests: a Micronaut context in the {@code function} and
 * {@code lambda} environments with every singleton created at start, a fresh database on the
 * shared embedded PostgreSQL, the test token issuer, and Micronaut's API Gateway v2 handler
 * invoked in-process. One per test class.
 *
 * <pre>{@code
 * static FunctionUnderTest function = FunctionUnderTest.start(Map.of());
 * JsonNode body = function.json(ApiGatewayEvents.get("/api/tools").bearer(TestTokens.token("a", "agent")), 200);
 * }</pre>
 */
public final class FunctionUnderTest implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationContext context;
    private final APIGatewayV2HTTPEventFunction handler;

    private FunctionUnderTest(ApplicationContext context) {
        this.context = context;
        this.handler = new APIGatewayV2HTTPEventFunction(context);
    }

    /** Starts the function; {@code properties} add to (or override) the database and token settings. */
    public static FunctionUnderTest start(Map<String, Object> properties) {
        Map<String, Object> props = new HashMap<>(TestDatabases.fresh().micronautProperties());
        props.putAll(TestTokens.authProperties());
        props.putAll(properties);
        return new FunctionUnderTest(ApplicationContext.builder().properties(props)
                .environments("function", "lambda").eagerInitSingletons(true).start());
    }

    public ApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public APIGatewayV2HTTPResponse invoke(ApiGatewayEvents.Request request) {
        return handler.handleRequest(request.build(), new LambdaTestContext());
    }

    /** Invokes, checks the status (the body is shown when it differs) and parses the JSON body. */
    public JsonNode json(ApiGatewayEvents.Request request, int expectedStatus) {
        APIGatewayV2HTTPResponse response = invoke(request);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response header by name, any case, single- or multi-valued. */
    public static String header(APIGatewayV2HTTPResponse response, String name) {
        if (response.getHeaders() != null) {
            for (Map.Entry<String, String> e : response.getHeaders().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
        }
        if (response.getMultiValueHeaders() != null) {
            for (Map.Entry<String, List<String>> e : response.getMultiValueHeaders().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        context.close();
    }
}
