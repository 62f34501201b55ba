package com.bookmarked.cdt.infra;

import java.util.List;

/**
 * One function module of the repository as the stack deploys it: which module's Lambda jar, what
 * kind of function, and the path ids it serves (a tool id, or the connector types it checks).
 *
 * @param module   folder under {@code functions/}, also the artifactId of its {@code -lambda.jar}
 * @param kind     what the function does, which decides its handlers, size and permissions
 * @param ids      tool id ({@code /api/tools/{id}/**}) or connector types ({@code /api/connectors/{type}/**})
 * @param access   which secrets the function may read besides CDT's own database secret
 * @param largeTmp whether it needs more than 512 MB of {@code /tmp} (then SnapStart is off: Lambda
 *                 does not snapshot functions with more ephemeral storage than that)
 */
public record CdtFunction(String module, Kind kind, List<String> ids, SecretAccess access, boolean largeTmp) {

    public enum Kind { ADMIN, TOOL, CONNECTOR }

    /** Secrets a connector holds (DESIGN.md: only a connector holds its source's credentials). */
    public enum SecretAccess {
        /** CDT's own database only. */
        NONE,
        /** Customers' SIS credentials, under the configured secret name prefix. */
        SIS,
        /** The passwords of our database instances. */
        OUR_DATABASE
    }

    public static final String HTTP_HANDLER = "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction";
    public static final String WORKER_HANDLER = "com.bookmarked.cdt.core.aws.RunWorkerHandler::handleRequest";
    public static final String SWEEP_HANDLER = "com.bookmarked.cdt.core.aws.StuckRunSweepHandler::handleRequest";

    /** Every function module but the local gateway (development only). */
    public static final List<CdtFunction> ALL = List.of(
            new CdtFunction("admin-api", Kind.ADMIN, List.of(), SecretAccess.NONE, false),
            tool("tool-missing-data", "missing-data"),
            tool("tool-student-mismatch", "student-mismatch"),
            tool("tool-parent-email-conflict", "parent-email-conflict"),
            tool("tool-campus-transfer", "campus-transfer"),
            new CdtFunction("connector-oneroster", Kind.CONNECTOR, List.of("oneroster-rest", "oneroster-csv"), SecretAccess.SIS, false),
            new CdtFunction("connector-classlink", Kind.CONNECTOR, List.of("classlink"), SecretAccess.SIS, false),
            // a district's export can be up to 2 GB (maxBytes) and is downloaded to /tmp
            new CdtFunction("connector-ftp", Kind.CONNECTOR, List.of("ftp"), SecretAccess.SIS, true),
            new CdtFunction("connector-bookmarked", Kind.CONNECTOR, List.of("bookmarked"), SecretAccess.OUR_DATABASE, false));

    private static CdtFunction tool(String module, String toolId) {
        return new CdtFunction(module, Kind.TOOL, List.of(toolId), SecretAccess.NONE, false);
    }

    /** A construct id: {@code tool-missing-data} → {@code ToolMissingData}. */
    public String constructId() {
        StringBuilder id = new StringBuilder();
        for (String part : module.split("-")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }

    public static CdtFunction admin() {
        return ALL.stream().filter(f -> f.kind() == Kind.ADMIN).findFirst().orElseThrow();
    }
}
