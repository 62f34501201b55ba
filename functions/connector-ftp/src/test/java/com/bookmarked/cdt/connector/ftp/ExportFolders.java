package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.demo.DemoDistrictWriter;
import com.bookmarked.cdt.core.demo.DemoSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What a district's server holds in these tests, laid out in a folder that the test servers
 * serve: real OneRoster zips from the demo generator, of two sizes so that a test can tell which
 * was read, with files around them that must not be chosen.
 *
 * <pre>
 * exports/roster_2026-10-01.zip   older export (100 students)        now - 3 days
 * exports/roster_2026-11-01.zip   newest export (150 students)       now - 1 day
 * exports/readme.txt              newer, but does not match *.zip    now
 * exports/zz-archive.zip/         a folder, newer, named like a zip  now
 * close/b_roster.zip              the newer of two in one minute     base + 40 s  (the lesser name)
 * close/c_roster.zip              the older                           base + 10 s
 * bad/export.zip                  CSV text, not a zip
 * big/export.zip                  3 MB of a zip
 * nomanifest/export.zip           a zip of CSV files without manifest.csv
 * </pre>
 */
final class ExportFolders {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final String NEWEST = "roster_2026-11-01.zip";
    static final String OLDER = "roster_2026-10-01.zip";

    final Path root;
    final DemoDistrictWriter.Written older;
    final DemoDistrictWriter.Written newest;

    ExportFolders(Path root, Path scratch) throws IOException {
        this.root = root;
        older = new DemoDistrictWriter().write(new DemoSpec(100, 1), scratch.resolve("older"));
        newest = new DemoDistrictWriter().write(new DemoSpec(150, 2), scratch.resolve("newest"));

        Path exports = Files.createDirectories(root.resolve("exports"));
        copy(older.zip(), exports.resolve(OLDER), NOW.minus(Duration.ofDays(3)));
        copy(newest.zip(), exports.resolve(NEWEST), NOW.minus(Duration.ofDays(1)));
        Files.setLastModifiedTime(Files.writeString(exports.resolve("readme.txt"), "uploaded nightly"), FileTime.from(NOW));
        Files.setLastModifiedTime(Files.createDirectories(exports.resolve("zz-archive.zip")), FileTime.from(NOW));

        Path close = Files.createDirectories(root.resolve("close"));
        Instant minute = NOW.minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        copy(newest.zip(), close.resolve("b_roster.zip"), minute.plusSeconds(40));
        copy(older.zip(), close.resolve("c_roster.zip"), minute.plusSeconds(10));

        Path bad = Files.createDirectories(root.resolve("bad"));
        Files.writeString(bad.resolve("export.zip"), "sourcedId,status,dateLastModified\n1,active,\n", StandardCharsets.UTF_8);

        Path big = Files.createDirectories(root.resolve("big"));
        byte[] bytes = new byte[3 * 1024 * 1024];
        System.arraycopy(Files.readAllBytes(newest.zip()), 0, bytes, 0, 4);
        Files.write(big.resolve("export.zip"), bytes);

        Path noManifest = Files.createDirectories(root.resolve("nomanifest"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(noManifest.resolve("export.zip")))) {
            zip.putNextEntry(new ZipEntry("users.csv"));
            zip.write("sourcedId,status\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static void copy(Path from, Path to, Instant modified) throws IOException {
        Files.copy(from, to);
        Files.setLastModifiedTime(to, FileTime.from(modified));
    }

    static Customer customer(String id, String location, String secretRef, Map<String, String> options) {
        return new Customer(id, "District " + id, new CustomerSettings(
                new CustomerSettings.Sis("oneroster-csv", location, secretRef, options),
                new CustomerSettings.Ours("production", id),
                new CustomerSettings.SnapshotTtl(60, 10)), NOW);
    }

    /** A secret file holding a login, and its reference. */
    static String secret(Path folder, String name, String json) throws IOException {
        return "file:" + Files.writeString(folder.resolve(name + ".json"), json);
    }

    static String login(String user, String password) {
        return "{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}";
    }
}
