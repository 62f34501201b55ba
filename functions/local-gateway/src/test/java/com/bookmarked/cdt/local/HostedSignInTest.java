package com.bookmarked.cdt.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code cdt serve} in OIDC mode ({@code cdt.web.auth.*}) against a real provider on 127.0.0.1:
 * {@code /config.json} names the provider, the API verifies the provider's tokens with the keys
 * from discovery's {@code jwks_uri} and nothing else, and the dev login does not exist. The
 * same gateway without those settings keeps the dev login.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostedSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private TestProvider provider;
    private LocalEnvironment environment;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        provider = new TestProvider();
        LocalOptions options = new LocalOptions();
        options.dataDir = dataDir;
        options.demoStudents = 100;
        options.demoSeed = 1;
        environment = LocalEnvironment.prepare(options, new PrintWriter(new StringWriter()));
    }

    @AfterAll
    void stop() throws IOException {
        if (environment != null) {
            environment.close();
        }
        provider.close();
    }

    private ApplicationContext gateway(Map<String, Object> signIn) {
        Map<String, Object> p = new HashMap<>(signIn);
        p.put("micronaut.server.port", 0);
        p.put("micronaut.server.host", "127.0.0.1");
        ApplicationContext context = environment.startContext(p);
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    private Map<String, Object> oidc() {
        return Map.of(HostedSignIn.ISSUER, provider.issuer(), HostedSignIn.CLIENT_ID, "cdt-web");
    }

    private HttpResponse<String> get(ApplicationContext gateway, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(gateway, path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> devLogin(ApplicationContext gateway) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(gateway, "/api/dev/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"admin\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ApplicationContext gateway, String path) {
        return URI.create("http://127.0.0.1:" + gateway.getBean(EmbeddedServer.class).getPort() + path);
    }

    @Test
    void oidcModeNamesTheProviderAndTrustsOnlyItsTokens() throws Exception {
        try (ApplicationContext gateway = gateway(oidc())) {
            HttpResponse<String> config = get(gateway, "/config.json", null);
            assertThat(config.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(config.body())).isEqualTo(JSON.readTree("{\"auth\":{\"mode\":\"oidc\",\"authority\":\""
                    + provider.issuer() + "\",\"clientId\":\"cdt-web\",\"scope\":\"openid profile offline_access\"}}"));

            // no dev login in this mode
            assertThat(devLogin(gateway).statusCode()).isEqualTo(404);

            // the provider's token, verified with the keys from its jwks_uri
            HttpResponse<String> me = get(gateway, "/api/me",
                    provider.token("ana", "cdt-web", List.of("agent"), c -> c.issuer(provider.issuer())));
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            JsonNode who = JSON.readTree(me.body());
            assertThat(who.get("username").asText()).isEqualTo("ana");
            assertThat(who.get("roles")).containsExactly(JSON.readTree("\"agent\""));
            assertThat(provider.calls).contains("/realm/.well-known/openid-configuration", "/realm/jwks");

            // refused: another key, another audience, another issuer, expired, a dev token
            String issuer = provider.issuer();
            assertThat(get(gateway, "/api/me", TestProvider.forged(issuer, "ana", "cdt-web", List.of("agent"))).statusCode())
                    .isEqualTo(401);
            assertThat(get(gateway, "/api/me", provider.token("ana", "other-app", List.of("agent"), c -> c.issuer(issuer)))
                    .statusCode()).isEqualTo(401);
            assertThat(get(gateway, "/api/me", provider.token("ana", "cdt-web", List.of("agent"),
                    c -> c.issuer("http://127.0.0.1:1/elsewhere"))).statusCode()).isEqualTo(401);
            HttpResponse<String> expired = get(gateway, "/api/me", provider.token("ana", "cdt-web", List.of("agent"),
                    c -> c.issuer(issuer).expirationTime(Date.from(Instant.now().minusSeconds(600)))));
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.body()).contains("expired");
            String devToken = gateway.getBean(DevTokens.class).issue("admin", List.of("admin")).token();
            assertThat(get(gateway, "/api/me", devToken).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theAudienceOptionIsWhatTheApiExpectsAndIsSentToTheApp() throws Exception {
        Map<String, Object> settings = new HashMap<>(oidc());
        settings.put(HostedSignIn.AUDIENCE, "cdt-api");
        settings.put(HostedSignIn.SCOPE, "openid profile");
        try (ApplicationContext gateway = gateway(settings)) {
            JsonNode auth = JSON.readTree(get(gateway, "/config.json", null).body()).get("auth");
            assertThat(auth.get("audience").asText()).isEqualTo("cdt-api");
            assertThat(auth.get("scope").asText()).isEqualTo("openid profile");
            String issuer = provider.issuer();
            assertThat(get(gateway, "/api/me", provider.token("ana", "cdt-api", List.of("agent"), c -> c.issuer(issuer)))
                    .statusCode()).isEqualTo(200);
            assertThat(get(gateway, "/api/me", provider.token("ana", "cdt-web", List.of("agent"), c -> c.issuer(issuer)))
                    .statusCode()).isEqualTo(401);
        }
    }

    @Test
    void withoutProviderSettingsTheGatewayKeepsTheDevLogin() throws Exception {
        try (ApplicationContext gateway = gateway(Map.of())) {
            assertThat(JSON.readTree(get(gateway, "/config.json", null).body()))
                    .isEqualTo(JSON.readTree("{\"auth\":{\"mode\":\"dev\"}}"));
            HttpResponse<String> login = devLogin(gateway);
            assertThat(login.statusCode()).isEqualTo(200);
            String token = JSON.readTree(login.body()).get("token").asText();
            assertThat(get(gateway, "/api/me", token).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aProviderThatIsNotWhatWasNamedStopsTheStartWithAClearMessage() {
        provider.declaredIssuer = "https://somewhere-else.example.com";
        try {
            assertThatThrownBy(() -> ProviderDiscovery.read(provider.issuer()))
                    .hasMessageContaining("calls itself \"https://somewhere-else.example.com\"");
        } finally {
            provider.declaredIssuer = provider.issuer();
        }
        assertThatThrownBy(() -> ProviderDiscovery.read("http://127.0.0.1:1/nobody"))
                .hasMessageContaining("could not be reached at http://127.0.0.1:1/nobody/.well-known/openid-configuration");
        assertThatThrownBy(() -> ProviderDiscovery.read("http://id.example.com/realm"))
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> ProviderDiscovery.read(provider.issuer() + "/wrong"))
                .hasMessageContaining("answered 404");
    }

    @Test
    void serveRefusesProviderOptionsWithoutTheIssuer(@TempDir Path dataDir) {
        StringWriter err = new StringWriter();
        int exit = Cdt.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("serve", "--oidc-client-id", "cdt-web", "--data-dir", dataDir.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("need --oidc-issuer");
    }
}
