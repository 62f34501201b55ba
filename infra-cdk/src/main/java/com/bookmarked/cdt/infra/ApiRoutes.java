package com.bookmarked.cdt.infra;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP API's route table, derived from the function catalogue and the path prefixes each
 * function owns (functions/local-gateway's RoutePrefixTest; {@code RouteTableTest} keeps the two
 * in step). A prefix {@code /x/**} becomes {@code /x/{proxy+}}; the bare {@code /x} (a list, say)
 * falls to the catch-all {@code /api/{proxy+}}, which is the admin function's: "the rest of /api".
 */
public final class ApiRoutes {

    /** Exact paths and {@code /**} prefixes of the admin function, as in RoutePrefixTest. */
    static final List<String> ADMIN_PREFIXES = List.of("/api/health", "/api/me", "/api/tools", "/api/dashboard",
            "/api/customers/**", "/api/runs/**");

    public static final String HEALTH = "/api/health";
    public static final String CATCH_ALL = "/api/{proxy+}";

    /** One route: {@code method path} → the function's HTTP handler; {@code open} routes skip the authorizer. */
    public record Route(String method, String path, CdtFunction function, boolean open) {
        public String key() {
            return method + " " + path;
        }
    }

    private ApiRoutes() {
    }

    public static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        CdtFunction admin = CdtFunction.admin();
        for (String prefix : ADMIN_PREFIXES) {
            boolean health = prefix.equals(HEALTH);
            routes.add(new Route(health ? "GET" : "ANY", pathOf(prefix), admin, health));
        }
        for (CdtFunction f : CdtFunction.ALL) {
            String base = switch (f.kind()) {
                case TOOL -> "/api/tools/";
                case CONNECTOR -> "/api/connectors/";
                case ADMIN -> null;
            };
            if (base != null) {
                for (String id : f.ids()) {
                    routes.add(new Route("ANY", pathOf(base + id + "/**"), f, false));
                }
            }
        }
        routes.add(new Route("ANY", CATCH_ALL, admin, false));
        return List.copyOf(routes);
    }

    /** {@code /x/**} → {@code /x/{proxy+}}; an exact path stays as it is. */
    public static String pathOf(String prefix) {
        return prefix.endsWith("/**") ? prefix.substring(0, prefix.length() - 3) + "/{proxy+}" : prefix;
    }
}
