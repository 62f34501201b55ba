package com.bookmarked.cdt.connector.oneroster;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.demo.DemoDistrict;
import com.bookmarked.cdt.core.demo.DemoDistrictGenerator;
import com.bookmarked.cdt.core.demo.DemoDistrictWriter;
import com.bookmarked.cdt.core.demo.DemoSpec;
import com.bookmarked.cdt.core.store.AuditEvent;
import com.bookmarked.cdt.core.store.AuditLog;
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
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OneRoster connector's function as Lambda runs it: the API Gateway v2 handler invoked
 * in-process against an embedded PostgreSQL (customers, audit), testing real exports written by
 * the demo generator and broken copies of them.
 */
class OneRosterCsvLambdaTest {

    static final String ROUTE = "/api/connectors/oneroster-csv/test";

    @TempDir
    static Path folder;
    static ApplicationContext context;
    static APIGatewayV2HTTPEventFunction handler;
    static DemoDistrict district;
    static Path goodZip;
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> props = new HashMap<>(TestDatabases.fresh().micronautProperties());
        props.putAll(TestTokens.authProperties());
        context = ApplicationContext.builder().properties(props).environments("function", "lambda")
                .eagerInitSingletons(true).start();
        handler = new APIGatewayV2HTTPEventFunction(context);

        DemoSpec spec = new DemoSpec(300, 11);
        goodZip = new DemoDistrictWriter().write(spec, folder.resolve("demo")).zip();
        district = new DemoDistrictGenerator().generate(spec);
        Path withoutManifest = rewrite(goodZip, folder.resolve("no-manifest.zip"), Map.of("manifest.csv", ""));
        // one student row with a birth date that is not a date; the value is a stand-in for personal data
        Path badRow = rewrite(goodZip, folder.resolve("bad-row.zip"), Map.of("demographics.csv", "\nbroken-1,active,,PRIVATE-VALUE-42,female" + ",".repeat(11)));

        save("good", goodZip.toString(), "oneroster-csv");
        save("gone", folder.resolve("moved-away.zip").toString(), "oneroster-csv");
        save("nomanifest", withoutManifest.toString(), "oneroster-csv");
        save("badrow", badRow.toString(), "oneroster-csv");
        save("classlink", "https://launchpad.classlink.example/district", "classlink");
        save("sftp", "sftp://sftp.district.example/exports", "oneroster-csv");
        Path v12 = new DemoDistrictWriter().write(spec, folder.resolve("demo12"), DemoDistrictWriter.OneRosterVersion.V1_2).zip();
        save("v12", v12.toString(), "oneroster-csv");
        // the manifest says enrollments.csv is a delta: a run would take everything it leaves out for missing
        Path delta = replace(goodZip, folder.resolve("delta.zip"), "manifest.csv", "file.enrollments,bulk", "file.enrollments,delta");
        save("delta", delta.toString(), "oneroster-csv");
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static void save(String id, String location, String type) {
        context.getBean(CustomerService.class).save(id, "District " + id, new CustomerSettings(
                new CustomerSettings.Sis(type, location, null),
                new CustomerSettings.Ours("production", id),
                new CustomerSettings.SnapshotTtl(60, 10)), "test");
    }

