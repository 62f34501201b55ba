package com.bookmarked.cdt.core.http;

import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.run.RunService;
import com.bookmarked.cdt.core.run.ScriptedTool;
import com.bookmarked.cdt.core.testing.TestDatabases;
import com.bookmarked.cdt.core.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter, the error handlers and the tool run route over real HTTP on 127.0.0.1. */
class HttpTest {

    static EmbeddedServer server;
    static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper json = new ObjectMapper();
    static final String AGENT = TestTokens.token("agent1", "agent");

    @BeforeAll
    static void start() {
        Map<String, Object> props = new HashMap<>(TestDatabases.fresh().micronautProperties());
        props.putAll(TestTokens.authProperties());
        props.put("cdt.auth.public-paths", "/api/dev/login");
        props.put("cdt.test.http-controllers", "true");
        props.put("cdt.test.scripted-tool", "true");
        props.put("micronaut.server.host", "127.0.0.1");
        props.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, props);
        server.getApplicationContext().getBean(CustomerService.class).save("lincoln", "Lincoln Unified",
                new CustomerSettings(new CustomerSettings.Sis("oneroster-csv", "/data/l.zip", null),
                        new CustomerSettings.Ours("production", "lincoln"), new CustomerSettings.SnapshotTtl(60, 60)),
                "admin1");
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
    }

    static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
        return body;
    }

    @Test
    void healthAndPublicPathsNeedNoToken() throws Exception {
        assertThat(get("/api/health", null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/dev/login", null, "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void missingOrBadTokensGet401WithABearerChallenge() throws Exception {
        HttpResponse<String> none = get("/api/test/me", null);
        assertThat(problem(none, 401).get("detail").asText()).contains("no sign-in token");
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");

        HttpResponse<String> expired = get("/api/test/me", TestTokens.builder().expiresIn(Duration.ofMinutes(-5)).build());
        assertThat(problem(expired, 401).get("detail").asText()).contains("expired");
        assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        problem(get("/api/test/me", TestTokens.builder().buildUnsigned()), 401);
        problem(get("/api/test/me", TestTokens.builder().buildHs256WithPublicKey()), 401);
        problem(get("/api/test/me", TestTokens.builder().signedWith(TestTokens.otherKey()).build()), 401);
        problem(get("/api/test/me", TestTokens.builder().issuer("https://evil.example").build()), 401);
        problem(get("/api/test/me", TestTokens.builder().audience("other").build()), 401);
        // an unknown path is not revealed to someone without a token
        problem(get("/api/no-such-thing", null), 401);
    }

    @Test
    void controllersGetTheSignedInUser() throws Exception {
        HttpResponse<String> me = get("/api/test/me", AGENT);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(me.body());
        assertThat(body.get("username").asText()).isEqualTo("agent1");
        assertThat(body.get("roles").toString()).isEqualTo("[\"agent\"]");
    }

    @Test
    void rolesAreCheckedFromTheRoute() throws Exception {
        assertThat(problem(get("/api/test/admin", AGENT), 403).get("detail").asText()).contains("admin");
        HttpResponse<String> ok = get("/api/test/admin", TestTokens.token("boss", "agent", "admin"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("boss");

        assertThat(problem(get("/api/test/admin-area", AGENT), 403).get("detail").asText()).contains("admin or engineer");
        assertThat(get("/api/test/admin-area", TestTokens.token("eng", "engineer")).body()).isEqualTo("inside");
    }

    @Test
    void aValidTokenWithoutAnyCdtRoleOpensNothing() throws Exception {
        problem(get("/api/test/me", TestTokens.token("visitor")), 403);
        problem(get("/api/test/me", TestTokens.token("student", "student")), 403);
    }

    @Test
    void errorsAreProblemDocuments() throws Exception {
        JsonNode conflict = problem(get("/api/test/user-error", AGENT), 409);
        assertThat(conflict.get("title").asText()).isEqualTo("Already running");
        assertThat(conflict.get("detail").asText()).isEqualTo("A run for this customer is already running.");
        assertThat(conflict.get("instance").asText()).isEqualTo("/api/test/user-error");

        JsonNode invalid = problem(get("/api/test/invalid", AGENT), 422);
        assertThat(invalid.get("errors").toString()).isEqualTo(
                "[{\"field\":\"settings.sis.type\",\"message\":\"must be one of a, b\"},{\"field\":\"name\",\"message\":\"is required\"}]");

        problem(get("/api/test/missing", AGENT), 404);
        problem(get("/api/nothing-here", AGENT), 404);
        problem(send("DELETE", "/api/test/me", AGENT, null), 405);
        problem(get("/api/test/count?n=abc", AGENT), 400);
        problem(send("POST", "/api/test/echo", AGENT, "{not json"), 400);
    }

    @Test
    void internalErrorsHideTheirDetail() throws Exception {
        HttpResponse<String> crash = get("/api/test/crash", AGENT);
        JsonNode body = problem(crash, 500);
        assertThat(crash.body()).doesNotContain("hunter2").doesNotContain("jdbc").doesNotContain("IllegalState");
        assertThat(body.get("detail").asText()).contains("reference");
    }

    @Test
    void startingARunAnswers202WithWhereToPoll() throws Exception {
        HttpResponse<String> started = send("POST", "/api/tools/" + ScriptedTool.ID + "/runs", AGENT,
                "{\"customerId\":\"lincoln\",\"parameters\":{\"count\":2},\"ticketId\":\"4711\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode body = json.readTree(started.body());
        String runId = body.get("runId").asText();
        assertThat(body.get("status").asText()).isEqualTo("QUEUED");
        assertThat(started.headers().firstValue("Location")).contains("/api/runs/" + runId);
        assertThat(server.getApplicationContext().getBean(RunService.class).get(runId).requestedBy()).isEqualTo("agent1");

        JsonNode invalid = problem(send("POST", "/api/tools/" + ScriptedTool.ID + "/runs", AGENT,
                "{\"customerId\":\"lincoln\",\"parameters\":{\"mode\":\"fast\"}}"), 422);
        assertThat(invalid.get("errors").get(0).get("field").asText()).isEqualTo("parameters.mode");

        problem(send("POST", "/api/tools/no-such-tool/runs", AGENT, "{\"customerId\":\"lincoln\"}"), 404);
        problem(send("POST", "/api/tools/" + ScriptedTool.ID + "/runs", null, "{\"customerId\":\"lincoln\"}"), 401);
    }
}
