package com.bookmarked.cdt.connector.oneroster.rest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerRecord;
import com.bookmarked.cdt.core.customer.CustomerRepository;
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
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OneRoster connector's function, REST side, as Lambda runs it: the API Gateway v2 handler
 * invoked in-process against an embedded PostgreSQL (customers, audit), testing customers whose
 * SIS is a OneRoster 1.1 or 1.2 API served by WireMock on 127.0.0.1, with secrets in files.
 */
class OneRosterRestLambdaTest {

    static final String ROUTE = "/api/connectors/oneroster-rest/test";
    static final String V11 = "/ims/oneroster/v1p1";
    static final String V12 = "/ims/oneroster/rostering/v1p2";
    static final String SECRET_11 = "oauth1-S3cret!value";
    static final String SECRET_12 = "oauth2-S3cret!value";
    static final String WRONG = "outdated-S3cret!value";
    static final String NOT_JSON = "plain-text-S3cret";
    static final List<String> SECRETS = List.of(SECRET_11, SECRET_12, WRONG, NOT_JSON);

    @TempDir
    static Path folder;
    static ApplicationContext context;
    static APIGatewayV2HTTPEventFunction handler;
    static FakeSis sis11;
    static FakeSis sis12;
    static ListAppender<ILoggingEvent> logs;
    static final List<String> bodies = new ArrayList<>();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);

        sis11 = FakeSis.start().requireOAuth1("district-key", SECRET_11);
        new RosterRecords(sis11.url() + V11, RestVersion.V1_1).fill(sis11, V11, 300);
        sis12 = FakeSis.start().requireOAuth2("/oauth/token", "cdt-client", SECRET_12,
                "https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly", 3600);
        new RosterRecords(sis12.url() + V12, RestVersion.V1_2).fill(sis12, V12, 1_200);

        Map<String, Object> props = new HashMap<>(TestDatabases.fresh().micronautProperties());
        props.putAll(TestTokens.authProperties());
        context = ApplicationContext.builder().properties(props).environments("function", "lambda")
                .eagerInitSingletons(true).start();
        handler = new APIGatewayV2HTTPEventFunction(context);

        String good11 = secret("good11.json", "{\"clientId\":\"district-key\",\"clientSecret\":\"" + SECRET_11 + "\"}");
        String good12 = secret("good12.json", "{\"clientId\":\"cdt-client\",\"clientSecret\":\"" + SECRET_12 + "\"}");
        String wrong = secret("wrong.json", "{\"clientId\":\"district-key\",\"clientSecret\":\"" + WRONG + "\"}");
        String notJson = secret("plain.txt", NOT_JSON);
        String noSecret = secret("half.json", "{\"clientId\":\"district-key\"}");

        save("rest12", sis12.url(), good12, Map.of("version", "1.2", "tokenUrl", sis12.url() + "/oauth/token"));
        save("rest11", sis11.url() + V11 + "/", good11, Map.of("pageSize", "100"));
        save("wrongsecret", sis11.url() + V11, wrong, Map.of());
        save("notjson", sis11.url() + V11, notJson, Map.of());
        save("half", sis11.url() + V11, noSecret, Map.of());
        save("missingfile", sis11.url() + V11, "file:" + folder.resolve("gone.json"), Map.of());
        // stored straight into the table, as settings saved before today's checks may be: the connector
        // must still name every problem itself
        storeUnchecked("badoptions", "ftp://sis.example.org", good11, Map.of("version", "2.0", "pageSize", "0", "colour", "blue"));
        save("down", "http://127.0.0.1:" + closedPort() + V11, good11, Map.of());
        save("csv", folder.resolve("export.zip").toString(), null, Map.of(), "oneroster-csv");
    }

    @AfterAll
    static void stop() {
        context.close();
        sis11.close();
        sis12.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    static String secret(String file, String content) throws Exception {
        Path path = folder.resolve(file);
        Files.writeString(path, content);
        return "file:" + path;
    }

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void save(String id, String location, String secretRef, Map<String, String> options) {
        save(id, location, secretRef, options, "oneroster-rest");
    }

    static void storeUnchecked(String id, String location, String secretRef, Map<String, String> options) {
        Instant now = Instant.now();
        context.getBean(CustomerRepository.class).save(new CustomerRecord(id, "District " + id, new CustomerSettings(
                new CustomerSettings.Sis("oneroster-rest", location, secretRef, options),
                new CustomerSettings.Ours("production", id),
                new CustomerSettings.SnapshotTtl(60, 10), null), now, now));
    }

    static void save(String id, String location, String secretRef, Map<String, String> options, String type) {
        context.getBean(CustomerService.class).save(id, "District " + id, new CustomerSettings(
                new CustomerSettings.Sis(type, location, secretRef, options),
                new CustomerSettings.Ours("production", id),
                new CustomerSettings.SnapshotTtl(60, 10)), "test");
    }

    static APIGatewayV2HTTPResponse post(String body, String token) {
        var event = ApiGatewayEvents.post(ROUTE, body);
        if (token != null) {
            event.bearer(token);
        }
        APIGatewayV2HTTPResponse r = handler.handleRequest(event.build(), new LambdaTestContext());
        bodies.add(r.getBody());
        return r;
    }

    static JsonNode test(String customerId) throws Exception {
        APIGatewayV2HTTPResponse r = post("{\"customerId\":\"" + customerId + "\"}", TestTokens.token("agent7", "agent"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    static List<String> checkNames(JsonNode body) {
        return body.get("checks").valueStream().map(c -> c.get("name").asText()).toList();
    }

    @Test
    void aOneRoster12ApiWithOAuth2PassesWithItsCounts() throws Exception {
        JsonNode body = test("rest12");

        assertThat(body.get("ok").asBoolean()).as(body.toString()).isTrue();
        assertThat(checkNames(body)).containsExactly("Customer settings", "Credentials", "Sign-in", "Roster data");
        assertThat(body.get("verdict").asText()).isEqualTo("Connected to the SIS's OneRoster 1.2 API at " + sis12.url() + V12
                + ": 1,201 users, 1 class, 1,201 enrollments, 3 orgs.");
        assertThat(body.get("checks").get(2).get("message").asText())
                .startsWith("The SIS's token endpoint gave CDT a token (scope \"https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly");
        assertThat(context.getBean(AuditLog.class).trailOf("customer:rest12")).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("connector.test");
            assertThat(e.actor()).isEqualTo("agent7");
            assertThat(e.details()).containsEntry("connector", "oneroster-rest").containsEntry("ok", true);
        });
    }

    @Test
    void aOneRoster11ApiWithSignedRequestsPasses() throws Exception {
        JsonNode body = test("rest11");

        assertThat(body.get("ok").asBoolean()).as(body.toString()).isTrue();
        assertThat(body.get("checks").get(0).get("message").asText()).isEqualTo("The customer's SIS is a OneRoster 1.1 API at "
                + sis11.url() + V11 + ", read with OAuth 1.0a signatures (HMAC-SHA256).");
        assertThat(body.get("checks").get(2).get("message").asText())
                .isEqualTo("The SIS accepted CDT's signed requests (OAuth 1.0a signatures (HMAC-SHA256) with client id district-key).");
        assertThat(body.get("verdict").asText()).isEqualTo("Connected to the SIS's OneRoster 1.1 API at " + sis11.url() + V11
                + ": 301 users, 1 class, 301 enrollments, 3 orgs.");
    }

    @Test
    void aWrongSecretFailsAtSignInInAnAgentsWords() throws Exception {
        JsonNode body = test("wrongsecret");

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).containsExactly("Customer settings", "Credentials", "Sign-in");
        assertThat(body.get("verdict").asText()).startsWith("The SIS refused the client secret (401): update the secret in settings");
        assertThat(context.getBean(AuditLog.class).trailOf("customer:wrongsecret")).anySatisfy(e ->
                assertThat(e.details()).containsEntry("ok", false).containsEntry("failedChecks", List.of("Sign-in")));
    }

    @Test
    void secretsThatCannotBeUsedFailAtCredentialsWithoutBeingQuoted() throws Exception {
        JsonNode plain = test("notjson");
        assertThat(checkNames(plain)).containsExactly("Customer settings", "Credentials");
        assertThat(plain.get("verdict").asText()).isEqualTo("The secret file:" + folder.resolve("plain.txt")
                + " is not a JSON document such as {\"clientId\": \"…\", \"clientSecret\": \"…\"}; engineers: store the"
                + " district's credentials that way.");

        assertThat(test("half").get("verdict").asText()).contains("has no \"clientSecret\"");
        assertThat(test("missingfile").get("verdict").asText()).contains("cannot be read on this server");
    }

    @Test
    void settingsProblemsAreAllNamedAtOnce() throws Exception {
        JsonNode body = test("badoptions");

        assertThat(checkNames(body)).containsExactly("Customer settings");
        assertThat(body.get("verdict").asText()).startsWith("The customer's OneRoster API settings cannot be used: ")
                .contains("options.colour is not a setting of this connector")
                .contains("the SIS location must be the https:// address of the district's OneRoster API")
                .contains("options.version must be 1.1 or 1.2")
                .contains("options.pageSize must be a whole number from 1 to 10000");
    }

    @Test
    void anUnreachableSisFailsAtSignIn() throws Exception {
        JsonNode body = test("down");

        assertThat(checkNames(body)).containsExactly("Customer settings", "Credentials", "Sign-in");
        assertThat(body.get("verdict").asText()).startsWith("CDT could not reach the SIS at http://127.0.0.1:")
                .endsWith("(connection refused): check the SIS location in settings.");
    }

    @Test
    void aCustomerOnAnotherSisIsToldSo() throws Exception {
        JsonNode body = test("csv");

        assertThat(checkNames(body)).containsExactly("Customer settings");
        assertThat(body.get("verdict").asText()).contains("oneroster-csv").contains("not a OneRoster API");
    }

    @Test
    void theProviderBeanReadsTheWholeRoster() {
        OneRosterRestSnapshotProvider provider = context.getBean(OneRosterRestSnapshotProvider.class);
        Customer customer = context.getBean(CustomerService.class).get("rest12");

        assertThat(provider.serves(customer, SnapshotSide.SIS)).isTrue();
        assertThat(provider.serves(customer, SnapshotSide.OURS)).isFalse();
        assertThat(provider.serves(context.getBean(CustomerService.class).get("csv"), SnapshotSide.SIS)).isFalse();
        RosterSnapshot snapshot = provider.fetch(customer, SnapshotSide.SIS, Progress.NONE);

        assertThat(snapshot.users()).hasSize(1_201);
        assertThat(snapshot.users().stream().filter(u -> u.birthDate() != null)).hasSize(1_200);
        assertThat(snapshot.enrollments()).hasSize(1_201);
        assertThat(snapshot.meta().customerId()).isEqualTo("rest12");
        assertThat(snapshot.meta().source()).isEqualTo("oneroster-rest");
    }

    @Test
    void theProviderFailsInAnAgentsWords() {
        OneRosterRestSnapshotProvider provider = context.getBean(OneRosterRestSnapshotProvider.class);
        CustomerService customers = context.getBean(CustomerService.class);

        assertThatThrownBy(() -> provider.fetch(customers.get("wrongsecret"), SnapshotSide.SIS, Progress.NONE))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.title()).isEqualTo("The SIS refused CDT's credentials");
                    assertThat(e.detail()).startsWith("The SIS refused the client secret (401): update the secret in settings");
                });
        assertThatThrownBy(() -> provider.fetch(customers.get("badoptions"), SnapshotSide.SIS, Progress.NONE))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void withoutATokenNothingIsTested() {
        APIGatewayV2HTTPResponse r = post("{\"customerId\":\"rest11\"}", null);
        assertThat(r.getStatusCode()).isEqualTo(401);
    }

    @Test
    void badInputIsA422NamingTheField() throws Exception {
        APIGatewayV2HTTPResponse missing = post("{}", TestTokens.token("agent7", "agent"));
        assertThat(missing.getStatusCode()).isEqualTo(422);
        assertThat(json.readTree(missing.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("customerId");
    }

    @Test
    void noSecretValueReachesAResponseTheAuditOrTheLog() throws Exception {
        for (String id : List.of("rest12", "rest11", "wrongsecret", "notjson", "half")) {
            test(id);
        }
        List<String> seen = new ArrayList<>(bodies);
        for (String id : List.of("rest12", "rest11", "wrongsecret", "notjson", "half")) {
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
