package com.bookmarked.cdt.connector.bookmarked;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.store.AuditLog;
import com.bookmarked.cdt.core.testing.ApiGatewayEvents;
import com.bookmarked.cdt.core.testing.FunctionUnderTest;
import com.bookmarked.cdt.core.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bookmarked connector's function as Lambda runs it: the API Gateway v2 handler invoked
 * in-process. CDT's own store and a copy of our database (reference schema, a SELECT-only role
 * that must give its password) are two databases on the test JVM's one PostgreSQL.
 */
class BookmarkedLambdaTest {

    static final String ROUTE = "/api/connectors/bookmarked/test";
    static final int STUDENTS = 1_234;

    @TempDir
    static Path folder;
    static OursDatabase ours;
    static FunctionUnderTest function;
    static ApplicationContext context;
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        ours = OursDatabase.create("""
                insert into customers values ('demo', 'Demo USD', '2026-11-15T06:00:00Z'), ('other', 'Other', null);
                insert into campuses values ('c1', 'demo', 'North Elementary', 'org-1');
                insert into students (student_key, customer_key, campus_key, sis_id, given_name, family_name, grade)
                  select 's' || n, 'demo', 'c1', 'sis-' || n, 'Given' || n, 'Family' || n, '04'
                  from generate_series(1, %d) n;
                insert into students (student_key, customer_key, sis_id) values ('x1', 'other', 'sis-x1');
                """.formatted(STUDENTS));
        Path goodSecret = Files.writeString(folder.resolve("reader.password"), ours.readerPassword + "\n");
        Path staleSecret = Files.writeString(folder.resolve("stale.password"), "stale-" + ours.readerPassword);
        Path renamedColumn = Files.writeString(folder.resolve("renamed-column.yaml"),
                new String(Mapping.class.getResourceAsStream("/bookmarked/default-mapping.yaml").readAllBytes())
                        .replace("birth_date, email, active", "date_of_birth as birth_date, email, active"));

        // a non-superuser that was also given INSERT on one table: it could change data
        String writer = ours.reader.replace("reader_", "writer_");
        try (Connection c = ours.connectAsAdmin(); Statement s = c.createStatement()) {
            s.execute("create role " + writer + " login password '" + ours.readerPassword + "'");
            s.execute("grant select on all tables in schema public to " + writer);
            s.execute("grant insert on guardian_links to " + writer);
        }

        Map<String, Object> props = new HashMap<>();
        props.put("cdt.ours.instances", List.of("production", "rotated", "owner", "writer", "drifted", "nowhere"));
        instance(props, "production", ours.reader, "file:" + goodSecret, null);
        instance(props, "rotated", ours.reader, "file:" + staleSecret, null);
        instance(props, "owner", ours.admin.user(), null, null);
        instance(props, "writer", writer, "file:" + goodSecret, null);
        instance(props, "drifted", ours.reader, "file:" + goodSecret, renamedColumn.toString());
        function = FunctionUnderTest.start(props);
        context = function.context();

