package com.bookmarked.cdt.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CloudFront Function run for real (Node, which the CDK needs here anyway): the app's
 * screens become index.html, files and the API stay as they are.
 */
class ClientRoutesFunctionTest {

    @Test
    void screensAreRewrittenToIndexHtmlAndNothingElse() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String screen : new String[]{"/tools", "/history", "/customers", "/tools/missing-data", "/customers/demo",
                "/runs/0b4e7c2a-1d", "/runs/r1/compare/r2", "/tools/", "/history/"}) {
            expected.put(screen, "/index.html");
        }
        for (String file : new String[]{"/", "/index.html", "/config.json", "/assets/index-3f2a.js", "/favicon.svg",
                "/api/tools", "/api/runs/r1", "/tools/a/b", "/runs", "/historyx", "/customers/demo/settings"}) {
            expected.put(file, file);
        }
        StringBuilder script = new StringBuilder(WebApp.clientRoutesCode()).append("\nvar uris = [");
        expected.keySet().forEach(uri -> script.append('"').append(uri).append("\","));
        script.append("];\nuris.forEach(function (u) { console.log(u + ' ' + handler({request: {uri: u}}).uri); });\n");

        Process node = new ProcessBuilder("node", "-e", script.toString()).redirectErrorStream(true).start();
        assertThat(node.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(out).isZero();
        Map<String, String> actual = new LinkedHashMap<>();
        out.lines().map(l -> l.split(" ")).forEach(p -> actual.put(p[0], p[1]));
        assertThat(actual).isEqualTo(expected);
    }
}
