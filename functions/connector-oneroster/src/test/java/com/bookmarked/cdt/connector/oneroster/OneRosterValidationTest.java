package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RosterUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static com.bookmarked.cdt.connector.oneroster.OneRosterCsvReaderTest.folder;
import static com.bookmarked.cdt.connector.oneroster.OneRosterCsvReaderTest.validExport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the reader tells a district about its export: references between files, deltas, repeated ids, extra columns. */
class OneRosterValidationTest {

    private static final Instant NOW = Instant.parse("2026-11-16T14:00:00Z");

    private final OneRosterCsvReader reader = new OneRosterCsvReader();

    @Test
    void referencesBetweenFilesAreCheckedReportedAndTheRowsKept(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("orgs.csv", files.get("orgs.csv") + "s3,,,Orphan School,school,0103,d7\n");
        files.put("classes.csv", files.get("classes.csv")
                + "k2,,,Art,04,c-art,A-1,scheduled,Room 1,s8,\"y27,t99\",art,,1\n");
        files.put("users.csv", files.get("users.csv") + "u9,,,true,\"s1,s5\",student,u9,,Kai,Lee,,100009,,,,g8,04,\r\n");
        files.put("enrollments.csv", files.get("enrollments.csv")
                + "e3,,,k404,s1,u1,student,false,,\n"
                + "e4,,,k1,s1,u404,student,false,,\n"
                + "e5,,,k1,s1,u1,student,false,2027-01-10,2026-12-01\n");
        files.put("demographics.csv", files.get("demographics.csv") + "u404,,,2016-01-01,male,,,,,,,,,,,\n");

        OneRosterImport result = reader.read(folder(dir, files), "x", NOW);

        assertThat(result.skippedRows()).isZero();
        assertThat(result.problems()).allMatch(p -> p.effect() == ImportProblem.Effect.ROW_KEPT);
        assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                "orgs.csv line 5, column parentSourcedId (value \"d7\"): there is no org with this sourcedId in orgs.csv (or its row there was skipped)",
                "classes.csv line 3, column schoolSourcedId (value \"s8\"): there is no org with this sourcedId in orgs.csv (or its row there was skipped)",
                "classes.csv line 3, column courseSourcedId (value \"c-art\"): there is no course with this sourcedId in courses.csv (or its row there was skipped)",
                "classes.csv line 3, column termSourcedIds (value \"t99\"): there is no academic session with this sourcedId in academicSessions.csv (or its row there was skipped)",
                "users.csv line 6, column orgSourcedIds (value \"s5\"): there is no org with this sourcedId in orgs.csv (or its row there was skipped)",
                "users.csv line 6, column agentSourcedIds (value \"g8\"): there is no user with this sourcedId in users.csv (or its row there was skipped)",
                "demographics.csv line 3, column sourcedId (value \"u404\"): no user in users.csv has this sourcedId (or its row there was skipped)",
                "enrollments.csv line 4, column classSourcedId (value \"k404\"): there is no class with this sourcedId in classes.csv (or its row there was skipped)",
                "enrollments.csv line 5, column userSourcedId (value \"u404\"): there is no user with this sourcedId in users.csv (or its row there was skipped)",
                "enrollments.csv line 6, column endDate (value \"2026-12-01\"): the enrollment ends before it begins (2027-01-10)");
        // kept, so the Missing Data Finder can report them as findings
        assertThat(result.snapshot().enrollments()).hasSize(5);
        assertThat(result.snapshot().classes()).hasSize(2);
        assertThat(result.snapshot().users()).extracting(RosterUser::sourcedId).contains("u9");
    }

    @Test
    void aSkippedRowIsNotThereForTheRowsThatPointAtIt(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("classes.csv", files.get("classes.csv") + "k2,gone,,Art,04,c-math4,A-1,scheduled,Room 1,s1,y27,art,,1\n");
        files.put("enrollments.csv", files.get("enrollments.csv") + "e3,,,k2,s1,u1,student,false,,\n");
        OneRosterImport result = reader.read(folder(dir, files), "x", NOW);
        assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                "classes.csv line 3, column status (value \"gone\"): not a OneRoster status (expected active or tobedeleted); the row was skipped",
                "enrollments.csv line 4, column classSourcedId (value \"k2\"): there is no class with this sourcedId in classes.csv (or its row there was skipped)");
    }

    @Test
    void guardiansListedBeforeTheirStudentsResolve(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        String users = files.get("users.csv");
        String header = users.substring(0, users.indexOf("\r\n") + 2);
        String[] rows = users.substring(header.length()).split("\r\n");
        files.put("users.csv", header + rows[2] + "\r\n" + rows[3] + "\r\n" + rows[0] + "\r\n" + rows[1] + "\r\n");
        OneRosterImport result = reader.read(folder(dir, files), "x", NOW);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aSourcedIdTwiceInAFileStopsTheImportNamingBoth(@TempDir Path dir) {
        Map<String, String> files = validExport();
        files.put("classes.csv", files.get("classes.csv") + "k1,,,Math 4 again,04,c-math4,M4-2,scheduled,Room 13,s1,y27,math,,3\n");
        assertThatThrownBy(() -> reader.read(folder(dir, files), "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessage("classes.csv has the sourcedId \"k1\" twice (again at line 3); sourcedIds must be unique within a "
                        + "file, so CDT cannot tell which row is right. The district's export needs fixing.");
    }

    @Test
    void extraColumnsAreKeptAsExtensionsInFileOrder(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("orgs.csv", """
                sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId,metadata.state.ncesId,metadata.region
                d1,,,Springfield,district,D-9,,0612345,north
                s1,,,Evergreen,school,0101,d1,,north
                s2,,,Lincoln,school,0102,d1,,
                """);
        files.put("enrollments.csv", """
                sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate,ext:seat
                e1,,,k1,s1,u1,student,false,2026-08-17,2027-06-04,12
                e2,,,k1,s1,u2,teacher,true,,,
                """);
        OneRosterImport result = reader.read(folder(dir, files), "x", NOW);
        assertThat(result.problems()).isEmpty();
        assertThat(result.snapshot().orgs().get(0).extensions().entrySet()).extracting(Map.Entry::getKey)
                .containsExactly("metadata.state.ncesId", "metadata.region");
        assertThat(result.snapshot().orgs().get(1).extensions()).containsExactly(Map.entry("metadata.region", "north"));
        assertThat(result.snapshot().orgs().get(2).extensions()).isEmpty();
        assertThat(result.snapshot().enrollments().get(0).extensions()).containsExactly(Map.entry("ext:seat", "12"));
    }

    @Test
    void aColumnTwiceInAHeaderStopsTheImport(@TempDir Path dir) {
        Map<String, String> files = validExport();
        files.put("courses.csv", """
                sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,Title
                c-math4,,,y27,Math 4,M4,04,d1,math,Maths
                """);
        assertThatThrownBy(() -> reader.read(folder(dir, files), "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessage("courses.csv has the column \"Title\" twice in its header line, so CDT cannot tell which one to read.");
    }

    @Test
    void aTrailingEmptyFieldIsNotABadRow(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("courses.csv", files.get("courses.csv").replace("c-math4,,,y27,Math 4,M4,04,d1,math,\n",
                "c-math4,,,y27,Math 4,M4,04,d1,math,,\n"));
        assertThat(reader.read(folder(dir, files), "x", NOW).problems()).isEmpty();
    }

    @Test
    void aDeltaKeepsDeletionsAndChecksWhatItMust(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("manifest.csv", files.get("manifest.csv")
                .replace("file.users,bulk", "file.users,delta")
                .replace("file.enrollments,bulk", "file.enrollments,delta")
                .replace("file.classes,bulk", "file.classes,delta"));
        files.put("classes.csv", """
                sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods
                k1,active,2026-11-15T06:00:00Z,Math 4 — Room 14,04,c-math4,M4-1,scheduled,Room 14,s1,"y27,f26",math,,2
                """);
        files.put("users.csv", """
                sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
                u1,tobedeleted,2026-11-15T06:00:00Z,true,s1,student,zoe1,,Zoë,O'Brien,,100001,,,,,04,
                u3,active,,true,s2,student,kai,,Kai,Lee,,100003,,,,,05,
                u4,,2026-11-15T06:00:00Z,true,s2,student,max,,Max,Ng,,100004,,,,,05,
                """);
        // k7 and u-old are not in this delta: they did not change, which is no problem
        files.put("enrollments.csv", """
                sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
                e1,tobedeleted,2026-11-15T06:00:00Z,k1,s1,u1,student,false,,
                e9,active,2026-11-15T06:00:00Z,k7,s2,u-old,student,false,,
                e10,active,2026-11-15T06:00:00Z,k1,s404,u3,student,false,,
                """);
        files.remove("demographics.csv");
        files.put("manifest.csv", files.get("manifest.csv").replace("file.demographics,bulk", "file.demographics,absent"));

        OneRosterImport result = reader.read(folder(dir, files), "x", NOW);

        assertThat(result.modes()).containsEntry("users.csv", "delta").containsEntry("orgs.csv", "bulk");
        assertThat(result.deltaFiles()).containsExactly("classes.csv", "enrollments.csv", "users.csv");
        assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                "users.csv line 3, column dateLastModified: dateLastModified is empty, but a delta file must say when each row changed",
                "users.csv line 4, column status: status is empty, but in a delta file every row must say active or tobedeleted; the row was skipped",
                "enrollments.csv line 4, column schoolSourcedId (value \"s404\"): there is no org with this sourcedId in orgs.csv (or its row there was skipped)");
        assertThat(result.snapshot().users()).extracting(RosterUser::sourcedId, RosterUser::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("u1", RecordStatus.TOBEDELETED),
                        org.assertj.core.groups.Tuple.tuple("u3", RecordStatus.ACTIVE));
        assertThat(result.snapshot().enrollments().get(0).status()).isEqualTo(RecordStatus.TOBEDELETED);
        assertThatThrownBy(result::fullSnapshot)
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessageStartingWith("The export is a delta (only what changed, in classes.csv, enrollments.csv, users.csv)");
    }

    @Test
    void aDeltaWithoutItsStatusColumnIsRefused(@TempDir Path dir) {
        Map<String, String> files = validExport();
        files.put("manifest.csv", files.get("manifest.csv").replace("file.courses,bulk", "file.courses,delta"));
        files.put("courses.csv", """
                sourcedId,title,orgSourcedId
                c-math4,Math 4,d1
                """);
        assertThatThrownBy(() -> reader.read(folder(dir, files), "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessageStartingWith("courses.csv is sent as a delta but has no status column");
    }

    @Test
    void aFileThatIsThereButMarkedAbsentIsNamed(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("manifest.csv", files.get("manifest.csv").replace("file.demographics,bulk", "file.demographics,absent"));
        OneRosterImport result = reader.read(folder(dir, files), "x", NOW);
        assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                "demographics.csv: the export has this file but manifest.csv says it is absent, so CDT did not read it");
    }

    @Test
    void aManifestNamingAPropertyTwiceIsRefused(@TempDir Path dir) {
        Map<String, String> files = validExport();
        files.put("manifest.csv", files.get("manifest.csv") + "file.users,delta\n");
        assertThatThrownBy(() -> reader.read(folder(dir, files), "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessage("manifest.csv cannot be trusted: it names file.users twice (again at line 17). The district's export needs fixing.");
    }

    @Test
    void personalValuesAreShownOnlyByTheirShape(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("demographics.csv", files.get("demographics.csv") + "u2,,,1980-02-30,Mann,,,,,,,,,,,\n");
        OneRosterImport result = reader.read(folder(dir, files), "x", NOW);
        assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                "demographics.csv line 3, column birthDate (a value shaped like \"9999-99-99\"): not a real date (expected YYYY-MM-DD); the row was skipped");
        assertThat(result.problems().get(0).valueIsShape()).isTrue();

        files.put("demographics.csv", validExport().get("demographics.csv") + "u2,,,1980-02-03,Mann,,,,,,,,,,,\n");
        result = reader.read(folder(dir, files), "x", NOW);
        assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                "demographics.csv line 3, column sex (a value shaped like \"Aaaa\"): not a OneRoster 1.1 sex (expected one of female, male); the row was skipped");
        assertThat(result.toString()).doesNotContain("Mann");
    }
}
