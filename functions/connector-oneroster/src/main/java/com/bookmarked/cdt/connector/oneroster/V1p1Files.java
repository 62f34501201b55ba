package com.bookmarked.cdt.connector.oneroster;

import java.util.List;

/**
 * The OneRoster 1.1 CSV files CDT reads. Required columns are those whose values the 1.1 tables
 * require; the rest may be left out of an export.
 */
final class V1p1Files {

    static final FileSpec ORGS = FileSpec.of("orgs.csv",
            List.of("sourcedId", "name", "type"),
            List.of("status", "dateLastModified", "identifier", "parentSourcedId"));
    static final FileSpec ACADEMIC_SESSIONS = FileSpec.of("academicSessions.csv",
            List.of("sourcedId", "title", "type", "startDate", "endDate", "schoolYear"),
            List.of("status", "dateLastModified", "parentSourcedId"));
    static final FileSpec COURSES = FileSpec.of("courses.csv",
            List.of("sourcedId", "title", "orgSourcedId"),
            List.of("status", "dateLastModified", "schoolYearSourcedId", "courseCode", "grades", "subjects", "subjectCodes"));
    static final FileSpec CLASSES = FileSpec.of("classes.csv",
            List.of("sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId", "termSourcedIds"),
            List.of("status", "dateLastModified", "grades", "classCode", "location", "subjects", "subjectCodes", "periods"));
    static final FileSpec USERS = FileSpec.of("users.csv",
            List.of("sourcedId", "enabledUser", "orgSourcedIds", "role", "username", "givenName", "familyName"),
            List.of("status", "dateLastModified", "userIds", "middleName", "identifier", "email", "sms", "phone",
                    "agentSourcedIds", "grades", "password"));
    static final FileSpec ENROLLMENTS = FileSpec.of("enrollments.csv",
            List.of("sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"),
            List.of("status", "dateLastModified", "primary", "beginDate", "endDate"));
    static final FileSpec DEMOGRAPHICS = FileSpec.of("demographics.csv",
            List.of("sourcedId"),
            List.of("status", "dateLastModified", "birthDate", "sex"));

    static final List<String> ORG_TYPES = List.of("department", "school", "district", "local", "state", "national");
    static final List<String> SESSION_TYPES = List.of("gradingPeriod", "semester", "schoolYear", "term");
    static final List<String> USER_ROLES = List.of("administrator", "aide", "guardian", "parent", "proctor", "relative",
            "student", "teacher");
    static final List<String> ENROLLMENT_ROLES = List.of("administrator", "proctor", "student", "teacher");

    private V1p1Files() {
    }
}
