package com.bookmarked.cdt.connector.classlink;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.connector.oneroster.rest.FakeSis;
import com.bookmarked.cdt.connector.oneroster.rest.RestVersion;
import com.bookmarked.cdt.connector.oneroster.rest.RosterRecords;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.store.AuditLog;
import com.bookmarked.cdt.core.testing.ApiGatewayEvents;
import com.bookmarked.cdt.core.testing.LambdaTestContext;
import com.bookmarked.cdt.core.testing.TestDatabases;
import com.bookmarked.cdt.core.testing.TestTokens;
import com.bookmarked.cdt.core.tool.Progress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ClassLink connector's function as Lambda runs it: the API Gateway v2 handler in-process
 * against an embedded PostgreSQL, with a district's Roster Server (OneRoster 1.1, OAuth 1.0a
 * signatures checked by the fake) and ClassLink's OneRoster proxy (bearer token, applications
 * endpoints shaped as ClassLink's developer documentation shows them) served by WireMock on 127.0.0.1.
 */
class ClassLinkLambdaTest {

    static final String ROUTE = "/api/connectors/classlink/test";
    static final String V11 = "/ims/oneroster/v1p1";
    static final String APP = "MoYPlyQWmG0%3D";
    static final String OTHER_APP = "Qm9ndXNBcHA%3D";
    static final String ACCESS_TOKEN = "cl-access-T0ken-4711";
    static final String CLIENT_SECRET = "cl-client-S3cret-0815";
    static final String WRONG = "cl-stale-S3cret-9999";
    static final List<String> SECRETS = List.of(ACCESS_TOKEN, CLIENT_SECRET, WRONG);

