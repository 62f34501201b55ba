package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small exports written by hand from the OneRoster 1.1 CSV tables. */
class OneRosterCsvReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-16T14:00:00Z");

    private final OneRosterCsvReader reader = new OneRosterCsvReader();

    static Map<String, String> validExport() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", """
                propertyName,value
                manifest.version,1.0
                oneroster.version,1.1
                file.academicSessions,bulk
                file.categories,absent
                file.classes,bulk
                file.classResources,absent
                file.courses,bulk
                file.courseResources,absent
                file.demographics,bulk
                file.enrollments,bulk
                file.lineItems,absent
                file.orgs,bulk
                file.resources,absent
                file.results,absent
                file.users,bulk
                """);
        files.put("orgs.csv", """
                sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
                d1,,,"Springfield Unified, District 9",district,D-9,
                s1,,,Evergreen Elementary,school,0101,d1
                s2,,,Lincoln Middle,school,0102,d1
                """);
        files.put("academicSessions.csv", """
                sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear
                y27,,,2026-2027,schoolYear,2026-08-17,2027-06-04,,2027
                f26,,,Fall 2026,semester,2026-08-17,2026-12-18,y27,2027
                """);
        files.put("courses.csv", """
                sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes
                c-math4,,,y27,Math 4,M4,04,d1,math,
                """);
        files.put("classes.csv", """
                sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods
                k1,,,Math 4 — Room 12,04,c-math4,M4-1,scheduled,Room 12,s1,"y27,f26",math,,2
                """);
        // A BOM, CRLF line ends, accents, an apostrophe and a comma inside quotes, two agents.
        files.put("users.csv", "\uFEFFsourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
                + "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\r\n"
                + "u1,,,true,s1,student,zoe1,,Zoë,\"O'Brien, Jr.\",,100001,zoe@students.example,,,\"g1, g2\",04,\r\n"
                + "u2,,,false,\"s1,s2\",teacher,tnguyen,,Thảo,Nguyễn,,,thao@staff.example,,,,,\r\n"
                + "g1,,,true,d1,parent,p1,,Ana,García López,,,ana@mail.example,,,u1,,\r\n"
                + "g2,active,2026-11-01T10:00:00Z,true,d1,relative,p2,,Luis,García,,,,,,u1,,\r\n");
        files.put("enrollments.csv", """
                sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
                e1,,,k1,s1,u1,student,false,2026-08-17,2027-06-04
                e2,,,k1,s1,u2,teacher,true,,
                """);
        files.put("demographics.csv", """
                sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus
                u1,,,2016-05-04,female,,,,,,,,,,,
                """);
        return files;
    }

    static Path folder(Path dir, Map<String, String> files) throws Exception {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    static Path zip(Path file, String prefix, Map<String, String> files) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(prefix + f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void readsEveryFileOfAValidExportIntoTheModel(@TempDir Path dir) throws Exception {
        OneRosterImport result = reader.read(folder(dir, validExport()), "springfield", NOW);
        RosterSnapshot s = result.snapshot();

        assertThat(result.problems()).isEmpty();
        assertThat(s.meta().side()).isEqualTo(SnapshotSide.SIS);
        assertThat(s.meta().customerId()).isEqualTo("springfield");
        assertThat(s.meta().source()).isEqualTo("oneroster-csv");
        assertThat(s.meta().fetchedAt()).isEqualTo(NOW);
        assertThat(s.orgs()).containsExactly(
                new Org("d1", "d1", "Springfield Unified, District 9", Org.OrgType.DISTRICT, "D-9", null, RecordStatus.ACTIVE),
                new Org("s1", "s1", "Evergreen Elementary", Org.OrgType.SCHOOL, "0101", "d1", RecordStatus.ACTIVE),
                new Org("s2", "s2", "Lincoln Middle", Org.OrgType.SCHOOL, "0102", "d1", RecordStatus.ACTIVE));
        assertThat(s.academicSessions()).extracting(x -> x.sourcedId() + " " + x.type() + " " + x.startDate() + " " + x.parentSourcedId())
                .containsExactly("y27 schoolYear 2026-08-17 null", "f26 semester 2026-08-17 y27");
        assertThat(s.courses()).singleElement().satisfies(c -> assertThat(c.orgSourcedId()).isEqualTo("d1"));
        assertThat(s.classes()).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Math 4 — Room 12");
            assertThat(c.orgSourcedId()).isEqualTo("s1");
            assertThat(c.courseSourcedId()).isEqualTo("c-math4");
            assertThat(c.termSourcedIds()).containsExactly("y27", "f26");
        });

        RosterUser student = s.users().get(0);
        assertThat(student).isEqualTo(new RosterUser("u1", "u1", RoleType.STUDENT, "100001", "Zoë", "O'Brien, Jr.",
                "zoe@students.example", "zoe1", List.of("04"), List.of("s1"), List.of("g1", "g2"),
                LocalDate.of(2016, 5, 4), true, RecordStatus.ACTIVE, null));
        RosterUser teacher = s.users().get(1);
        assertThat(teacher.role()).isEqualTo(RoleType.TEACHER);
        assertThat(teacher.enabled()).isFalse();
        assertThat(teacher.orgSourcedIds()).containsExactly("s1", "s2");
        assertThat(teacher.identifier()).isNull();
        assertThat(teacher.familyName()).isEqualTo("Nguyễn");
        assertThat(s.users().get(2).role()).isEqualTo(RoleType.GUARDIAN);
        RosterUser relative = s.users().get(3);
        assertThat(relative.role()).isEqualTo(RoleType.GUARDIAN);
        assertThat(relative.email()).isNull();
        assertThat(relative.dateLastModified()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));

        assertThat(s.enrollments()).containsExactly(
                new Enrollment("e1", "k1", "u1", "s1", RoleType.STUDENT, false, LocalDate.of(2026, 8, 17),
                        LocalDate.of(2027, 6, 4), RecordStatus.ACTIVE),
                new Enrollment("e2", "k1", "u2", "s1", RoleType.TEACHER, true, null, null, RecordStatus.ACTIVE));
        assertThat(result.rowsRead()).containsEntry("users.csv", 4).containsEntry("enrollments.csv", 2);
    }

    @Test
    void readsAZipWhoseFilesSitInAFolder(@TempDir Path dir) throws Exception {
        OneRosterImport result = reader.read(zip(dir.resolve("export.zip"), "export-2026-11-16/", validExport()), "x", NOW);
        assertThat(result.snapshot().users()).hasSize(4);
        assertThat(result.snapshot().enrollments()).hasSize(2);
    }

    @Test
    void badRowsAreReportedWithFileLineColumnAndValueAndSkipped(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("users.csv", files.get("users.csv")
                + "u3,,,yes,s1,student,x3,,Ann,Lee,,100003,,,,,05,\r\n"
                + "u4,,,true,s1,wizard,x4,,Bo,Kim,,100004,,,,,05,\r\n"
                + "u5,,,true,s1,student\r\n"
                + ",,,true,s1,student,x6,,No,Id,,100006,,,,,05,\r\n"
                + "u7,,,true,s1,student,x7,,,,,100007,,,,,05,\r\n");
        files.put("enrollments.csv", files.get("enrollments.csv") + "e3,,,k1,s1,u1,student,false,2026-13-01,\n");
        files.put("demographics.csv", files.get("demographics.csv") + "u2,,,04/05/1980,male,,,,,,,,,,,\n");

        OneRosterImport result = reader.read(folder(dir, files), "x", NOW);

        assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                "demographics.csv line 3, column birthDate (a value shaped like \"99/99/9999\"): not a date (expected YYYY-MM-DD); the row was skipped",
                "users.csv line 6, column enabledUser (value \"yes\"): must be true or false; the row was skipped",
                "users.csv line 7, column role (value \"wizard\"): not a OneRoster 1.1 role (expected one of administrator, aide, "
                        + "guardian, parent, proctor, relative, student, teacher); the row was skipped",
                "users.csv line 8: the row has 6 fields but the header has 18; the row was skipped",
                "users.csv line 9, column sourcedId: sourcedId is empty but OneRoster requires it; the row was skipped",
                "enrollments.csv line 4, column beginDate (value \"2026-13-01\"): not a real date (expected YYYY-MM-DD); the row was skipped");
        assertThat(result.problemCount()).isEqualTo(6);
        assertThat(result.skippedRows()).isEqualTo(6);
        assertThat(result.toString()).doesNotContain("04/05/1980");
        // Rows that were fine are all there, including u7, whose missing names are left for the Missing Data Finder.
        assertThat(result.snapshot().users()).extracting(RosterUser::sourcedId).containsExactly("u1", "u2", "g1", "g2", "u7");
        assertThat(result.snapshot().users().get(4).givenName()).isNull();
        assertThat(result.snapshot().users().get(1).birthDate()).isNull();
        assertThat(result.snapshot().enrollments()).hasSize(2);
    }

    @Test
    void exportWithoutManifestIsRefused(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.remove("manifest.csv");
        assertThatThrownBy(() -> reader.read(folder(dir, files), "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessageContaining("no manifest.csv");
    }

    @Test
    void otherVersionsAreRefusedNamingTheVersion(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("manifest.csv", files.get("manifest.csv").replace("oneroster.version,1.1", "oneroster.version,1.0"));
        assertThatThrownBy(() -> reader.read(folder(dir, files), "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessage("The export is OneRoster version 1.0 (from manifest.csv); CDT reads OneRoster 1.1 and 1.2 CSV exports.");
    }

    @Test
    void manifestWithoutVersionOrWithAnUnknownModeIsRefused(@TempDir Path a, @TempDir Path b) throws Exception {
        Map<String, String> noVersion = validExport();
        noVersion.put("manifest.csv", noVersion.get("manifest.csv").replace("oneroster.version,1.1\n", ""));
        assertThatThrownBy(() -> reader.read(folder(a, noVersion), "x", NOW)).hasMessageContaining("oneroster.version row is missing");

        Map<String, String> badMode = validExport();
        badMode.put("manifest.csv", badMode.get("manifest.csv").replace("file.users,bulk", "file.users,sometimes"));
        assertThatThrownBy(() -> reader.read(folder(b, badMode), "x", NOW))
                .hasMessage("manifest.csv says \"sometimes\" for file.users; OneRoster allows bulk, delta or absent.");
    }

    @Test
    void missingRequiredColumnStopsTheImportNamingFileAndColumn(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("enrollments.csv", """
                sourcedId,status,dateLastModified,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
                e1,,,s1,u1,student,false,,
                """);
        assertThatThrownBy(() -> reader.read(folder(dir, files), "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessageStartingWith("enrollments.csv has no column \"classSourcedId\", which OneRoster requires");
    }

    @Test
    void fileListedInTheManifestButMissingIsRefused(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.remove("classes.csv");
        assertThatThrownBy(() -> reader.read(folder(dir, files), "x", NOW))
                .hasMessage("manifest.csv lists classes.csv as bulk but the export does not contain that file.");
    }

    @Test
    void fileMarkedAbsentIsNotReadEvenWhenPresent(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("manifest.csv", files.get("manifest.csv").replace("file.demographics,bulk", "file.demographics,absent"));
        OneRosterImport result = reader.read(folder(dir, files), "x", NOW);
        assertThat(result.snapshot().users().get(0).birthDate()).isNull();
        assertThat(result.rowsRead()).doesNotContainKey("demographics.csv");
    }

    @Test
    void deltaRowsKeepTheirStatus(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("manifest.csv", files.get("manifest.csv").replace("file.orgs,bulk", "file.orgs,delta"));
        files.put("orgs.csv", files.get("orgs.csv") + "s3,tobedeleted,2026-11-10T00:00:00Z,Old School,school,0103,d1\n");
        OneRosterImport result = reader.read(folder(dir, files), "x", NOW);
        assertThat(result.snapshot().orgs()).last().extracting(Org::status).isEqualTo(RecordStatus.TOBEDELETED);
    }

    @Test
    void brokenQuotingStopsTheImportNamingTheFile(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("courses.csv", files.get("courses.csv") + "c-x,,,y27,\"Broken title,C,05,d1,,\n");
        assertThatThrownBy(() -> reader.read(folder(dir, files), "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessageStartingWith("courses.csv is not valid CSV after line 2");
    }

    @Test
    void somethingThatIsNeitherZipNorFolderIsRefused(@TempDir Path dir) throws Exception {
        Path notZip = Files.writeString(dir.resolve("export.zip"), "this is not a zip");
        assertThatThrownBy(() -> reader.read(notZip, "x", NOW)).hasMessage("export.zip is not a readable zip file.");
        assertThatThrownBy(() -> reader.read(dir.resolve("nothing-here"), "x", NOW))
                .hasMessageStartingWith("No OneRoster export at nothing-here");
    }
}
