package com.bookmarked.cdt.core.demo;

import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.GuardianEmailElsewhere;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDistrictWriterTest {

    private static final Path BOOKMARKED = Path.of("../functions/connector-bookmarked/src/main/resources/bookmarked");
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void writesTheThreeFilesIdenticallyForTheSameSpec(@TempDir Path a, @TempDir Path b) throws Exception {
        DemoSpec spec = new DemoSpec(1_500, 77);
        DemoDistrictWriter.Written first = new DemoDistrictWriter().write(spec, a);
        new DemoDistrictWriter().write(spec, b);

        for (String name : List.of(DemoDistrictWriter.ZIP, DemoDistrictWriter.SQL, DemoDistrictWriter.TRUTH)) {
            assertThat(Files.readAllBytes(a.resolve(name))).as(name).isEqualTo(Files.readAllBytes(b.resolve(name)));
        }
        try (ZipFile zip = new ZipFile(first.zip().toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName)).containsExactly("manifest.csv", "orgs.csv",
                    "academicSessions.csv", "courses.csv", "classes.csv", "users.csv", "demographics.csv", "enrollments.csv");
        }
        assertThat(first.manifest()).isEqualTo(new DemoDistrictGenerator().generate(spec).truth());
    }

    @Test
    void writesOneRoster1p2WithTheSameRosterAndTheSameTruth(@TempDir Path a, @TempDir Path b) throws Exception {
        DemoSpec spec = new DemoSpec(800, 5);
        DemoDistrictWriter.Written v11 = new DemoDistrictWriter().write(spec, a);
        DemoDistrictWriter.Written v12 = new DemoDistrictWriter().write(spec, b, DemoDistrictWriter.OneRosterVersion.V1_2);

        assertThat(v11.zip().getFileName().toString()).isEqualTo(DemoDistrictWriter.ZIP);
        assertThat(v12.zip().getFileName().toString()).isEqualTo(DemoDistrictWriter.ZIP_V1P2);
        assertThat(Files.exists(b.resolve(DemoDistrictWriter.ZIP))).isFalse();
        assertThat(v12.manifest()).isEqualTo(v11.manifest());
        assertThat(Files.readAllBytes(v12.truth())).isEqualTo(Files.readAllBytes(v11.truth()));
        assertThat(Files.readAllBytes(v12.sql())).isEqualTo(Files.readAllBytes(v11.sql()));
        try (ZipFile zip = new ZipFile(v12.zip().toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName)).containsExactly("manifest.csv", "orgs.csv",
                    "academicSessions.csv", "courses.csv", "classes.csv", "users.csv", "roles.csv", "demographics.csv",
                    "enrollments.csv");
            String manifest = new String(zip.getInputStream(zip.getEntry("manifest.csv")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(manifest).contains("oneroster.version,1.2\r\n").contains("file.roles,bulk\r\n")
                    .contains("file.userProfiles,absent\r\n");
            String users = new String(zip.getInputStream(zip.getEntry("users.csv")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(users.substring(0, users.indexOf('\r'))).doesNotContain(",role,").contains("primaryOrgSourcedId");
            // the 1.2 users.csv has one row per user of the 1.1 file, and roles.csv one row per user and org
            String users11;
            try (ZipFile zip11 = new ZipFile(v11.zip().toFile())) {
                users11 = new String(zip11.getInputStream(zip11.getEntry("users.csv")).readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(users.split("\r\n")).hasSameSizeAs(users11.split("\r\n"));
            long orgLinks = new DemoDistrictGenerator().generate(spec).sis().users().stream()
                    .mapToLong(u -> u.orgSourcedIds().size()).sum();
            String roles = new String(zip.getInputStream(zip.getEntry("roles.csv")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(roles.split("\r\n")).hasSize((int) orgLinks + 1);
        }
    }

    @Test
    void oursSqlLoadsIntoTheReferenceSchemaAndReadsBackAsTheInMemorySnapshot(@TempDir Path folder) throws Exception {
        DemoSpec spec = new DemoSpec(2_000, 31);
        DemoDistrictWriter.Written written = new DemoDistrictWriter().write(spec, folder);
        RosterSnapshot fromDatabase;
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("drop schema public cascade; create schema public;");
                s.execute(Files.readString(BOOKMARKED.resolve("reference-schema.sql")));
            }
            load(c, written.sql());
            fromDatabase = readThroughMapping(c, mappingQueries());
        }
        RosterSnapshot inMemory = new DemoDistrictGenerator().generate(spec).ours();

        assertThat(fromDatabase.meta()).isEqualTo(inMemory.meta());
        assertThat(sorted(fromDatabase.orgs(), Org::sourcedId)).isEqualTo(sorted(inMemory.orgs(), Org::sourcedId));
        assertThat(sorted(fromDatabase.users(), RosterUser::sourcedId)).isEqualTo(sorted(inMemory.users(), RosterUser::sourcedId));
        assertThat(sorted(fromDatabase.classes(), RosterClass::sourcedId)).isEqualTo(sorted(inMemory.classes(), RosterClass::sourcedId));
        assertThat(sorted(fromDatabase.enrollments(), Enrollment::sourcedId))
                .isEqualTo(sorted(inMemory.enrollments(), Enrollment::sourcedId));
        assertThat(sorted(fromDatabase.guardianEmailsElsewhere(), GuardianEmailElsewhere::guardianKey))
                .isEqualTo(sorted(inMemory.guardianEmailsElsewhere(), GuardianEmailElsewhere::guardianKey))
                .isNotEmpty();
        assertThat(fromDatabase.users()).hasSizeGreaterThan(3_000);
    }

    private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> key) {
        return items.stream().sorted(Comparator.comparing(key)).toList();
    }

    /** Loads ours.sql the way psql would: statements as they come, COPY blocks through the COPY protocol. */
    private static void load(Connection c, Path sql) throws Exception {
        List<String> lines = Files.readAllLines(sql, StandardCharsets.UTF_8);
        int copies = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("--")) {
                continue;
            }
            if (line.startsWith("COPY ")) {
                StringBuilder data = new StringBuilder();
                while (!lines.get(++i).equals("\\.")) {
                    data.append(lines.get(i)).append('\n');
                }
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(line.substring(0, line.length() - 1), new StringReader(data.toString()));
                copies++;
            } else {
                try (Statement s = c.createStatement()) {
                    s.execute(line);
                }
            }
        }
        assertThat(copies).isEqualTo(8);
    }

    /** The named queries of default-mapping.yaml (folded block scalars under {@code queries:}). */
    static Map<String, String> mappingQueries() throws Exception {
        Map<String, String> queries = new LinkedHashMap<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(BOOKMARKED.resolve("default-mapping.yaml"))) {
            if (line.matches("^  [a-z_]+: >\\s*$")) {
                if (name != null) {
                    queries.put(name, text.toString().trim());
                }
                name = line.trim().substring(0, line.trim().indexOf(':'));
                text.setLength(0);
            } else if (name != null && line.startsWith("    ")) {
                text.append(line.trim()).append(' ');
            }
        }
        queries.put(name, text.toString().trim());
        return queries;
    }

    private static RosterSnapshot readThroughMapping(Connection c, Map<String, String> q) throws Exception {
        OurSnapshotAssembler a = new OurSnapshotAssembler("demo", DemoDistrictGenerator.OURS_SOURCE, DemoDistrictGenerator.FETCHED_AT);
        for (ResultSet r : rows(c, q.get("customer"))) {
            a.customer(r.getString("customer_key"), r.getString("name"), r.getObject("last_roster_sync_at", OffsetDateTime.class).toInstant());
        }
        for (ResultSet r : rows(c, q.get("campuses"))) {
            a.campus(r.getString("campus_key"), r.getString("name"), r.getString("sis_org_id"));
        }
        for (ResultSet r : rows(c, q.get("students"))) {
            a.student(r.getString("student_key"), r.getString("campus_key"), r.getString("sis_id"), r.getString("local_number"),
                    r.getString("given_name"), r.getString("family_name"), r.getString("grade"),
                    r.getObject("birth_date", LocalDate.class), r.getString("email"), r.getBoolean("active"));
        }
        for (ResultSet r : rows(c, q.get("staff"))) {
            a.staff(r.getString("staff_key"), r.getString("campus_key"), r.getString("sis_id"), r.getString("given_name"),
                    r.getString("family_name"), r.getString("email"), r.getBoolean("active"));
        }
        for (ResultSet r : rows(c, q.get("guardians"))) {
            a.guardian(r.getString("guardian_key"), r.getString("sis_id"), r.getString("email"), r.getString("given_name"),
                    r.getString("family_name"));
        }
        for (ResultSet r : rows(c, q.get("guardian_links"))) {
            a.guardianLink(r.getString("student_key"), r.getString("guardian_key"));
        }
        for (ResultSet r : rows(c, q.get("classes"))) {
            a.rosterClass(r.getString("class_key"), r.getString("campus_key"), r.getString("sis_id"), r.getString("title"));
        }
        for (ResultSet r : rows(c, q.get("class_members"))) {
            a.classMember(r.getString("class_key"), r.getString("person_key"), r.getString("role"), r.getObject("ended_on", LocalDate.class));
        }
        for (ResultSet r : rows(c, q.get("guardian_emails_elsewhere"))) {
            a.guardianEmailElsewhere(r.getString("email"), r.getString("customer_key"), r.getString("guardian_key"));
        }
        return a.build();
    }

    /** Runs one named query for customer "demo"; the same ResultSet, advanced row by row. */
    private static Iterable<ResultSet> rows(Connection c, String query) throws Exception {
        int binds = query.split(":customer", -1).length - 1;
        PreparedStatement statement = c.prepareStatement(query.replace(":customer", "?"));
        for (int i = 1; i <= binds; i++) {
            statement.setString(i, "demo");
        }
        ResultSet r = statement.executeQuery();
        List<ResultSet> cursor = new ArrayList<>();
        return () -> new java.util.Iterator<>() {
            boolean ready;
            boolean more;

            @Override
            public boolean hasNext() {
                try {
                    if (!ready) {
                        more = r.next();
                        ready = true;
                        if (!more) {
                            statement.close();
                        }
                    }
                    return more;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public ResultSet next() {
                hasNext();
                ready = false;
                return r;
            }
        };
    }
}
