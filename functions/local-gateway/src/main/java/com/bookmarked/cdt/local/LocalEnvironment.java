package com.bookmarked.cdt.local;

import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.demo.DemoDistrictWriter;
import com.bookmarked.cdt.core.demo.DemoSpec;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the local product needs before Micronaut starts: the database, the read-only role,
 * the demo district (generated and loaded on first start), the development sign-in key, and the
 * configuration that ties them together. {@code serve} and {@code run} share it.
 */
final class LocalEnvironment implements AutoCloseable {

    static final String DEMO_CUSTOMER = "demo";
    static final String LOCAL_INSTANCE = "production";

    private final LocalOptions options;
    private final LocalPostgres postgres;
    private final Path readerSecret;
    private final DevTokens tokens = new DevTokens(Clock.systemUTC());

    private LocalEnvironment(LocalOptions options, LocalPostgres postgres, Path readerSecret) {
        this.options = options;
        this.postgres = postgres;
        this.readerSecret = readerSecret;
    }

    static LocalEnvironment prepare(LocalOptions options, PrintWriter log) throws IOException, SQLException {
        Path dataDir = options.dataDir.toAbsolutePath().normalize();
        LocalPostgres postgres = options.dbUrl == null
                ? LocalPostgres.embedded(dataDir)
                : LocalPostgres.external(options.dbUrl, System.getenv("CDT_DB_USER"), System.getenv("CDT_DB_PASSWORD"));
        Path readerSecret = dataDir.resolve("secrets/bookmarked-reader.password");
        postgres.ensureReaderRole(readerSecret);
        LocalEnvironment environment = new LocalEnvironment(options, postgres, readerSecret);
        environment.ensureDemoLoaded(dataDir, log);
        return environment;
    }

    Path demoFolder() {
        return options.dataDir.toAbsolutePath().normalize().resolve("demo");
    }

    private void ensureDemoLoaded(Path dataDir, PrintWriter log) throws IOException, SQLException {
        try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
            if (demoLoaded(s)) {
                return;
            }
            Path demo = demoFolder();
            if (!Files.exists(demo.resolve(DemoDistrictWriter.TRUTH))) {
                log.printf("Generating the demo district (%,d students, seed %d)...%n", options.demoStudents,
                        options.demoSeed);
                log.flush();
                new DemoDistrictWriter().write(new DemoSpec(options.demoStudents, options.demoSeed), demo);
            }
            log.println("Loading the demo district into the local Bookmarked database...");
            log.flush();
            Path schema = DemoCommand.copyReferenceSchema(demo);
            s.execute("set search_path to " + LocalPostgres.BOOKMARKED_SCHEMA);
            OursSqlLoader.load(c, schema);
            OursSqlLoader.load(c, demo.resolve(DemoDistrictWriter.SQL));
            s.execute("set search_path to public");
        }
        postgres.ensureReaderRole(readerSecret);
    }

    private static boolean demoLoaded(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select to_regclass('" + LocalPostgres.BOOKMARKED_SCHEMA + ".customers')")) {
            rs.next();
            if (rs.getString(1) == null) {
                return false;
            }
        }
        try (ResultSet rs = s.executeQuery("select count(*) from " + LocalPostgres.BOOKMARKED_SCHEMA
                + ".customers where customer_key = '" + DEMO_CUSTOMER + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    /** Configuration of the Micronaut context: CDT's store, local auth, our database instance. */
    Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", postgres.jdbcUrl());
        p.put("datasources.default.username", postgres.user());
        p.put("datasources.default.password", postgres.password() == null ? "" : postgres.password());
        p.put("cdt.snapshots.folder", options.dataDir.toAbsolutePath().normalize().resolve("snapshots").toString());
        p.put("cdt.auth.issuer", DevTokens.ISSUER);
        p.put("cdt.auth.audience", DevTokens.AUDIENCE);
        p.put("cdt.auth.jwks", tokens.publicJwks());
        p.put("cdt.auth.public-paths", "/api/dev/login");
        String instance = "cdt.bookmarked.instances." + LOCAL_INSTANCE + ".";
        p.put(instance + "url", postgres.readerJdbcUrl());
        p.put(instance + "user", LocalPostgres.READER_ROLE);
        p.put(instance + "password-ref", "file:" + readerSecret);
        return p;
    }

    ApplicationContext startContext(Map<String, Object> extra) {
        Map<String, Object> p = properties();
        p.putAll(extra);
        ApplicationContext context = ApplicationContext.builder()
                .environments("local")
                .properties(p)
                .singletons(tokens)
                .start();
        registerDemoCustomer(context.getBean(CustomerService.class));
        return context;
    }

    private void registerDemoCustomer(CustomerService customers) {
        if (customers.find(DEMO_CUSTOMER).isPresent()) {
            return;
        }
        customers.save(DEMO_CUSTOMER, "Demo Unified School District", new CustomerSettings(
                new CustomerSettings.Sis("oneroster-csv", demoFolder().resolve(DemoDistrictWriter.ZIP).toString(), null),
                new CustomerSettings.Ours(LOCAL_INSTANCE, DEMO_CUSTOMER),
                new CustomerSettings.SnapshotTtl(60, 10)), "cdt-local");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
