package com.bookmarked.cdt.local;

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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway answers for the app's addresses, a mistyped one, an API path and a file that is not there. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppAddressesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalEnvironment environment;
    private ApplicationContext gateway;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        LocalOptions options = new LocalOptions();
        options.dataDir = dataDir;
        options.demoStudents = 100;
        options.demoSeed = 1;
        environment = LocalEnvironment.prepare(options, new PrintWriter(new StringWriter()));
        gateway = environment.startContext(Map.of("micronaut.server.port", 0, "micronaut.server.host", "127.0.0.1"));
        gateway.getBean(EmbeddedServer.class).start();
    }

    @AfterAll
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (environment != null) {
            environment.close();
        }
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + gateway.getBean(EmbeddedServer.class).getPort() + path);
        String token = gateway.getBean(DevTokens.class).issue("agent", List.of("agent")).token();
        return http.send(HttpRequest.newBuilder(uri).header("Accept", accept).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void everyScreenOpensTheApp() throws Exception {
        for (String path : new String[]{"/", "/tools", "/tools/missing-data", "/history", "/customers", "/customers/demo",
                "/runs/abc", "/runs/abc/compare/def"}) {
            HttpResponse<String> r = get(path, BROWSER);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("<div id=\"root\">");
        }
    }

    @Test
    void aMistypedAddressInTheBrowserOpensTheAppWhichSaysSoButApiCallsAndFilesGetAProblem() throws Exception {
        HttpResponse<String> typo = get("/custmers/demo", BROWSER);
        assertThat(typo.statusCode()).isEqualTo(404);
        assertThat(typo.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(typo.body()).contains("<div id=\"root\">");

        HttpResponse<String> api = get("/api/nothing", BROWSER);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("There is nothing at /api/nothing.");

        HttpResponse<String> file = get("/assets/gone.js", "*/*");
        assertThat(file.statusCode()).isEqualTo(404);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
