package com.bookmarked.cdt.connector.oneroster.rest;

/** The OneRoster collections CDT reads; the endpoint path and the JSON list's name are the same in 1.1 and 1.2. */
public enum RosterCollection {
    DEMOGRAPHICS("demographics", "demographics records"),
    ORGS("orgs", "orgs"),
    ACADEMIC_SESSIONS("academicSessions", "academic sessions"),
    COURSES("courses", "courses"),
    CLASSES("classes", "classes"),
    USERS("users", "users"),
    ENROLLMENTS("enrollments", "enrollments");

    private final String path;
    private final String noun;

    RosterCollection(String path, String noun) {
        this.path = path;
        this.noun = noun;
    }

    /** The endpoint under the base URL, and the name of the list in its JSON answer. */
    public String path() {
        return path;
    }

    /** What an agent calls them: "academic sessions". */
    public String noun() {
        return noun;
    }
}
