package com.bookmarked.cdt.core.demo;

import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a demo district to a folder: {@value #ZIP} (OneRoster 1.1 CSV, bulk; or {@value #ZIP_V1P2},
 * the same roster as OneRoster 1.2 CSV), {@value #SQL} (our side, COPY blocks into the reference
 * schema) and {@value #TRUTH}. Records stream from the generated model straight to the files, so
 * 500,000 students fit a small heap. Both versions carry the same roster, so the truth is one.
 */
public final class DemoDistrictWriter {

    public static final String ZIP = "sis-oneroster-v1p1.zip";
    public static final String ZIP_V1P2 = "sis-oneroster-v1p2.zip";
    public static final String SQL = "ours.sql";
    public static final String TRUTH = "truth.json";
    /** Zip entries carry this time, so that the same spec gives the same bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2026, 11, 16, 0, 0);

    /** Where the files went, and what was planted. */
    public record Written(Path zip, Path sql, Path truth, TruthManifest manifest) {
    }

    /** The OneRoster CSV versions the demo can be written in. */
    public enum OneRosterVersion {
        V1_1("1.1"), V1_2("1.2");

        public final String label;

        OneRosterVersion(String label) {
            this.label = label;
        }

        /** {@code 1.1} or {@code 1.2}. */
        public static OneRosterVersion of(String label) {
            for (OneRosterVersion v : values()) {
                if (v.label.equals(label)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("the demo district is written as OneRoster 1.1 or 1.2, not " + label);
        }
    }

    public Written write(DemoSpec spec, Path folder) throws IOException {
        return write(spec, folder, OneRosterVersion.V1_1);
    }

    public Written write(DemoSpec spec, Path folder, OneRosterVersion version) throws IOException {
        DistrictModel model = DemoDistrictGenerator.model(spec);
        Files.createDirectories(folder);
        Path zip = folder.resolve(version == OneRosterVersion.V1_1 ? ZIP : ZIP_V1P2);
        Path sql = folder.resolve(SQL);
        Path truthFile = folder.resolve(TRUTH);
        if (version == OneRosterVersion.V1_1) {
            writeZip(new SisRoster(model), zip);
        } else {
            writeZipV1p2(new SisRoster(model), zip);
        }
        writeSql(model, sql);
        TruthManifest truth = DemoDistrictGenerator.truth(model);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(truthFile))) {
            TruthJson.write(truth, out);
        }
        return new Written(zip, sql, truthFile, truth);
    }

    // ------------------------------------------------------------------ OneRoster 1.1 CSV

    private interface Body {
        void write(CsvLines csv) throws IOException;
    }

    private static void writeZip(SisRoster sis, Path target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target), 1 << 16))) {
            entry(zip, "manifest.csv", csv -> {
                csv.line("propertyName", "value");
                csv.line("manifest.version", "1.0");
                csv.line("oneroster.version", "1.1");
                csv.line("file.academicSessions", "bulk");
                csv.line("file.categories", "absent");
                csv.line("file.classes", "bulk");
                csv.line("file.classResources", "absent");
                csv.line("file.courses", "bulk");
                csv.line("file.courseResources", "absent");
                csv.line("file.demographics", "bulk");
                csv.line("file.enrollments", "bulk");
                csv.line("file.lineItems", "absent");
                csv.line("file.orgs", "bulk");
                csv.line("file.resources", "absent");
                csv.line("file.results", "absent");
                csv.line("file.users", "bulk");
                csv.line("source.systemName", "Demo SIS");
                csv.line("source.systemCode", "demo-sis");
            });
            writeCommon(sis, zip);
            entry(zip, "users.csv", csv -> {
                csv.line("sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role", "username",
                        "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone",
                        "agentSourcedIds", "grades", "password");
                sis.users(r -> {
                    RosterUser u = r.user();
                    line(csv, u.sourcedId(), null, null, u.enabled() ? "true" : "false", String.join(",", u.orgSourcedIds()),
                            role(u.role()), u.username(), null, u.givenName(), u.familyName(), null, u.identifier(), u.email(),
                            null, null, blankIfEmpty(String.join(",", u.agentSourcedIds())),
                            blankIfEmpty(String.join(",", u.grades())), null);
                });
            });
            writeDemographicsAndEnrollments(sis, zip);
        }
    }

    // ------------------------------------------------------------------ OneRoster 1.2 CSV

    /** The 1.1 roster in 1.2's shape: users.csv without role and orgs, which roles.csv gives per org. */
    private static void writeZipV1p2(SisRoster sis, Path target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target), 1 << 16))) {
            entry(zip, "manifest.csv", csv -> {
                csv.line("propertyName", "value");
                csv.line("manifest.version", "1.0");
                csv.line("oneroster.version", "1.2");
                for (String file : new String[] {"academicSessions", "categories", "classes", "classResources", "courses",
                        "courseResources", "demographics", "enrollments", "lineItemLearningObjectiveIds", "lineItems",
                        "lineItemScoreScales", "orgs", "resources", "resultLearningObjectiveIds", "results",
                        "resultScoreScales", "roles", "scoreScales", "userProfiles", "userResources", "users"}) {
                    boolean sent = switch (file) {
                        case "academicSessions", "classes", "courses", "demographics", "enrollments", "orgs", "roles", "users" -> true;
                        default -> false;
                    };
                    csv.line("file." + file, sent ? "bulk" : "absent");
                }
                csv.line("source.systemName", "Demo SIS");
                csv.line("source.systemCode", "demo-sis");
            });
            writeCommon(sis, zip);
            entry(zip, "users.csv", csv -> {
                csv.line("sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName",
                        "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades",
                        "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName", "preferredMiddleName",
                        "preferredFamilyName", "primaryOrgSourcedId", "pronouns");
                sis.users(r -> {
                    RosterUser u = r.user();
                    line(csv, u.sourcedId(), null, null, u.enabled() ? "true" : "false", u.username(), null, u.givenName(),
                            u.familyName(), null, u.identifier(), u.email(), null, null,
                            blankIfEmpty(String.join(",", u.agentSourcedIds())), blankIfEmpty(String.join(",", u.grades())),
                            null, null, null, null, null, null, u.primaryOrg(), null);
                });
            });
            entry(zip, "roles.csv", csv -> {
                csv.line("sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate", "endDate",
                        "orgSourcedId", "userProfileSourcedId");
                sis.users(r -> {
                    RosterUser u = r.user();
                    List<String> orgs = u.orgSourcedIds();
                    for (int i = 0; i < orgs.size(); i++) {
                        line(csv, "role-" + u.sourcedId() + "-" + (i + 1), null, null, u.sourcedId(),
                                i == 0 ? "primary" : "secondary", roleV1p2(u.role()), null, null, orgs.get(i), null);
                    }
                });
            });
            writeDemographicsAndEnrollments(sis, zip);
        }
    }

    private static String roleV1p2(RoleType role) {
        return role == RoleType.ADMINISTRATOR ? "siteAdministrator" : role(role);
    }

    // ------------------------------------------------------------------ the files both versions share

    private static void writeCommon(SisRoster sis, ZipOutputStream zip) throws IOException {
        entry(zip, "orgs.csv", csv -> {
            csv.line("sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId");
            sis.orgs(o -> line(csv, o.sourcedId(), null, null, o.name(), o.type().name().toLowerCase(Locale.ROOT),
                    o.identifier(), o.parentSourcedId()));
        });
        entry(zip, "academicSessions.csv", csv -> {
            csv.line("sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate",
                    "parentSourcedId", "schoolYear");
            sis.sessions(r -> line(csv, r.session().sourcedId(), null, null, r.session().title(), r.session().type(),
                    r.session().startDate(), r.session().endDate(), r.session().parentSourcedId(), r.schoolYear()));
        });
        entry(zip, "courses.csv", csv -> {
            csv.line("sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades",
                    "orgSourcedId", "subjects", "subjectCodes");
            sis.courses(r -> line(csv, r.course().sourcedId(), null, null, r.schoolYearSourcedId(), r.course().title(),
                    r.courseCode(), r.grades(), r.course().orgSourcedId(), r.subjects(), null));
        });
        entry(zip, "classes.csv", csv -> {
            csv.line("sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode",
                    "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods");
            sis.classes(r -> line(csv, r.rosterClass().sourcedId(), null, null, r.rosterClass().title(), r.grades(),
                    r.rosterClass().courseSourcedId(), r.classCode(), r.classType(), r.location(),
                    r.rosterClass().orgSourcedId(), String.join(",", r.rosterClass().termSourcedIds()), r.subjects(),
                    null, r.periods()));
        });
    }

    private static void writeDemographicsAndEnrollments(SisRoster sis, ZipOutputStream zip) throws IOException {
        entry(zip, "demographics.csv", csv -> {
            csv.line("sourcedId", "status", "dateLastModified", "birthDate", "sex", "americanIndianOrAlaskaNative",
                    "asian", "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white",
                    "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity", "countryOfBirthCode",
                    "stateOfBirthAbbreviation", "cityOfBirth", "publicSchoolResidenceStatus");
            sis.users(r -> {
                if (r.user().role() == RoleType.STUDENT) {
                    line(csv, r.user().sourcedId(), null, null, r.user().birthDate(), r.sex(), null, null, null, null,
                            null, null, null, null, null, null, null);
                }
            });
        });
        entry(zip, "enrollments.csv", csv -> {
            csv.line("sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId",
                    "role", "primary", "beginDate", "endDate");
            sis.enrollments(e -> line(csv, e.sourcedId(), null, null, e.classSourcedId(), e.orgSourcedId(),
                    e.userSourcedId(), role(e.role()), e.primary() ? "true" : "false", e.beginDate(), e.endDate()));
        });
    }

    private static String blankIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String role(RoleType role) {
        return switch (role) {
            case STUDENT -> "student";
            case TEACHER -> "teacher";
            case GUARDIAN -> "guardian";
            case ADMINISTRATOR -> "administrator";
            case AIDE -> "aide";
            case OTHER -> throw new IllegalArgumentException("the demo district has no users of role OTHER");
        };
    }

    private static void line(CsvLines csv, Object... fields) {
        try {
            csv.line(fields);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, Body body) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        Writer writer = new BufferedWriter(new OutputStreamWriter(new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // keep the zip open for the next entry
            }
        }, StandardCharsets.UTF_8), 1 << 16);
        try {
            body.write(new CsvLines(writer));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        writer.close();
        zip.closeEntry();
    }

    // ------------------------------------------------------------------ our side

    private static void writeSql(DistrictModel model, Path target) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8), 1 << 16)) {
            out.write("-- Demo district, our side: rows for the Bookmarked reference schema\n");
            out.write("-- (functions/connector-bookmarked/src/main/resources/bookmarked/reference-schema.sql).\n");
            out.write("-- Load the schema first, then: psql -v ON_ERROR_STOP=1 -f ours.sql\n");
            out.write("-- Generated: " + model.spec.students() + " students, seed " + model.spec.seed() + ".\n\n");
            out.write("SET client_encoding = 'UTF8';\n\n");
            CopyBlocks copy = new CopyBlocks(out);
            try {
                new OurRoster(model).emit(copy);
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            copy.end();
        }
    }

    /** {@code --students N --seed S --out DIR}: writes a district and says what it planted. */
    public static void main(String[] args) throws IOException {
        int students = 2_000;
        long seed = 42;
        OneRosterVersion version = OneRosterVersion.V1_1;
        Path out = Path.of("demo-district");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--students" -> students = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--oneroster-version" -> version = OneRosterVersion.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long start = System.nanoTime();
        Written written = new DemoDistrictWriter().write(new DemoSpec(students, seed), out, version);
        System.out.printf("Wrote %d students (seed %d) to %s in %.1f s: %d planted problems%n", students, seed,
                out.toAbsolutePath(), (System.nanoTime() - start) / 1e9, written.manifest().problems().size());
        written.manifest().countsByCategory().forEach((category, n) -> System.out.printf("  %-32s %d%n", category, n));
    }
}
