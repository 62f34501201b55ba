package com.bookmarked.cdt.local;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the local product keeps its data; shared by {@code serve} and {@code run}. */
final class LocalOptions {

    @Option(names = "--data-dir", defaultValue = ".cdt",
            description = "Folder for the embedded database, the demo district and local secrets (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-url", description = "Use this PostgreSQL instead of the embedded one "
            + "(JDBC URL; user and password from CDT_DB_USER and CDT_DB_PASSWORD).")
    String dbUrl;

    @Option(names = "--demo-students", defaultValue = "5000",
            description = "Size of the demo district loaded on first start (default: ${DEFAULT-VALUE}).")
    int demoStudents;

    @Option(names = "--demo-seed", defaultValue = "1", description = "Seed of the demo district (default: ${DEFAULT-VALUE}).")
    long demoSeed;
}
