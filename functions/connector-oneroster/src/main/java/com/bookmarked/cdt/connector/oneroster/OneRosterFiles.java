package com.bookmarked.cdt.connector.oneroster;

import java.util.List;

/**
 * The rostering files of one OneRoster CSV version, with the columns each table defines (the
 * required ones are those whose column the specification requires) and the vocabularies CDT
 * checks. Values outside a vocabulary are accepted when they carry OneRoster's {@code ext:} prefix.
 */
final class OneRosterFiles {

    private static final List<String> BASE = List.of("status", "dateLastModified");

    static final OneRosterFiles V1P1 = new OneRosterFiles(
            FileSpec.of("orgs.csv", List.of("sourcedId", "name", "type"),
                    with("identifier", "parentSourcedId")),
            FileSpec.of("academicSessions.csv", List.of("sourcedId", "title", "type", "startDate", "endDate", "schoolYear"),
                    with("parentSourcedId")),
            FileSpec.of("courses.csv", List.of("sourcedId", "title", "orgSourcedId"),
                    with("schoolYearSourcedId", "courseCode", "grades", "subjects", "subjectCodes")),
            FileSpec.of("classes.csv", List.of("sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId",
                            "termSourcedIds"),
                    with("grades", "classCode", "location", "subjects", "subjectCodes", "periods")),
            FileSpec.of("users.csv", List.of("sourcedId", "enabledUser", "orgSourcedIds", "role", "username", "givenName",
                            "familyName"),
                    with("userIds", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password")),
            null,
            null,
            FileSpec.of("enrollments.csv", List.of("sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"),
                    with("primary", "beginDate", "endDate")),
            FileSpec.of("demographics.csv", List.of("sourcedId"), with("birthDate", "sex", "americanIndianOrAlaskaNative",
                    "asian", "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white",
                    "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity", "countryOfBirthCode",
                    "stateOfBirthAbbreviation", "cityOfBirth", "publicSchoolResidenceStatus")),
            List.of("administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"),
            List.of("administrator", "proctor", "student", "teacher"),
            List.of("female", "male"));

    static final OneRosterFiles V1P2 = new OneRosterFiles(
            V1P1.orgs, V1P1.academicSessions, V1P1.courses, V1P1.classes,
            FileSpec.of("users.csv", List.of("sourcedId", "enabledUser", "username", "givenName", "familyName"),
                    with("userIds", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades",
                            "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName",
                            "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns")),
            FileSpec.of("roles.csv", List.of("sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"),
                    with("beginDate", "endDate", "userProfileSourcedId")),
            FileSpec.of("userProfiles.csv", List.of("sourcedId", "userSourcedId", "profileType", "vendorId", "credentialType",
                            "username"),
                    with("applicationId", "description", "password")),
            V1P1.enrollments, V1P1.demographics,
            List.of("aide", "counselor", "districtAdministrator", "guardian", "parent", "principal", "proctor", "relative",
                    "siteAdministrator", "student", "systemAdministrator", "teacher"),
            List.of("administrator", "proctor", "student", "teacher"),
            List.of("female", "male", "other", "unspecified"));

    static final List<String> ORG_TYPES = List.of("department", "school", "district", "local", "state", "national");
    static final List<String> SESSION_TYPES = List.of("gradingPeriod", "semester", "schoolYear", "term");
    static final List<String> CLASS_TYPES = List.of("homeroom", "scheduled");
    static final List<String> ROLE_TYPES = List.of("primary", "secondary");

    final FileSpec orgs;
    final FileSpec academicSessions;
    final FileSpec courses;
    final FileSpec classes;
    final FileSpec users;
    /** 1.2 only: a user's roles per org. */
    final FileSpec roles;
    /** 1.2 only: a user's accounts in other systems (checked and counted, not kept). */
    final FileSpec userProfiles;
    final FileSpec enrollments;
    final FileSpec demographics;
    final List<String> userRoles;
    final List<String> enrollmentRoles;
    final List<String> sexes;

    private OneRosterFiles(FileSpec orgs, FileSpec academicSessions, FileSpec courses, FileSpec classes, FileSpec users,
                           FileSpec roles, FileSpec userProfiles, FileSpec enrollments, FileSpec demographics,
                           List<String> userRoles, List<String> enrollmentRoles, List<String> sexes) {
        this.orgs = orgs;
        this.academicSessions = academicSessions;
        this.courses = courses;
        this.classes = classes;
        this.users = users;
        this.roles = roles;
        this.userProfiles = userProfiles;
        this.enrollments = enrollments;
        this.demographics = demographics;
        this.userRoles = userRoles;
        this.enrollmentRoles = enrollmentRoles;
        this.sexes = sexes;
    }

    private static List<String> with(String... optional) {
        List<String> columns = new java.util.ArrayList<>(BASE);
        columns.addAll(List.of(optional));
        return columns;
    }
}