    @TempDir
    static Path folder;
    static ApplicationContext context;
    static APIGatewayV2HTTPEventFunction handler;
    static FakeSis rosterServer;
    static FakeSis proxy;
    static ListAppender<ILoggingEvent> logs;
    static final List<String> bodies = new ArrayList<>();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);

        rosterServer = FakeSis.start().requireOAuth1("cl-key", CLIENT_SECRET);
        new RosterRecords(rosterServer.url() + V11, RestVersion.V1_1).fill(rosterServer, V11, 200);

        proxy = FakeSis.start().requireBearer(ACCESS_TOKEN);
        String appBase = "/" + APP.replace("%3D", "=") + V11; // the fake files pages under the decoded path
        new RosterRecords(proxy.url() + "/" + APP + V11, RestVersion.V1_1).fill(proxy, appBase, 150);
        proxy.wireMock().stubFor(WireMock.get(WireMock.urlPathEqualTo("/applications")).atPriority(1)
                .withHeader("Authorization", WireMock.equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(WireMock.okJson(RosterRecords.json(Map.of("status", 1, "applications", List.of(
                        application(1176, "Springfield USD", 2, APP), application(1180, "Shelbyville ISD", 7, OTHER_APP)))))));
        proxy.wireMock().stubFor(WireMock.get(WireMock.urlPathMatching("/applications/MoYPlyQWmG0(%3D|=)/server")).atPriority(1)
                .withHeader("Authorization", WireMock.equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(WireMock.okJson(RosterRecords.json(Map.of("status", 1, "message", "", "server", Map.of(
                        "client_id", "cl-key", "client_secret", CLIENT_SECRET, "endpoint_url", rosterServer.url()))))));
        proxy.wireMock().stubFor(WireMock.get(WireMock.urlPathMatching("/applications.*")).atPriority(2)
                .willReturn(WireMock.aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":0,\"error\":\"unauthorized\"}")));

        Map<String, Object> props = new HashMap<>(TestDatabases.fresh().micronautProperties());
        props.putAll(TestTokens.authProperties());
        context = ApplicationContext.builder().properties(props).environments("function", "lambda")
                .eagerInitSingletons(true).start();
        handler = new APIGatewayV2HTTPEventFunction(context);

        String direct = secret("direct.json", "{\"clientId\":\"cl-key\",\"clientSecret\":\"" + CLIENT_SECRET + "\"}");
        String stale = secret("stale.json", "{\"clientId\":\"cl-key\",\"clientSecret\":\"" + WRONG + "\"}");
        String token = secret("token.json", "{\"accessToken\":\"" + ACCESS_TOKEN + "\"}");
        String wrongToken = secret("wrong-token.json", "{\"accessToken\":\"" + WRONG + "\"}");

        save("direct", rosterServer.url(), direct, Map.of());
        save("stale", rosterServer.url(), stale, Map.of());
        save("proxy", proxy.url(), token, Map.of("access", "proxy", "tenantId", "2"));
        save("proxyapp", proxy.url(), token, Map.of("access", "proxy", "applicationId", APP, "pageSize", "40"));
        save("discover", proxy.url(), token, Map.of("access", "discover", "tenantId", "2"));
        save("unknowntenant", proxy.url(), token, Map.of("access", "proxy", "tenantId", "99"));
        save("badtoken", proxy.url(), wrongToken, Map.of("access", "proxy", "tenantId", "2"));
        save("badtokenapp", proxy.url(), wrongToken, Map.of("access", "proxy", "applicationId", APP));
        save("wrongshape", proxy.url(), direct, Map.of("access", "proxy", "tenantId", "2"));
        save("mixed", rosterServer.url(), direct, Map.of("tenantId", "2", "access", "sideways"));
    }

    @AfterAll
    static void stop() {
        context.close();
        rosterServer.close();
        proxy.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    static Map<String, Object> application(int id, String tenant, int tenantId, String app) {
        Map<String, Object> a = new HashMap<>();
        a.put("id", id);
        a.put("tenant_name", tenant);
        a.put("tenant_id", tenantId);
        a.put("application_id", 57);
        a.put("bearer", null);
        a.put("name", "CDT");
        a.put("oneroster_application_id", app);
        return a;
    }

    static String secret(String file, String content) throws Exception {
        Path path = folder.resolve(file);
        Files.writeString(path, content);
        return "file:" + path;
    }

    static void save(String id, String location, String secretRef, Map<String, String> options) {
        context.getBean(CustomerService.class).save(id, "District " + id, new CustomerSettings(
                new CustomerSettings.Sis("classlink", location, secretRef, options),
                new CustomerSettings.Ours("production", id),
                new CustomerSettings.SnapshotTtl(60, 10)), "test");
    }

    static JsonNode test(String customerId) throws Exception {
        var event = ApiGatewayEvents.post(ROUTE, "{\"customerId\":\"" + customerId + "\"}")
                .bearer(TestTokens.token("agent7", "agent"));
        APIGatewayV2HTTPResponse r = handler.handleRequest(event.build(), new LambdaTestContext());
        bodies.add(r.getBody());
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    static List<String> checkNames(JsonNode body) {
        return body.get("checks").valueStream().map(c -> c.get("name").asText()).toList();
    }

    @Test
    void aRosterServerWithSignedRequestsPasses() throws Exception {
        int refusedBefore = rosterServer.badSignatures();
        JsonNode body = test("direct");

        assertThat(body.get("ok").asBoolean()).as(body.toString()).isTrue();
        assertThat(checkNames(body)).containsExactly("Customer settings", "Credentials", "Sign-in", "Roster data");
        assertThat(body.get("verdict").asText()).isEqualTo("Connected to ClassLink's OneRoster 1.1 API at "
                + rosterServer.url() + V11 + ": 201 users, 1 class, 201 enrollments, 3 orgs.");
        assertThat(rosterServer.badSignatures()).isEqualTo(refusedBefore);
        assertThat(context.getBean(AuditLog.class).trailOf("customer:direct")).anySatisfy(e ->
                assertThat(e.details()).containsEntry("connector", "classlink").containsEntry("ok", true));
    }

    @Test
    void aWrongClientSecretIsRefusedInTheIssuesWords() throws Exception {
        JsonNode body = test("stale");

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).containsExactly("Customer settings", "Credentials", "Sign-in");
        assertThat(body.get("verdict").asText()).startsWith("ClassLink refused the client secret (401): update the secret in settings");
    }

    @Test
    void theProxyFindsTheDistrictByTenantAndReadsThroughIt() throws Exception {
        JsonNode body = test("proxy");

        assertThat(body.get("ok").asBoolean()).as(body.toString()).isTrue();
        assertThat(checkNames(body)).containsExactly("Customer settings", "Credentials", "Discovery", "Sign-in", "Roster data");
        assertThat(body.get("checks").get(2).get("message").asText()).isEqualTo("ClassLink lists Springfield USD (tenant 2)"
                + " among the districts that gave CDT access; its OneRoster application is " + APP + ".");
        assertThat(body.get("checks").get(3).get("message").asText()).isEqualTo("ClassLink accepted the access token.");
        assertThat(body.get("verdict").asText()).isEqualTo("Connected to ClassLink's OneRoster 1.1 API at " + proxy.url()
                + "/" + APP + V11 + ": 151 users, 1 class, 151 enrollments, 3 orgs.");
    }

    @Test
    void aKnownApplicationIdNeedsNoDiscovery() throws Exception {
        JsonNode body = test("proxyapp");

        assertThat(body.get("ok").asBoolean()).as(body.toString()).isTrue();
        assertThat(checkNames(body)).containsExactly("Customer settings", "Credentials", "Sign-in", "Roster data");
    }

    @Test
    void discoveryGivesTheDistrictsRosterServerWhichIsThenReadDirectly() throws Exception {
        int refusedBefore = rosterServer.badSignatures();
        JsonNode body = test("discover");

        assertThat(body.get("ok").asBoolean()).as(body.toString()).isTrue();
        assertThat(body.get("checks").get(2).get("message").asText()).isEqualTo("ClassLink lists Springfield USD (tenant 2)"
                + " and gave its Roster Server at " + rosterServer.url() + " with client id cl-key.");
        assertThat(body.get("verdict").asText()).startsWith("Connected to ClassLink's OneRoster 1.1 API at " + rosterServer.url() + V11);
        assertThat(rosterServer.badSignatures()).isEqualTo(refusedBefore);
    }

    @Test
    void aTenantThatGaveNoAccessIsNamedWithThoseThatDid() throws Exception {
        JsonNode body = test("unknowntenant");

        assertThat(checkNames(body)).containsExactly("Customer settings", "Credentials", "Discovery");
        assertThat(body.get("verdict").asText()).isEqualTo("ClassLink does not list tenant 99 among the 2 districts that"
                + " gave CDT access (found: Springfield USD (tenant 2), Shelbyville ISD (tenant 7)); ask the district to"
                + " approve CDT in ClassLink, or fix options.tenantId / options.applicationId in settings.");
    }

    @Test
    void aWrongAccessTokenIsRefusedAtDiscoveryOrSignIn() throws Exception {
        JsonNode discovery = test("badtoken");
        assertThat(checkNames(discovery)).containsExactly("Customer settings", "Credentials", "Discovery");
        assertThat(discovery.get("verdict").asText()).isEqualTo("ClassLink refused the access token (401): update the secret in settings.");

        JsonNode signIn = test("badtokenapp");
        assertThat(checkNames(signIn)).containsExactly("Customer settings", "Credentials", "Sign-in");
        assertThat(signIn.get("verdict").asText()).isEqualTo("ClassLink refused the access token (401): update the secret in settings.");
    }

    @Test
    void aSecretOfTheWrongShapeAndSettingsThatDoNotFitAreNamed() throws Exception {
        assertThat(test("wrongshape").get("verdict").asText()).contains("has no \"accessToken\"")
                .contains("{\"accessToken\": \"…\"}");
        JsonNode mixed = test("mixed");
        assertThat(checkNames(mixed)).containsExactly("Customer settings");
        assertThat(mixed.get("verdict").asText()).startsWith("The customer's ClassLink settings cannot be used: ")
                .contains("options.access must be one of direct, proxy, discover")
                .contains("options.applicationId and options.tenantId apply to access proxy or discover only");
    }

    @Test
    void theProviderBeanReadsTheRosterThroughTheProxy() {
        ClassLinkSnapshotProvider provider = context.getBean(ClassLinkSnapshotProvider.class);
        var customer = context.getBean(CustomerService.class).get("proxyapp");

        assertThat(provider.serves(customer, SnapshotSide.SIS)).isTrue();
        RosterSnapshot snapshot = provider.fetch(customer, SnapshotSide.SIS, Progress.NONE);

        assertThat(snapshot.users()).hasSize(151);
        assertThat(snapshot.enrollments()).hasSize(151);
        assertThat(snapshot.users().stream().filter(u -> u.birthDate() != null)).hasSize(150);
        assertThat(snapshot.meta().source()).isEqualTo("classlink");
    }

    @Test
    void theProviderFailsInAnAgentsWords() {
        ClassLinkSnapshotProvider provider = context.getBean(ClassLinkSnapshotProvider.class);

        assertThatThrownBy(() -> provider.fetch(context.getBean(CustomerService.class).get("stale"), SnapshotSide.SIS,
                Progress.NONE)).isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.title()).isEqualTo("ClassLink refused CDT's credentials");
                    assertThat(e.detail()).startsWith("ClassLink refused the client secret (401): update the secret in settings");
                });
    }

    @Test
    void noSecretValueReachesAResponseTheAuditOrTheLog() throws Exception {
        for (String id : List.of("direct", "stale", "proxy", "discover", "badtoken")) {
            test(id);
        }
        List<String> seen = new ArrayList<>(bodies);
        for (String id : List.of("direct", "stale", "proxy", "discover", "badtoken")) {
            context.getBean(AuditLog.class).trailOf("customer:" + id).forEach(e -> seen.add(e.details().toString()));
        }
        logs.list.forEach(e -> seen.add(e.getFormattedMessage() + " " + e.getMDCPropertyMap()));
        assertThat(seen).hasSizeGreaterThan(10);
        for (String text : seen) {
            for (String secret : SECRETS) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }
}
