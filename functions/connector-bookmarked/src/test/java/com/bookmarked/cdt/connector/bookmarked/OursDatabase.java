package com.bookmarked.cdt.connector.bookmarked;

import com.bookmarked.cdt.core.testing.TestDatabases;
import com.bookmarked.cdt.core.testing.TestDatabases.TestDatabase;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A copy of our database for tests: a fresh database on the test JVM's one PostgreSQL, with the
 * reference schema and a SELECT-only login role of its own that must give its password.
 * The embedded server trusts every local login, so the role gets a password rule of its own
 * at the top of pg_hba.conf; otherwise a wrong password would be let in and prove nothing.
 */
final class OursDatabase {

    final TestDatabase admin;
    final String url;
    final String reader;
    final String readerPassword;

    private OursDatabase(TestDatabase admin, String reader, String readerPassword) {
        this.admin = admin;
        int query = admin.url().indexOf('?');
        this.url = query < 0 ? admin.url() : admin.url().substring(0, query);
        this.reader = reader;
        this.readerPassword = readerPassword;
    }

    /** The reference schema, {@code rows} (SQL), and the reader role with SELECT on every table. */
    static OursDatabase create(String rows) throws Exception {
        TestDatabase db = TestDatabases.fresh();
        String role = "reader_" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (InputStream schema = Mapping.class.getResourceAsStream("/bookmarked/reference-schema.sql")) {
                s.execute(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
            }
            s.execute(rows);
            s.execute("create role " + role + " login password '" + password + "'");
            s.execute("grant select on all tables in schema public to " + role);
            requirePasswordOf(s, role);
        }
        OursDatabase ours = new OursDatabase(db, role, password);
        ours.awaitPasswordRule();
        return ours;
    }

    private static void requirePasswordOf(Statement s, String role) throws SQLException, java.io.IOException {
        Path hba;
        try (ResultSet rs = s.executeQuery("show hba_file")) {
            rs.next();
            hba = Path.of(rs.getString(1));
        }
        if (!Files.isWritable(hba)) {
            return; // an external test server (CDT_TEST_DB_URL) already asks for passwords over TCP
        }
        synchronized (OursDatabase.class) {
            String rules = Files.readString(hba);
            Files.writeString(hba, "host all " + role + " all scram-sha-256\n" + rules);
        }
        try (ResultSet rs = s.executeQuery("select pg_reload_conf()")) {
            rs.next();
        }
    }

    /** The reload is asynchronous: wait until a wrong password is refused (at most 5 s). */
    private void awaitPasswordRule() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(url, reader, "not-" + readerPassword)) {
                Thread.sleep(50);
            } catch (SQLException e) {
                if ("28P01".equals(e.getSQLState())) {
                    return;
                }
                throw new IllegalStateException("the reader role cannot log in at all", e);
            }
        }
        throw new IllegalStateException("PostgreSQL still lets " + reader + " in with a wrong password");
    }

    Connection connectAsAdmin() throws SQLException {
        return admin.connect();
    }
}
