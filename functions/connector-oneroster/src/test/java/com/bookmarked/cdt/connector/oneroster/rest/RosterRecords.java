package com.bookmarked.cdt.connector.oneroster.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OneRoster records as a SIS's API sends them, shaped after the 1.2 OpenAPI description
 * (UserDType, OrgDType, …) and the 1.1 JSON binding: references as {href, sourcedId, type},
 * booleans as "true"/"false", 1.1 users with one role and their orgs, 1.2 users with roles per org.
 * The people are made up.
 */
public final class RosterRecords {

    static final ObjectMapper JSON = new ObjectMapper();
    public static final String SCHOOL_A = "org-school-a";
    public static final String SCHOOL_B = "org-school-b";
    public static final String DISTRICT = "org-district";

    private final String base;
    private final RestVersion version;

    /** @param base the API base the hrefs point into */
    public RosterRecords(String base, RestVersion version) {
        this.base = base;
        this.version = version;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> ref(String collection, String id, String type) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("href", base + "/" + collection + "/" + id);
        ref.put("sourcedId", id);
        ref.put("type", type);
        return ref;
    }

    private static Map<String, Object> common(String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sourcedId", id);
        m.put("status", "active");
        m.put("dateLastModified", "2026-09-01T06:00:00.000Z");
        return m;
    }

    public static String studentId(int i) {
        return String.format("stu-%06d", i);
    }

    /** A student, as JSON; every tenth is at school B. */
    public String student(int i) {
        String school = i % 10 == 0 ? SCHOOL_B : SCHOOL_A;
        Map<String, Object> u = common(studentId(i));
        u.put("username", "student" + i);
        u.put("userIds", List.of(Map.of("type", "SIS", "identifier", "S" + i)));
        u.put("enabledUser", "true");
        u.put("givenName", "Given" + i);
        u.put("familyName", "Family" + i);
        u.put("middleName", "");
        u.put("identifier", "S" + i);
        u.put("email", "student" + i + "@students.example.org");
        u.put("agents", List.of(ref("users", "grd-" + i, "user")));
        u.put("grades", List.of(String.format("%02d", 1 + i % 12)));
        if (version == RestVersion.V1_1) {
            u.put("role", "student");
            u.put("orgs", List.of(ref("orgs", school, "org")));
        } else {
            u.put("userMasterIdentifier", "M" + i);
            u.put("preferredFirstName", "Pref" + i);
            u.put("roles", List.of(Map.of("roleType", "primary", "role", "student", "org", ref("orgs", school, "org"))));
            u.put("primaryOrg", ref("orgs", school, "org"));
        }
        return json(u);
    }

    public List<String> students(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            out.add(student(i));
        }
        return out;
    }

    /** A teacher at school A who also teaches at school B (a secondary role in 1.2). */
    public String teacher(String id) {
        Map<String, Object> u = common(id);
        u.put("username", id);
        u.put("enabledUser", "true");
        u.put("givenName", "Teacher");
        u.put("familyName", id);
        if (version == RestVersion.V1_1) {
            u.put("role", "teacher");
            u.put("orgs", List.of(ref("orgs", SCHOOL_A, "org"), ref("orgs", SCHOOL_B, "org")));
        } else {
            u.put("roles", List.of(
                    Map.of("roleType", "secondary", "role", "aide", "org", ref("orgs", SCHOOL_B, "org")),
                    Map.of("roleType", "primary", "role", "teacher", "org", ref("orgs", SCHOOL_A, "org"))));
        }
        return json(u);
    }

    public List<String> orgs() {
        Map<String, Object> district = common(DISTRICT);
        district.put("name", "Springfield Unified");
        district.put("type", "district");
        district.put("identifier", "D-1");
        Map<String, Object> a = common(SCHOOL_A);
        a.put("name", "Springfield High");
        a.put("type", "school");
        a.put("identifier", "S-A");
        a.put("parent", ref("orgs", DISTRICT, "org"));
        Map<String, Object> b = common(SCHOOL_B);
        b.put("name", "Shelbyville Middle");
        b.put("type", "school");
        b.put("identifier", "S-B");
        b.put("parent", ref("orgs", DISTRICT, "org"));
        return List.of(json(district), json(a), json(b));
    }

    public List<String> academicSessions() {
        Map<String, Object> year = common("as-2026");
        year.put("title", "2026-2027");
        year.put("type", "schoolYear");
        year.put("startDate", "2026-08-15");
        year.put("endDate", "2027-06-15");
        year.put("schoolYear", "2027");
        Map<String, Object> term = common("as-2026-t1");
        term.put("title", "Fall");
        term.put("type", "term");
        term.put("startDate", "2026-08-15");
        term.put("endDate", "2026-12-20");
        term.put("parent", ref("academicSessions", "as-2026", "academicSession"));
        term.put("schoolYear", "2027");
        return List.of(json(year), json(term));
    }

    public List<String> courses() {
        Map<String, Object> c = common("crs-math");
        c.put("title", "Algebra I");
        c.put("courseCode", "MATH1");
        c.put("org", ref("orgs", SCHOOL_A, "org"));
        c.put("schoolYear", ref("academicSessions", "as-2026", "academicSession"));
        return List.of(json(c));
    }

    public List<String> classes() {
        Map<String, Object> c = common("cls-math-1");
        c.put("title", "Algebra I - P1");
        c.put("classType", "scheduled");
        c.put("course", ref("courses", "crs-math", "course"));
        c.put("school", ref("orgs", SCHOOL_A, "org"));
        c.put("terms", List.of(ref("academicSessions", "as-2026-t1", "academicSession")));
        return List.of(json(c));
    }

    public String enrollment(String id, String userId, String role) {
        Map<String, Object> e = common(id);
        e.put("user", ref("users", userId, "user"));
        e.put("class", ref("classes", "cls-math-1", "class"));
        e.put("school", ref("orgs", SCHOOL_A, "org"));
        e.put("role", role);
        e.put("primary", "teacher".equals(role) ? "true" : "false");
        e.put("beginDate", "2026-08-15");
        return json(e);
    }

    public List<String> enrollments(int students) {
        List<String> out = new ArrayList<>();
        out.add(enrollment("enr-t1", "tch-1", "teacher"));
        for (int i = 1; i <= students; i++) {
            out.add(enrollment("enr-" + i, studentId(i), "student"));
        }
        return out;
    }

    public String demographic(int i) {
        Map<String, Object> d = common(studentId(i));
        d.put("birthDate", String.format("2012-%02d-%02d", 1 + i % 12, 1 + i % 28));
        d.put("sex", i % 2 == 0 ? "female" : "male");
        return json(d);
    }

    public List<String> demographics(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            out.add(demographic(i));
        }
        return out;
    }

    /** A small district: three orgs, two sessions, a course, a class, one teacher and {@code students} students. */
    public void fill(FakeSis sis, String basePath, int students) {
        List<String> users = new ArrayList<>(students(students));
        users.add(teacher("tch-1"));
        sis.collection(basePath, "orgs", orgs())
                .collection(basePath, "academicSessions", academicSessions())
                .collection(basePath, "courses", courses())
                .collection(basePath, "classes", classes())
                .collection(basePath, "users", users)
                .collection(basePath, "enrollments", enrollments(students))
                .collection(basePath, "demographics", demographics(students));
    }
}