    /** A copy of a zip where each named entry is dropped (empty text) or has text appended. */
    static Path rewrite(Path source, Path target, Map<String, String> changes) throws Exception {
        try (InputStream in = Files.newInputStream(source); ZipInputStream zin = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(target); ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                String change = changes.get(e.getName());
                if (change != null && change.isEmpty()) {
                    continue;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                zin.transferTo(content);
                if (change != null) {
                    String text = content.toString(StandardCharsets.UTF_8).stripTrailing() + change + "\n";
                    content.reset();
                    content.write(text.getBytes(StandardCharsets.UTF_8));
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                content.writeTo(zout);
                zout.closeEntry();
            }
        }
        return target;
    }

    /** A copy of a zip where one entry's text has one string replaced. */
    static Path replace(Path source, Path target, String entry, String from, String to) throws Exception {
        try (InputStream in = Files.newInputStream(source); ZipInputStream zin = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(target); ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                byte[] content = zin.readAllBytes();
                if (e.getName().equals(entry)) {
                    String text = new String(content, StandardCharsets.UTF_8);
                    assertThat(text).contains(from);
                    content = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(content);
                zout.closeEntry();
            }
        }
        return target;
    }

    static APIGatewayV2HTTPResponse post(String body, String token) {
        var event = ApiGatewayEvents.post(ROUTE, body);
        if (token != null) {
            event.bearer(token);
        }
        return handler.handleRequest(event.build(), new LambdaTestContext());
    }

    static JsonNode test(String customerId) throws Exception {
        APIGatewayV2HTTPResponse r = post("{\"customerId\":\"" + customerId + "\"}", TestTokens.token("agent7", "agent"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    static List<String> checkNames(JsonNode body) {
        return body.get("checks").valueStream().map(c -> c.get("name").asText()).toList();
    }

    static JsonNode lastCheck(JsonNode body) {
        return body.get("checks").get(body.get("checks").size() - 1);
    }

    @Test
    void withoutATokenNothingIsTested() {
        APIGatewayV2HTTPResponse r = post("{\"customerId\":\"good\"}", null);
        assertThat(r.getStatusCode()).isEqualTo(401);
        assertThat(r.getBody()).contains("Sign in");
    }

    @Test
    void theDemoExportPassesWithItsCounts() throws Exception {
        JsonNode body = test("good");

        assertThat(body.get("ok").asBoolean()).as(body.toString()).isTrue();
        assertThat(checkNames(body)).containsExactly("Customer settings", "OneRoster export", "Manifest", "Roster files");
        assertThat(body.get("checks").valueStream()).allMatch(c -> c.get("ok").asBoolean());
        String users = String.format(Locale.US, "%,d users", district.sis().users().size());
        String classes = String.format(Locale.US, "%,d classes", district.sis().classes().size());
        // the demo plants references the SIS export cannot resolve; the test names how many, and where the first is
        long unresolved = district.truth().ofCategory("UNRESOLVED_REFERENCE").stream()
                .filter(p -> p.rule().startsWith("sis.")).count();
        assertThat(unresolved).isPositive();
        assertThat(body.get("verdict").asText())
                .startsWith("Found the OneRoster 1.1 export at " + goodZip + ": " + users + ", " + classes + "; "
                        + OneRosterCsvConnectionCheck.count((int) unresolved, "other problem")
                        + " to pass on to the district (first: ")
                .contains("there is no class with this sourcedId in classes.csv");
        assertThat(district.sis().users().size()).isGreaterThan(300);

        List<AuditEvent> trail = context.getBean(AuditLog.class).trailOf("customer:good");
        assertThat(trail).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("connector.test");
            assertThat(e.actor()).isEqualTo("agent7");
            assertThat(e.details()).containsEntry("connector", "oneroster-csv").containsEntry("ok", true)
                    .containsEntry("verdict", body.get("verdict").asText());
        });
    }

    @Test
    void aMissingExportIsAFailedTestNotAnError() throws Exception {
        JsonNode body = test("gone");

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).containsExactly("Customer settings", "OneRoster export");
        assertThat(lastCheck(body).get("ok").asBoolean()).isFalse();
        assertThat(body.get("verdict").asText()).startsWith("There is no file or folder at " + folder.resolve("moved-away.zip"));
        assertThat(context.getBean(AuditLog.class).trailOf("customer:gone"))
                .anySatisfy(e -> assertThat(e.details()).containsEntry("ok", false)
                        .containsEntry("failedChecks", List.of("OneRoster export")));
    }

    @Test
    void aZipWithoutManifestFailsAtTheManifest() throws Exception {
        JsonNode body = test("nomanifest");

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).containsExactly("Customer settings", "OneRoster export", "Manifest");
        assertThat(body.get("verdict").asText()).contains("no manifest.csv");
    }

    @Test
    void skippedRowsAreNamedByPlaceNeverByValue() throws Exception {
        JsonNode body = test("badrow");

        assertThat(body.get("ok").asBoolean()).as(body.toString()).isTrue();
        String files = lastCheck(body).get("message").asText();
        assertThat(files).contains("; 1 row cannot be read and will be skipped (first: demographics.csv line ")
                .contains(", column birthDate: not a date (expected YYYY-MM-DD));").doesNotContain("PRIVATE-VALUE-42");
        assertThat(body.get("verdict").asText()).isEqualTo(files);
        assertThat(body.toString()).doesNotContain("PRIVATE-VALUE-42");
    }

    @Test
    void a1p2ExportPassesAndSaysItsVersion() throws Exception {
        JsonNode body = test("v12");
        assertThat(body.get("ok").asBoolean()).as(body.toString()).isTrue();
        assertThat(lastCheck(body).get("message").asText()).startsWith("Found the OneRoster 1.2 export at ");
        assertThat(body.get("checks").get(2).get("message").asText()).isEqualTo("manifest.csv says OneRoster 1.2.");
    }

    @Test
    void aDeltaExportFailsTheRosterFilesCheck() throws Exception {
        JsonNode body = test("delta");
        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).containsExactly("Customer settings", "OneRoster export", "Manifest", "Roster files");
        assertThat(body.get("verdict").asText()).startsWith("The export is a delta (only what changed, in enrollments.csv)");
    }

    @Test
    void aRemoteLocationIsForTheFtpConnector() throws Exception {
        JsonNode body = test("sftp");
        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).containsExactly("Customer settings");
        assertThat(body.get("verdict").asText()).contains("is a remote address").contains("FTP/SFTP connector");
    }

    @Test
    void aCustomerOnAnotherSisIsToldSo() throws Exception {
        JsonNode body = test("classlink");

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(checkNames(body)).containsExactly("Customer settings");
        assertThat(body.get("verdict").asText()).contains("classlink").contains("not OneRoster CSV");
    }

    @Test
    void badInputIsA422NamingTheField() throws Exception {
        APIGatewayV2HTTPResponse missing = post("{}", TestTokens.token("agent7", "agent"));
        assertThat(missing.getStatusCode()).isEqualTo(422);
        assertThat(json.readTree(missing.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("customerId");

        APIGatewayV2HTTPResponse unknown = post("{\"customerId\":\"nobody\"}", TestTokens.token("agent7", "agent"));
        assertThat(unknown.getStatusCode()).isEqualTo(422);
        assertThat(unknown.getBody()).contains("nobody");
        assertThat(context.getBean(AuditLog.class).trailOf("customer:nobody")).isEmpty();
    }
}
