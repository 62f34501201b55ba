package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.roster.UserRole;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.bookmarked.cdt.connector.oneroster.OneRosterCsvReaderTest.folder;
import static com.bookmarked.cdt.connector.oneroster.OneRosterCsvReaderTest.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports written by hand from the OneRoster 1.2 CSV tables: users.csv without roles, roles.csv per org, userProfiles.csv. */
class OneRosterV1p2ReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-16T14:00:00Z");

    private final OneRosterCsvReader reader = new OneRosterCsvReader();

    static Map<String, String> validExport() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", """
                propertyName,value
                manifest.version,1.0
                oneroster.version,1.2
                file.academicSessions,bulk
                file.categories,absent
                file.classes,bulk
                file.classResources,absent
                file.courses,bulk
                file.courseResources,absent
                file.demographics,bulk
                file.enrollments,bulk
                file.lineItemLearningObjectiveIds,absent
                file.lineItems,absent
                file.lineItemScoreScales,absent
                file.orgs,bulk
                file.resources,absent
                file.resultLearningObjectiveIds,absent
                file.results,absent
                file.resultScoreScales,absent
                file.roles,bulk
                file.scoreScales,absent
                file.userProfiles,bulk
                file.userResources,absent
                file.users,bulk
                source.systemName,Hand-written
                source.systemCode,test
                """);
        files.put("orgs.csv", """
                sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
                d1,active,2026-11-01T00:00:00.000Z,Springfield Unified,district,D-9,
                s1,active,2026-11-01T00:00:00.000Z,Evergreen Elementary,school,0101,d1
                s2,active,2026-11-01T00:00:00.000Z,Lincoln Middle,school,0102,d1
                """);
        files.put("academicSessions.csv", """
                sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear
                y27,active,2026-11-01T00:00:00.000Z,2026-2027,schoolYear,2026-08-17,2027-06-04,,2027
                """);
        files.put("courses.csv", """
                sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes
                c1,active,2026-11-01T00:00:00.000Z,y27,Math 4,M4,04,d1,math,
                """);
        files.put("classes.csv", """
                sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods
                k1,active,2026-11-01T00:00:00.000Z,Math 4,04,c1,M4-1,scheduled,Room 12,s1,y27,math,,2
                """);
        // A district extension column (metadata.*) at the end, as 1.2 allows.
        files.put("users.csv", """
                sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns,metadata.district.homeroom
                u1,active,2026-11-01T00:00:00.000Z,true,zoe1,{sis:100001},Zoë,O'Brien,Anne,100001,zoe@students.example,,,g1,04,,STATE-0001,,Zo,,,s1,she/her,4B
                t1,active,2026-11-01T00:00:00.000Z,true,tnguyen,,Thảo,Nguyễn,,,thao@staff.example,,,,,,,,,,,s1,,
                g1,active,2026-11-01T00:00:00.000Z,true,ana,,Ana,García,,,ana@mail.example,,,u1,,,,,,,,,,
                """);
        // t1 teaches at s1 (primary) and is principal at s2; the guardian's role is at the district.
        files.put("roles.csv", """
                sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId
                r1,active,2026-11-01T00:00:00.000Z,u1,primary,student,2026-08-17,,s1,
                r2,active,2026-11-01T00:00:00.000Z,t1,secondary,principal,,2027-06-30,s2,
                r3,active,2026-11-01T00:00:00.000Z,t1,primary,teacher,2026-08-01,,s1,
                r4,active,2026-11-01T00:00:00.000Z,g1,primary,guardian,,,d1,
                """);
        files.put("userProfiles.csv", """
                sourcedId,status,dateLastModified,userSourcedId,profileType,vendorId,applicationId,description,credentialType,username,password
                p1,active,2026-11-01T00:00:00.000Z,u1,reading,acme,,Reading app,username,zoe1,
                """);
        files.put("enrollments.csv", """
                sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
                e1,active,2026-11-01T00:00:00.000Z,k1,s1,u1,student,false,2026-08-17,2027-06-04
                e2,active,2026-11-01T00:00:00.000Z,k1,s1,t1,teacher,true,,
                """);
        files.put("demographics.csv", """
                sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus
                u1,active,2026-11-01T00:00:00.000Z,2016-05-04,unspecified,,,,,,,,,,,
                """);
        return files;
    }

    @Test
    void readsA1p2ExportWithRolesPerOrgPreferredNamesAndExtensions(@TempDir Path dir) throws Exception {
        OneRosterImport result = reader.read(zip(dir.resolve("v12.zip"), "", validExport()), "springfield", NOW);
        RosterSnapshot s = result.snapshot();

        assertThat(result.problems()).isEmpty();
        assertThat(result.version()).isEqualTo("1.2");
        assertThat(result.rowsRead()).containsEntry("roles.csv", 4).containsEntry("userProfiles.csv", 1).containsEntry("users.csv", 3);
        assertThat(result.modes()).containsEntry("roles.csv", "bulk").containsEntry("users.csv", "bulk");

        RosterUser student = s.users().get(0);
        assertThat(student.role()).isEqualTo(RoleType.STUDENT);
        assertThat(student.orgSourcedIds()).containsExactly("s1");
        assertThat(student.preferredGivenName()).isEqualTo("Zo");
        assertThat(student.middleName()).isEqualTo("Anne");
        assertThat(student.userMasterIdentifier()).isEqualTo("STATE-0001");
        assertThat(student.birthDate()).isEqualTo(LocalDate.of(2016, 5, 4));
        assertThat(student.agentSourcedIds()).containsExactly("g1");
        assertThat(student.dateLastModified()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(student.extensions()).containsExactly(Map.entry("metadata.district.homeroom", "4B"));
        assertThat(student.roles()).containsExactly(new UserRole("s1", RoleType.STUDENT, "student", true,
                LocalDate.of(2026, 8, 17), null, RecordStatus.ACTIVE));

        RosterUser teacher = s.users().get(1);
        assertThat(teacher.role()).as("the primary role wins over the row order").isEqualTo(RoleType.TEACHER);
        assertThat(teacher.orgSourcedIds()).containsExactly("s1", "s2");
        assertThat(teacher.extensions()).isEmpty();
        assertThat(teacher.roles()).extracting(UserRole::roleName, UserRole::role, UserRole::orgSourcedId, UserRole::primary)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("principal", RoleType.ADMINISTRATOR, "s2", false),
                        org.assertj.core.groups.Tuple.tuple("teacher", RoleType.TEACHER, "s1", true));

        RosterUser guardian = s.users().get(2);
        assertThat(guardian.role()).isEqualTo(RoleType.GUARDIAN);
        assertThat(guardian.orgSourcedIds()).containsExactly("d1");
        assertThat(s.enrollments()).hasSize(2);
    }

    @Test
    void rolesThatPointNowhereAndUsersWithoutARoleAreReportedAndKept(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("roles.csv", files.get("roles.csv")
                .replace("r4,active,2026-11-01T00:00:00.000Z,g1,primary,guardian,,,d1,\n", "")
                + "r5,active,2026-11-01T00:00:00.000Z,ghost,primary,student,,,s1,\n"
                + "r6,active,2026-11-01T00:00:00.000Z,u1,secondary,student,,,s9,\n"
                + "r7,active,2026-11-01T00:00:00.000Z,u1,secondary,wizard,,,s1,\n"
                + "r8,active,2026-11-01T00:00:00.000Z,u1,tertiary,student,,,s1,\n"
                + "r9,active,2026-11-01T00:00:00.000Z,u1,secondary,ext:mentor,,,s2,\n");
        files.put("userProfiles.csv", files.get("userProfiles.csv") + "p2,active,2026-11-01T00:00:00.000Z,nobody,reading,acme,,,username,x,\n");

        OneRosterImport result = reader.read(folder(dir, files), "x", NOW);

        assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                "roles.csv line 6, column orgSourcedId (value \"s9\"): there is no org with this sourcedId in orgs.csv (or its row there was skipped)",
                "roles.csv line 7, column role (value \"wizard\"): not a OneRoster 1.2 role (expected one of aide, counselor, "
                        + "districtAdministrator, guardian, parent, principal, proctor, relative, siteAdministrator, student, "
                        + "systemAdministrator, teacher); the row was skipped",
                "roles.csv line 8, column roleType (value \"tertiary\"): not a OneRoster 1.2 roleType (expected one of primary, "
                        + "secondary); the row was skipped",
                "users.csv line 4, column sourcedId (value \"g1\"): the user has no role in roles.csv, so CDT cannot tell "
                        + "whether it is a student, staff or a guardian",
                "roles.csv line 5, column userSourcedId (value \"ghost\"): no user in users.csv has this sourcedId (or its row there was skipped)",
                "userProfiles.csv line 3, column userSourcedId (value \"nobody\"): there is no user with this sourcedId in users.csv (or its row there was skipped)");
        RosterUser student = result.snapshot().users().get(0);
        assertThat(student.orgSourcedIds()).containsExactly("s1", "s9", "s2");
        assertThat(student.roles()).extracting(UserRole::roleName).containsExactly("student", "student", "ext:mentor");
        assertThat(student.roles().get(2).role()).isEqualTo(RoleType.OTHER);
        assertThat(result.snapshot().users().get(2).role()).isEqualTo(RoleType.OTHER);
    }

    @Test
    void usersWithoutRolesCsvAreReadAsRoleUnknownAndTheFileIsNamed(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.remove("roles.csv");
        files.put("manifest.csv", files.get("manifest.csv").replace("file.roles,bulk", "file.roles,absent"));
        OneRosterImport result = reader.read(folder(dir, files), "x", NOW);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.effect()).isEqualTo(ImportProblem.Effect.FILE);
            assertThat(p.toString()).isEqualTo("roles.csv: the export has users.csv but no roles.csv, so CDT cannot tell "
                    + "students from staff or which schools they belong to (OneRoster 1.2 gives roles in roles.csv)");
        });
        assertThat(result.snapshot().users()).allMatch(u -> u.role() == RoleType.OTHER && u.roles().isEmpty());
        // only primaryOrgSourcedId says where they belong
        assertThat(result.snapshot().users()).extracting(RosterUser::orgSourcedIds)
                .containsExactly(List.of("s1"), List.of("s1"), List.of());
    }

    @Test
    void aRequiredColumnOf1p2IsRequired(@TempDir Path dir) {
        Map<String, String> files = validExport();
        files.put("roles.csv", "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,userProfileSourcedId\n");
        assertThatThrownBy(() -> reader.read(folder(dir, files), "x", NOW))
                .isInstanceOf(OneRosterFormatException.class)
                .hasMessageStartingWith("roles.csv has no column \"orgSourcedId\", which OneRoster requires");
    }

    @Test
    void a1p1StyleUsersFileIn1p2KeepsItsRoleColumnsAsExtensionsOnly(@TempDir Path dir) throws Exception {
        Map<String, String> files = validExport();
        files.put("users.csv", """
                sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
                u1,,,true,s1,student,zoe1,,Zoë,O'Brien,,100001,,,,,04,
                """);
        files.put("roles.csv", "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId\n");
        files.put("userProfiles.csv", "sourcedId,status,dateLastModified,userSourcedId,profileType,vendorId,applicationId,description,credentialType,username,password\n");
        files.put("enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\n");
        OneRosterImport result = reader.read(folder(dir, files), "x", NOW);
        RosterUser u = result.snapshot().users().get(0);
        assertThat(u.role()).isEqualTo(RoleType.OTHER);
        assertThat(u.extensions()).containsEntry("role", "student").containsEntry("orgSourcedIds", "s1");
        assertThat(result.problems()).extracting(ImportProblem::message)
                .containsExactly("the user has no role in roles.csv, so CDT cannot tell whether it is a student, staff or a guardian");
    }
}
