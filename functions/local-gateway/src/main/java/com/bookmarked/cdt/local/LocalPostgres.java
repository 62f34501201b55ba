package com.bookmarked.cdt.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The PostgreSQL the local gateway runs on: an embedded one (zonky) kept in the data folder, or an
 * external one given by URL. One database, two schemas: {@code public} holds CDT's own store, and
 * {@code bookmarked} holds the demo district's copy of our roster database, readable only by the
 * SELECT-only role {@code cdt_reader} (whose search path is that schema and nothing else).
 */
final class LocalPostgres implements AutoCloseable {

    static final String READER_ROLE = "cdt_reader";
    static final String BOOKMARKED_SCHEMA = "bookmarked";

    private final EmbeddedPostgres embedded;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private LocalPostgres(EmbeddedPostgres embedded, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts the embedded server on the data folder, or joins the one a running {@code cdt serve}
     * already started there (so that {@code cdt run} works beside it).
     */
    static LocalPostgres embedded(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path portFile = dataDir.resolve("postgres.port");
        if (Files.exists(dataDir.resolve("pgdata/postmaster.pid")) && Files.exists(portFile)) {
            int port = Integer.parseInt(Files.readString(portFile).strip());
            if (listening(port)) {
                return new LocalPostgres(null, url(port), "postgres", "");
            }
        }
        int port = freePort();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("pgdata"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        Files.writeString(portFile, Integer.toString(port));
        return new LocalPostgres(pg, url(port), "postgres", "");
    }

    static LocalPostgres external(String jdbcUrl, String user, String password) {
        return new LocalPostgres(null, jdbcUrl, user, password);
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The URL the read-only connector uses: same server, the reader role, the bookmarked schema. */
    String readerJdbcUrl() {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + BOOKMARKED_SCHEMA;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * Makes sure the SELECT-only role exists with the password kept in {@code secretFile}
     * (referenced from settings as {@code file:...}, never stored in the database or logs).
     */
    void ensureReaderRole(Path secretFile) throws IOException, SQLException {
        if (!Files.exists(secretFile)) {
            Files.createDirectories(secretFile.getParent());
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            Files.writeString(secretFile, HexFormat.of().formatHex(random), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file stays with the default permissions
            }
        }
        String secret = Files.readString(secretFile).strip();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists " + BOOKMARKED_SCHEMA);
            s.execute("""
                    do $$ begin
                      if not exists (select 1 from pg_roles where rolname = '%1$s') then
                        create role %1$s login;
                      end if;
                    end $$""".formatted(READER_ROLE));
            s.execute("alter role " + READER_ROLE + " password '" + secret.replace("'", "''") + "'");
            s.execute("alter role " + READER_ROLE + " set search_path = " + BOOKMARKED_SCHEMA);
            s.execute("alter role " + READER_ROLE + " set default_transaction_read_only = on");
            s.execute("revoke all on schema public from " + READER_ROLE);
            s.execute("grant usage on schema " + BOOKMARKED_SCHEMA + " to " + READER_ROLE);
            s.execute("grant select on all tables in schema " + BOOKMARKED_SCHEMA + " to " + READER_ROLE);
            s.execute("alter default privileges in schema " + BOOKMARKED_SCHEMA + " grant select on tables to "
                    + READER_ROLE);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