        customer("demo", "production", "demo");
        customer("typo", "production", "no-such-district");
        customer("rotated", "rotated", "demo");
        customer("owner", "owner", "demo");
        customer("writer", "writer", "demo");
        customer("drifted", "drifted", "demo");
        customer("nowhere", "nowhere", "demo");
    }

    static void instance(Map<String, Object> props, String name, String user, String passwordRef, String mapping) {
        String prefix = "cdt.bookmarked.instances." + name + ".";
        props.put(prefix + "url", ours.url);
        props.put(prefix + "user", user);
        if (passwordRef != null) {
            props.put(prefix + "password-ref", passwordRef);
        }
        if (mapping != null) {
            props.put(prefix + "mapping", mapping);
        }
    }

    static void customer(String id, String instance, String key) {
        context.getBean(CustomerService.class).save(id, "District " + id, new CustomerSettings(
                new CustomerSettings.Sis("oneroster-csv", "/exports/" + id + ".zip", null),
                new CustomerSettings.Ours(instance, key),
                new CustomerSettings.SnapshotTtl(60, 10)), "test");
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    static APIGatewayV2HTTPResponse post(String body, String token) {
        var event = ApiGatewayEvents.post(ROUTE, body);
        if (token != null) {
            event.bearer(token);
        }
        return function.invoke(event);
    }

    static JsonNode test(String customerId) throws Exception {
        APIGatewayV2HTTPResponse r = post("{\"customerId\":\"" + customerId + "\"}", TestTokens.token("eng3", "engineer"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getBody()).doesNotContain(ours.readerPassword);
        return json.readTree(r.getBody());
    }

    static List<String> checkNames(JsonNode body) {
        return body.get("checks").valueStream().map(c -> c.get("name").asText()).toList();
    }

    @Test
    void withoutATokenNothingIsTested() {
        APIGatewayV2HTTPResponse r = post("{\"customerId\":\"demo\"}", null);
        assertThat(r.getStatusCode()).isEqualTo(401);
    }

    @Test
    void aConnectorThisFunctionDoesNotHaveIsNotFound() {
        var event = ApiGatewayEvents.post("/api/connectors/ftp/test", "{\"customerId\":\"demo\"}");
        event.bearer(TestTokens.token("eng3", "engineer"));
        APIGatewayV2HTTPResponse r = function.invoke(event);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(404);
        assertThat(r.getBody()).contains("There is no connector named 'ftp' here.");
    }

    @Test
    void aSelectOnlyLoginWithTheRightPasswordFindsTheCustomer() throws Exception {
        JsonNode body = test("demo");

        assertThat(body.get("ok").asBoolean()).as(body.toString()).isTrue();
        assertThat(checkNames(body)).containsExactly("Customer settings", "Database instance", "Password", "Connection",
                "Read-only login", "Mapping", "Customer key");
        assertThat(body.get("checks").valueStream()).allMatch(c -> c.get("ok").asBoolean());
        assertThat(body.get("verdict").asText())
                .isEqualTo("Connected read-only to the production database; customer key 'demo' found with 1,234 students.");
        assertThat(body.get("checks").get(3).get("message").asText()).contains("'" + ours.reader + "'");
        assertThat(body.get("checks").get(5).get("message").asText()).isEqualTo(
                "All 9 queries of the default mapping run on the production database.");
        assertThat(context.getBean(AuditLog.class).trailOf("customer:demo")).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("connector.test");
            assertThat(e.actor()).isEqualTo("eng3");
            assertThat(e.details()).containsEntry("connector", "bookmarked").containsEntry("ok", true)
                    .containsEntry("verdict", body.get("verdict").asText());
        });
    }

    @Test
    void aWrongPasswordNamesTheSecretToUpdate() throws Exception {
        JsonNode body = test("rotated");

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).containsExactly("Customer settings", "Database instance", "Password", "Connection");
        assertThat(body.get("verdict").asText()).isEqualTo("The rotated database refused the password (28P01): "
                + "update the secret referenced by cdt.bookmarked.instances.rotated.password-ref.");
        assertThat(body.toString()).doesNotContain("stale-");
        assertThat(context.getBean(AuditLog.class).trailOf("customer:rotated"))
                .anySatisfy(e -> assertThat(e.details()).containsEntry("ok", false)
                        .containsEntry("failedChecks", List.of("Connection")));
    }

    @Test
    void anUnknownCustomerKeyIsAFailedTest() throws Exception {
        JsonNode body = test("typo");

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).last().isEqualTo("Customer key");
        assertThat(body.get("verdict").asText())
                .startsWith("Customer key 'no-such-district' does not exist in the production database.");
    }

    @Test
    void aLoginThatCouldWriteIsRefused() throws Exception {
        JsonNode body = test("owner");

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).last().isEqualTo("Read-only login");
        assertThat(body.get("verdict").asText()).contains("'" + ours.admin.user() + "' can change data")
                .contains("superuser").contains("cdt.bookmarked.instances.owner.user");
    }

    @Test
    void aLoginWithAWriteGrantIsRefusedToo() throws Exception {
        JsonNode body = test("writer");

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).last().isEqualTo("Read-only login");
        assertThat(body.get("verdict").asText()).contains("can change data")
                .contains("it may insert, update or delete in some tables");
    }

    @Test
    void aMappingThatNoLongerFitsTheSchemaIsNamed() throws Exception {
        JsonNode body = test("drifted");

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).last().isEqualTo("Mapping");
        assertThat(body.get("verdict").asText())
                .startsWith("The 'students' query of the mapping file " + folder.resolve("renamed-column.yaml")
                        + " fails on the drifted database (42703: column \"date_of_birth\" does not exist).");
    }

    @Test
    void anInstanceThisFunctionDoesNotKnowIsNamed() throws Exception {
        JsonNode body = test("nowhere");

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).containsExactly("Customer settings", "Database instance");
        assertThat(body.get("verdict").asText()).contains("cdt.bookmarked.instances.nowhere.url");
    }

    @Test
    void aMissingCustomerIdIsA422() throws Exception {
        APIGatewayV2HTTPResponse r = post("{}", TestTokens.token("eng3", "engineer"));
        assertThat(r.getStatusCode()).isEqualTo(422);
        assertThat(json.readTree(r.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("customerId");
    }
}
