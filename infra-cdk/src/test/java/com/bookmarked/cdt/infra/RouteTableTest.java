package com.bookmarked.cdt.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.bookmarked.cdt.infra.SynthesizedStack.props;
import static com.bookmarked.cdt.infra.SynthesizedStack.refOf;
import static com.bookmarked.cdt.infra.SynthesizedStack.refsIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API's routes against the one table of path prefixes, RoutePrefixTest's (local
 * gateway): every prefix of a deployed function has exactly one route in the template, sent to
 * that function; the local gateway's own paths have none.
 */
class RouteTableTest {

    static final Path ROUTE_PREFIX_TEST = Path.of(System.getProperty("cdt.repo.root", ".."),
            "functions/local-gateway/src/test/java/com/bookmarked/cdt/local/RoutePrefixTest.java");

    /** Which function a package of RoutePrefixTest's table is deployed in. */
    static final Map<String, CdtFunction.Kind> PACKAGES = Map.of(
            "com.bookmarked.cdt.admin", CdtFunction.Kind.ADMIN,
            "com.bookmarked.cdt.core.http", CdtFunction.Kind.TOOL,
            "com.bookmarked.cdt.tool.missingdata", CdtFunction.Kind.TOOL,
            "com.bookmarked.cdt.core.connector", CdtFunction.Kind.CONNECTOR);
    static final String LOCAL_ONLY = "com.bookmarked.cdt.local";

    static Map<String, List<String>> table;
    static SynthesizedStack synth;
    /** Route key → module of the function it reaches (through integration, alias, function tag). */
    static Map<String, String> routes;
    static Map<String, String> authorization;

    @BeforeAll
    static void readBoth() throws IOException {
        table = prefixTable(Files.readString(ROUTE_PREFIX_TEST));
        synth = SynthesizedStack.get();
        routes = new LinkedHashMap<>();
        authorization = new LinkedHashMap<>();
        var integrations = synth.resources("AWS::ApiGatewayV2::Integration");
        var aliases = synth.resources("AWS::Lambda::Alias");
        var functions = synth.cdtFunctions();
        synth.resources("AWS::ApiGatewayV2::Route").forEach((id, r) -> {
            String key = (String) props(r).get("RouteKey");
            String integration = refsIn(props(r).get("Target")).getFirst();
            String alias = refOf(props(integrations.get(integration)).get("IntegrationUri"));
            String function = refOf(props(aliases.get(alias)).get("FunctionName"));
            assertThat(SynthesizedStack.tag(functions.get(function), "cdt:role")).as(key).isEqualTo("http");
            routes.put(key, SynthesizedStack.tag(functions.get(function), "cdt:module"));
            authorization.put(key, (String) props(r).get("AuthorizationType"));
        });
    }

    /** {@code "package", List.of("/a", "/b/**")} pairs of the PREFIXES map in RoutePrefixTest. */
    static Map<String, List<String>> prefixTable(String source) {
        int start = source.indexOf("PREFIXES = Map.of(");
        assertThat(start).as("RoutePrefixTest still has its PREFIXES table").isPositive();
        String body = source.substring(start, source.indexOf(");", start));
        Matcher entry = Pattern.compile("\"([a-z.]+)\",\\s*List\\.of\\(([^)]*)\\)").matcher(body);
        Map<String, List<String>> found = new LinkedHashMap<>();
        while (entry.find()) {
            List<String> prefixes = new ArrayList<>();
            Matcher path = Pattern.compile("\"([^\"]+)\"").matcher(entry.group(2));
            while (path.find()) {
                prefixes.add(path.group(1));
            }
            found.put(entry.group(1), prefixes);
        }
        return found;
    }

    @Test
    void theTableIsReadWhole() {
        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(PACKAGES.keySet().stream(), java.util.stream.Stream.of(LOCAL_ONLY)).toList());
        assertThat(table.get("com.bookmarked.cdt.admin")).contains("/api/health", "/api/runs/**");
    }

    @Test
    void everyPrefixOfADeployedFunctionHasExactlyOneRouteToThatFunction() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (var e : table.entrySet()) {
            if (e.getKey().equals(LOCAL_ONLY)) {
                continue;
            }
            CdtFunction.Kind kind = PACKAGES.get(e.getKey());
            for (String prefix : e.getValue()) {
                for (var expanded : expand(prefix, kind).entrySet()) {
                    String path = ApiRoutes.pathOf(expanded.getKey());
                    List<String> matching = routes.keySet().stream().filter(k -> k.endsWith(" " + path)).toList();
                    checked++;
                    if (matching.size() != 1) {
                        problems.add(expanded.getKey() + ": " + matching.size() + " routes " + matching);
                    } else if (!routes.get(matching.getFirst()).equals(expanded.getValue())) {
                        problems.add(expanded.getKey() + " goes to " + routes.get(matching.getFirst()) + ", not " + expanded.getValue());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        // 6 admin prefixes, 4 tools (generic prefix) + missing-data's own, 5 connector types
        assertThat(checked).isEqualTo(6 + 4 + 1 + 5);
    }

    @Test
    void everyRouteComesFromThePrefixTableOrIsTheCatchAllForTheRestOfTheApi() {
        List<String> expected = new ArrayList<>();
        table.forEach((pkg, prefixes) -> {
            if (!pkg.equals(LOCAL_ONLY)) {
                prefixes.forEach(p -> expand(p, PACKAGES.get(pkg)).keySet().forEach(x -> expected.add(ApiRoutes.pathOf(x))));
            }
        });
        expected.add(ApiRoutes.CATCH_ALL);
        assertThat(routes.keySet().stream().map(k -> k.substring(k.indexOf(' ') + 1)).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(expected.stream().distinct().toList());
        assertThat(routes.get("ANY " + ApiRoutes.CATCH_ALL)).isEqualTo("admin-api");
    }

    @Test
    void theLocalGatewaysOwnPathsAreNotRouted() {
        for (String prefix : table.get(LOCAL_ONLY)) {
            String path = ApiRoutes.pathOf(prefix);
            assertThat(routes.keySet()).as(prefix).noneMatch(k -> k.endsWith(" " + path));
        }
        assertThat(routes.keySet()).noneMatch(k -> k.contains("/api/dev"));
    }

    @Test
    void onlyHealthIsOpenEveryOtherRouteNeedsTheJwtAuthorizer() {
        assertThat(authorization).containsEntry("GET /api/health", "NONE");
        authorization.forEach((key, type) -> {
            if (!key.equals("GET /api/health")) {
                assertThat(type).as(key).isEqualTo("JWT");
            }
        });
        assertThat(authorization).hasSize(routes.size()).hasSizeGreaterThan(15);
    }

    /** A prefix with {@code {toolId}} or {@code {connector}} stands for one per tool or connector type. */
    static Map<String, String> expand(String prefix, CdtFunction.Kind kind) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher variable = Pattern.compile("\\{[a-zA-Z]+}").matcher(prefix);
        for (CdtFunction f : CdtFunction.ALL) {
            if (f.kind() != kind) {
                continue;
            }
            if (kind == CdtFunction.Kind.ADMIN) {
                out.put(prefix, f.module());
            } else if (variable.find(0)) {
                f.ids().forEach(id -> out.put(variable.replaceFirst(id), f.module()));
            } else {
                f.ids().stream().filter(id -> prefix.contains("/" + id + "/")).forEach(id -> out.put(prefix, f.module()));
            }
        }
        assertThat(out).as("functions for " + prefix).isNotEmpty();
        return out;
    }
}
