package com.bookmarked.cdt.local;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Loads a psql-style SQL file (plain statements and {@code COPY ... FROM stdin;} blocks ended by
 * {@code \.}) through JDBC, streaming COPY data so that a 500,000-student district never sits in
 * memory. This is how the demo district's "ours.sql" reaches the local Bookmarked database.
 */
final class OursSqlLoader {

    private OursSqlLoader() {
    }

    static void load(Connection connection, Path sqlFile) throws IOException, SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (BufferedReader in = Files.newBufferedReader(sqlFile, StandardCharsets.UTF_8)) {
            StringBuilder statement = new StringBuilder();
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                String trimmed = line.strip();
                if (statement.isEmpty() && trimmed.regionMatches(true, 0, "COPY ", 0, 5)
                        && trimmed.toLowerCase(java.util.Locale.ROOT).endsWith("from stdin;")) {
                    lineNumber += copyBlock(connection, trimmed.substring(0, trimmed.length() - 1), in);
                    continue;
                }
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                statement.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    try (Statement s = connection.createStatement()) {
                        s.execute(statement.toString());
                    } catch (SQLException e) {
                        throw new SQLException(sqlFile.getFileName() + " line " + lineNumber + ": " + e.getMessage(),
                                e.getSQLState(), e);
                    }
                    statement.setLength(0);
                }
            }
            connection.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int copyBlock(Connection connection, String copySql, BufferedReader in)
            throws IOException, SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        int lines = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                if (line.equals("\\.")) {
                    copy.endCopy();
                    return lines;
                }
                byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
            }
            throw new IOException("COPY block not ended by \\. : " + copySql);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
