package com.bookmarked.cdt.local;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route sits under the path prefix of the function that serves it, so that API Gateway
 * can send a prefix to one Lambda and no route is written twice. The tool-run and
 * connection-test routes live in shared-core and are served by every tool or connector function
 * under its own id.
 */
class RoutePrefixTest {

    /**
     * Package of a function → the paths it owns (DESIGN.md: one module, one prefix); {@code /**}
     * means the path and everything under it, otherwise the exact path.
     */
    private static final Map<String, List<String>> PREFIXES = Map.of(
            "com.bookmarked.cdt.admin", List.of("/api/health", "/api/me", "/api/tools", "/api/dashboard", "/api/customers/**",
                    "/api/runs/**"),
            "com.bookmarked.cdt.core.http", List.of("/api/tools/{toolId}/**"),
            "com.bookmarked.cdt.tool.missingdata", List.of("/api/tools/missing-data/**"),
            "com.bookmarked.cdt.core.connector", List.of("/api/connectors/{connector}/**"),
            "com.bookmarked.cdt.local", List.of("/api/dev/**", "/config.json", "/runs/**",
                    "/{screen:tools|history|customers}", "/{screen:tools|customers}/{id}"));

    private static boolean owns(String prefix, String route) {
        if (prefix.endsWith("/**")) {
            String base = prefix.substring(0, prefix.length() - 3);
            return route.equals(base) || route.startsWith(base + "/");
        }
        return route.equals(prefix);
    }

    @Test
    void everyRouteSitsUnderItsFunctionsPrefix() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.bookmarked.cdt");
        List<String> routes = new ArrayList<>();
        List<String> misplaced = new ArrayList<>();
        for (JavaClass controller : classes) {
            if (!controller.isAnnotatedWith(Controller.class)) {
                continue;
            }
            String base = controller.getAnnotationOfType(Controller.class).value();
            List<String> owned = PREFIXES.get(controller.getPackageName());
            for (JavaMethod method : controller.getMethods()) {
                String path = routeOf(method);
                if (path == null) {
                    continue;
                }
                String full = (base + "/" + path).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                routes.add(full);
                if (owned == null || owned.stream().noneMatch(p -> owns(p, full))) {
                    misplaced.add(controller.getSimpleName() + " " + full);
                }
            }
        }
        assertThat(routes).as("routes found (none means the scan is broken)").hasSizeGreaterThan(10);
        assertThat(misplaced).isEmpty();
    }

    private static String routeOf(JavaMethod method) {
        for (Class<? extends Annotation> verb : List.of(Get.class, Post.class, Put.class, Delete.class, Patch.class)) {
            if (method.isAnnotatedWith(verb)) {
                Annotation a = method.getAnnotationOfType(verb);
                String uri = switch (a) {
                    case Get g -> g.uri().equals("/") ? g.value() : g.uri();
                    case Post p -> p.uri().equals("/") ? p.value() : p.uri();
                    case Put p -> p.uri().equals("/") ? p.value() : p.uri();
                    case Delete d -> d.uri().equals("/") ? d.value() : d.uri();
                    case Patch p -> p.uri().equals("/") ? p.value() : p.uri();
                    default -> "/";
                };
                return uri;
            }
        }
        return null;
    }
}
