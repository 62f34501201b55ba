package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.core.roster.AcademicSession;
import com.bookmarked.cdt.core.roster.Course;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps OneRoster 1.1 and 1.2 JSON records to the roster model, by the CSV reader's rules: values a
 * record cannot do without (sourcedId, role, type, enabledUser, references of an enrollment,
 * dates that are present) must be readable or the record is skipped and reported; values that
 * are merely missing (a name, a grade) stay empty for the Missing Data Finder. On top of the CSV
 * rules, JSON brings references as objects ({@code {"sourcedId": …}}), booleans as JSON
 * booleans or as "true"/"false", dates that some servers write as date-times (their date part is
 * used), and, in 1.2, roles per org instead of one role. Safe to use from several threads.
 */
final class RosterJson {

    /** A record that cannot be used; it is skipped and reported. */
    static final class BadRecord extends Exception {
        final String field;

        BadRecord(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    static final List<String> ORG_TYPES = List.of("department", "school", "district", "local", "state", "national");
    static final List<String> SESSION_TYPES = List.of("gradingPeriod", "semester", "schoolYear", "term");
    static final List<String> USER_ROLES_1_1 = List.of("administrator", "aide", "guardian", "parent", "proctor",
            "relative", "student", "teacher");
    static final List<String> USER_ROLES_1_2 = List.of("aide", "counselor", "districtAdministrator", "guardian", "parent",
            "principal", "proctor", "relative", "siteAdministrator", "student", "systemAdministrator", "teacher");
    static final List<String> ENROLLMENT_ROLES = List.of("administrator", "proctor", "student", "teacher");

    private final RestVersion version;
    /** One String instance per id, shared by every record that mentions it. */
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    RosterJson(RestVersion version) {
        this.version = version;
    }

    /** A demographics record: the user's sourcedId and birth date (null when not given). */
    record Demographic(String sourcedId, LocalDate birthDate) {
    }

    static String sourcedId(JsonNode record) {
        JsonNode id = record.get("sourcedId");
        return id != null && id.isValueNode() && !id.asText().isBlank() ? id.asText().trim() : null;
    }

    Demographic demographic(JsonNode n) throws BadRecord {
        String id = requiredId(n);
        status(n);
        return new Demographic(id, date(n, "birthDate"));
    }

    Org org(JsonNode n) throws BadRecord {
        String id = requiredId(n);
        String type = vocabulary(n, "type", ORG_TYPES, true);
        Org.OrgType orgType = switch (type) {
            case "district" -> Org.OrgType.DISTRICT;
            case "school" -> Org.OrgType.SCHOOL;
            default -> Org.OrgType.OTHER;
        };
        return new Org(id, id, text(n, "name"), orgType, code(n, "identifier"), ref(n, "parent"), status(n));
    }

    AcademicSession academicSession(JsonNode n) throws BadRecord {
        String id = requiredId(n);
        String type = vocabulary(n, "type", SESSION_TYPES, false);
        return new AcademicSession(id, text(n, "title"), type, date(n, "startDate"), date(n, "endDate"),
                ref(n, "parent"), status(n));
    }

    Course course(JsonNode n) throws BadRecord {
        String id = requiredId(n);
        return new Course(id, text(n, "title"), ref(n, "org"), status(n));
    }

    RosterClass rosterClass(JsonNode n) throws BadRecord {
        String id = requiredId(n);
        return new RosterClass(id, id, text(n, "title"), ref(n, "school"), ref(n, "course"), refs(n, "terms"), status(n));
    }

    RosterUser user(JsonNode n, Map<String, LocalDate> birthDates) throws BadRecord {
        String id = requiredId(n);
        RoleType role;
        List<String> orgs = new ArrayList<>(2);
        JsonNode roles = n.get("roles");
        if (roles != null && roles.isArray()) {
            role = rolesOf(roles, ref(n, "primaryOrg"), orgs);
        } else {
            role = RoleType.fromOneRoster(vocabulary(n, "role", userRoles(), true));
            orgs.addAll(refs(n, "orgs"));
        }
        boolean enabled = bool(n, "enabledUser", true);
        RecordStatus status = status(n);
        Instant modified = instant(n, "dateLastModified");
        return new RosterUser(id, id, role, code(n, "identifier"), text(n, "givenName"), text(n, "familyName"),
                text(n, "email"), text(n, "username"), strings(n, "grades"), orgs, refs(n, "agents"),
                birthDates.get(id), enabled, status, modified);
    }

    Enrollment enrollment(JsonNode n) throws BadRecord {
        String id = requiredId(n);
        RoleType role = RoleType.fromOneRoster(vocabulary(n, "role", ENROLLMENT_ROLES, true));
        String classId = ref(n, "class");
        if (classId == null) {
            throw new BadRecord("class", "class.sourcedId is missing but OneRoster requires it");
        }
        String userId = ref(n, "user");
        if (userId == null) {
            throw new BadRecord("user", "user.sourcedId is missing but OneRoster requires it");
        }
        return new Enrollment(id, classId, userId, ref(n, "school"), role, bool(n, "primary", false),
                date(n, "beginDate"), date(n, "endDate"), status(n));
    }

    /**
     * OneRoster 1.2 roles: the primary role is the user's role; the orgs are the primary org
     * first, then each role's org in the order given, primary roles first.
     */
    private RoleType rolesOf(JsonNode roles, String primaryOrg, List<String> orgs) throws BadRecord {
        String primaryRole = null;
        String firstRole = null;
        List<String> primaryOrgs = new ArrayList<>(2);
        List<String> otherOrgs = new ArrayList<>(2);
        for (JsonNode r : roles) {
            String name = vocabulary(r, "role", userRoles(), true);
            boolean primary = "primary".equalsIgnoreCase(r.path("roleType").asText(""));
            if (firstRole == null) {
                firstRole = name;
            }
            if (primary && primaryRole == null) {
                primaryRole = name;
            }
            String org = ref(r, "org");
            if (org != null) {
                (primary ? primaryOrgs : otherOrgs).add(org);
            }
        }
        String role = primaryRole != null ? primaryRole : firstRole;
        if (role == null) {
            throw new BadRecord("roles", "the user has no role, but OneRoster requires one");
        }
        if (primaryOrg != null) {
            orgs.add(primaryOrg);
        }
        for (String org : primaryOrgs) {
            if (!orgs.contains(org)) {
                orgs.add(org);
            }
        }
        for (String org : otherOrgs) {
            if (!orgs.contains(org)) {
                orgs.add(org);
            }
        }
        return RoleType.fromOneRoster(role);
    }

    private List<String> userRoles() {
        return version == RestVersion.V1_2 ? USER_ROLES_1_2 : USER_ROLES_1_1;
    }

    private String requiredId(JsonNode n) throws BadRecord {
        String id = sourcedId(n);
        if (id == null) {
            throw new BadRecord("sourcedId", "sourcedId is missing but OneRoster requires it");
        }
        return id(id);
    }

    private String id(String value) {
        if (value == null) {
            return null;
        }
        String known = ids.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    /** A value as written, or null when absent, null or blank. */
    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    /** An identifier or code: trimmed, null when blank. */
    private static String code(JsonNode n, String field) {
        String s = text(n, field);
        return s == null ? null : s.trim();
    }

    /** The sourcedId of a reference ({@code {"href", "sourcedId", "type"}}), or null. */
    private String ref(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return id(v.isObject() ? sourcedId(v) : code(n, field));
    }

    private List<String> refs(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray() || v.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode item : v) {
            String id = item.isObject() ? sourcedId(item) : item.isValueNode() && !item.asText().isBlank() ? item.asText().trim() : null;
            if (id != null) {
                out.add(id(id));
            }
        }
        return out;
    }

    /** A list of strings: a JSON array, or a comma-separated string as some 1.1 servers send. */
    private List<String> strings(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (item.isValueNode() && !item.asText().isBlank()) {
                    out.add(id(item.asText().trim()));
                }
            }
        } else if (v.isValueNode()) {
            for (String part : v.asText().split(",")) {
                if (!part.isBlank()) {
                    out.add(id(part.trim()));
                }
            }
        }
        return out;
    }

