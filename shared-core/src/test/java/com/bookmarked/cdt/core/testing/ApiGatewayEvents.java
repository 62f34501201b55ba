package com.bookmarked.cdt.core.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds API Gateway HTTP API (payload 2.0) events, as the Lambda handler receives them.
 *
 * <pre>{@code
 * APIGatewayV2HTTPEvent e = ApiGatewayEvents.get("/api/runs").query("limit", "5").bearer(token).build();
 * APIGatewayV2HTTPResponse r = new APIGatewayV2HTTPEventFunction(ctx).handleRequest(e, new LambdaTestContext());
 * }</pre>
 */
public final class ApiGatewayEvents {

    private ApiGatewayEvents() {
    }

    public static Request get(String path) {
        return new Request("GET", path);
    }

    public static Request post(String path, String jsonBody) {
        return new Request("POST", path).json(jsonBody);
    }

    public static Request put(String path, String jsonBody) {
        return new Request("PUT", path).json(jsonBody);
    }

    public static Request request(String method, String path) {
        return new Request(method, path);
    }

    /** One event being assembled. Header names are lower-cased, as API Gateway sends them. */
    public static final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private String body;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("host", "cdt.test");
            headers.put("user-agent", "cdt-tests");
        }

        public Request header(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        public Request bearer(String token) {
            return header("authorization", "Bearer " + token);
        }

        public Request accept(String mediaType) {
            return header("accept", mediaType);
        }

        public Request query(String name, String value) {
            query.put(name, value);
            return this;
        }

        public Request json(String json) {
            body = json;
            return header("content-type", "application/json");
        }

        public APIGatewayV2HTTPEvent build() {
            String rawQuery = query.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withRouteKey("$default")
                    .withStage("$default")
                    .withAccountId("000000000000")
                    .withApiId("cdt-test")
                    .withDomainName("cdt.test")
                    .withRequestId(UUID.randomUUID().toString())
                    .withTimeEpoch(Instant.now().toEpochMilli())
                    .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                            .withMethod(method)
                            .withPath(path)
                            .withProtocol("HTTP/1.1")
                            .withSourceIp("127.0.0.1")
                            .withUserAgent("cdt-tests")
                            .build())
                    .build();
            return APIGatewayV2HTTPEvent.builder()
                    .withVersion("2.0")
                    .withRouteKey("$default")
                    .withRawPath(path)
                    .withRawQueryString(rawQuery)
                    .withHeaders(new LinkedHashMap<>(headers))
                    .withQueryStringParameters(query.isEmpty() ? null : new LinkedHashMap<>(query))
                    .withBody(body)
                    .withIsBase64Encoded(false)
                    .withRequestContext(context)
                    .build();
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
