package com.bookmarked.cdt.connector.ftp;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.run.SnapshotProvider;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.store.AuditEvent;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file-server connector's function as Lambda runs it: the API Gateway v2 handler invoked
 * in-process against an embedded PostgreSQL (customers, audit), testing customers whose exports
 * sit on a real SFTP server on 127.0.0.1.
 */
class FileServerLambdaTest {

    static final String ROUTE = "/api/connectors/ftp/test";

    @TempDir
    static Path folder;
    static SftpTestServer sftp;
    static FunctionUnderTest function;
    static ApplicationContext context;
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        ExportFolders exports = new ExportFolders(Files.createDirectories(folder.resolve("server")), Files.createDirectories(folder.resolve("scratch")));
        sftp = new SftpTestServer(exports.root);
        function = FunctionUnderTest.start(Map.of("cdt.connectors.ftp.connect-timeout", "5s", "cdt.connectors.ftp.read-timeout", "5s"));
        context = function.context();

        String secret = ExportFolders.secret(folder, "district", ExportFolders.login(SftpTestServer.USER, SftpTestServer.PASSWORD));
        String location = "sftp://127.0.0.1:" + sftp.port() + "/exports";
        save("good", "oneroster-csv", location, secret, Map.of(FileServerSettings.HOST_KEY_FINGERPRINT, sftp.fingerprint()));
        save("nokey", "oneroster-csv", location, secret, Map.of());
        save("localfile", "oneroster-csv", folder.resolve("district.zip").toString(), null, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        function.close();
        sftp.close();
    }

    static void save(String id, String type, String location, String secretRef, Map<String, String> options) {
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
        return function.invoke(event);
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
    void withoutATokenNothingIsTested() {
        APIGatewayV2HTTPResponse r = post("{\"customerId\":\"good\"}", null);
        assertThat(r.getStatusCode()).isEqualTo(401);
    }

    @Test
    void aWorkingSftpDropNamesItsNewestExportAndIsAudited() throws Exception {
        JsonNode body = test("good");

        assertThat(body.get("ok").asBoolean()).as(body.toString()).isTrue();
        assertThat(checkNames(body)).containsExactly("Customer settings", "Credentials", "Connection", "Host key", "Login", "Folder", "Newest file");
        assertThat(body.get("verdict").asText()).startsWith("The newest export on the district's SFTP server is " + ExportFolders.NEWEST);
        assertThat(body.toString()).doesNotContain(SftpTestServer.PASSWORD).doesNotContain(SftpTestServer.USER);

        List<AuditEvent> trail = context.getBean(AuditLog.class).trailOf("customer:good");
        assertThat(trail).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("connector.test");
            assertThat(e.actor()).isEqualTo("agent7");
            assertThat(e.details()).containsEntry("connector", "ftp").containsEntry("ok", true)
                    .containsEntry("verdict", body.get("verdict").asText());
        });
    }

    @Test
    void aMissingFingerprintIsAFailedTestShowingTheServersKey() throws Exception {
        JsonNode body = test("nokey");

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).last().isEqualTo("Host key");
        assertThat(body.get("verdict").asText()).contains("The server presents " + sftp.fingerprint());
        assertThat(context.getBean(AuditLog.class).trailOf("customer:nokey"))
                .anySatisfy(e -> assertThat(e.details()).containsEntry("failedChecks", List.of("Host key")));
    }

    @Test
    void aLocalPathIsLeftToTheOneRosterCsvConnector() throws Exception {
        JsonNode body = test("localfile");

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).containsExactly("Customer settings");
        assertThat(body.get("verdict").asText()).contains("a file path, not a file server address");
    }

    @Test
    void theSnapshotProviderServesFileServerCustomersOnly() {
        FileServerSnapshotProvider provider = context.getBean(FileServerSnapshotProvider.class);
        CustomerService customers = context.getBean(CustomerService.class);

        assertThat(provider.serves(customers.find("good").orElseThrow(), SnapshotSide.SIS)).isTrue();
        assertThat(provider.serves(customers.find("good").orElseThrow(), SnapshotSide.OURS)).isFalse();
        assertThat(provider.serves(customers.find("localfile").orElseThrow(), SnapshotSide.SIS)).isFalse();
        // a run asks the first provider that serves; the local-file OneRoster provider must not come first
        List<SnapshotProvider> serving = context.getBean(RunExecutorProviders.class).providers().stream()
                .filter(p -> p.serves(customers.find("good").orElseThrow(), SnapshotSide.SIS)).toList();
        assertThat(serving).first().isSameAs(provider);
    }

    @Test
    void badInputIsA422NamingTheField() throws Exception {
        APIGatewayV2HTTPResponse missing = post("{}", TestTokens.token("agent7", "agent"));
        assertThat(missing.getStatusCode()).isEqualTo(422);
        assertThat(json.readTree(missing.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("customerId");
    }
}