    private String vocabulary(JsonNode n, String field, List<String> allowed, boolean lowerCase) throws BadRecord {
        String value = code(n, field);
        if (value == null) {
            throw new BadRecord(field, field + " is missing but OneRoster requires it");
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return lowerCase ? a.toLowerCase(Locale.ROOT) : a;
            }
        }
        if (version == RestVersion.V1_2 && value.startsWith("ext:") && value.length() > 4) {
            return value;
        }
        throw new BadRecord(field, "not a OneRoster " + version.label() + " " + field + " (expected one of "
                + String.join(", ", allowed) + (version == RestVersion.V1_2 ? ", or an ext: value" : "") + ")");
    }

    private static boolean bool(JsonNode n, String field, boolean required) throws BadRecord {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (!required) {
                return false;
            }
            throw new BadRecord(field, field + " is missing; it must be true or false");
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String s = v.asText().trim();
        if ("true".equalsIgnoreCase(s)) {
            return true;
        }
        if ("false".equalsIgnoreCase(s)) {
            return false;
        }
        throw new BadRecord(field, "must be true or false");
    }

    private static LocalDate date(JsonNode n, String field) throws BadRecord {
        String value = code(n, field);
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value) : OffsetDateTime.parse(value).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new BadRecord(field, "not a date (expected YYYY-MM-DD)");
        }
    }

    private static Instant instant(JsonNode n, String field) throws BadRecord {
        String value = code(n, field);
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRecord(field, "not a date-time (expected e.g. 2026-11-15T06:00:00Z)");
        }
    }

    private static RecordStatus status(JsonNode n) throws BadRecord {
        String value = code(n, "status");
        try {
            return RecordStatus.fromOneRoster(value);
        } catch (IllegalArgumentException e) {
            throw new BadRecord("status", "not a OneRoster status (expected active or tobedeleted)");
        }
    }
}
