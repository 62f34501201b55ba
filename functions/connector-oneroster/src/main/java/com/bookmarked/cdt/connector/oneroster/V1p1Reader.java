package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.connector.oneroster.CsvTable.BadValue;
import com.bookmarked.cdt.connector.oneroster.CsvTable.Row;
import com.bookmarked.cdt.core.roster.AcademicSession;
import com.bookmarked.cdt.core.roster.Course;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the files of a OneRoster 1.1 CSV export into a snapshot builder. Values a record cannot do
 * without (ids, roles, dates, booleans) must parse or the row is skipped and reported; values that
 * are merely missing (a name, a grade) stay empty, for the Missing Data Finder to report.
 */
final class V1p1Reader {

    private final CsvSource source;
    private final Manifest manifest;
    private final RosterSnapshot.Builder builder;
    private final Problems problems;
    private final Map<String, Integer> rowsRead = new LinkedHashMap<>();
    /** One String instance per id, shared by every record that mentions it. */
    private final Map<String, String> ids = new HashMap<>();

    V1p1Reader(CsvSource source, Manifest manifest, RosterSnapshot.Builder builder, Problems problems) {
        this.source = source;
        this.manifest = manifest;
        this.builder = builder;
        this.problems = problems;
    }

    Map<String, Integer> rowsRead() {
        return rowsRead;
    }

    void readAll() throws IOException {
        Map<String, LocalDate> birthDates = new HashMap<>();
        read(V1p1Files.DEMOGRAPHICS, row -> {
            String id = id(row.requiredCode("sourcedId"));
            status(row);
            LocalDate birth = date(row, "birthDate");
            if (birth != null) {
                birthDates.put(id, birth);
            }
        });
        Set<String> seen = new HashSet<>();
        read(V1p1Files.ORGS, row -> {
            String id = unique(row, seen);
            String type = vocabulary(row, "type", V1p1Files.ORG_TYPES, true);
            Org.OrgType orgType = switch (type) {
                case "district" -> Org.OrgType.DISTRICT;
                case "school" -> Org.OrgType.SCHOOL;
                default -> Org.OrgType.OTHER;
            };
            builder.org(new Org(id, id, row.text("name"), orgType, row.code("identifier"), id(row.code("parentSourcedId")),
                    status(row)));
        });
        seen.clear();
        read(V1p1Files.ACADEMIC_SESSIONS, row -> {
            String id = unique(row, seen);
            String type = vocabulary(row, "type", V1p1Files.SESSION_TYPES, false);
            builder.academicSession(new AcademicSession(id, row.text("title"), type, date(row, "startDate"),
                    date(row, "endDate"), id(row.code("parentSourcedId")), status(row)));
        });
        seen.clear();
        read(V1p1Files.COURSES, row -> {
            String id = unique(row, seen);
            builder.course(new Course(id, row.text("title"), id(row.code("orgSourcedId")), status(row)));
        });
        seen.clear();
        read(V1p1Files.CLASSES, row -> {
            String id = unique(row, seen);
            builder.rosterClass(new RosterClass(id, id, row.text("title"), id(row.code("schoolSourcedId")),
                    id(row.code("courseSourcedId")), list(row, "termSourcedIds"), status(row)));
        });
        seen.clear();
        read(V1p1Files.USERS, row -> {
            String id = unique(row, seen);
            RoleType role = RoleType.fromOneRoster(vocabulary(row, "role", V1p1Files.USER_ROLES, true));
            boolean enabled = bool(row, "enabledUser", true);
            RecordStatus status = status(row);
            Instant modified = instant(row);
            builder.user(new RosterUser(id, id, role, row.code("identifier"), row.text("givenName"), row.text("familyName"),
                    row.text("email"), row.text("username"), list(row, "grades"), list(row, "orgSourcedIds"),
                    list(row, "agentSourcedIds"), birthDates.get(id), enabled, status, modified));
        });
        seen.clear();
        read(V1p1Files.ENROLLMENTS, row -> {
            String id = row.requiredCode("sourcedId");
            RoleType role = RoleType.fromOneRoster(vocabulary(row, "role", V1p1Files.ENROLLMENT_ROLES, true));
            builder.enrollment(new Enrollment(id, id(row.requiredCode("classSourcedId")), id(row.requiredCode("userSourcedId")),
                    id(row.code("schoolSourcedId")), role, bool(row, "primary", false), date(row, "beginDate"),
                    date(row, "endDate"), status(row)));
        });
    }

    private void read(FileSpec file, CsvTable.RowReader reader) throws IOException {
        Manifest.Mode mode = manifest.mode(file);
        if (mode == Manifest.Mode.ABSENT) {
            return;
        }
        try (InputStream in = source.open(file.fileName())) {
            if (in == null) {
                if (manifest.mentions(file)) {
                    throw new OneRosterFormatException("manifest.csv lists " + file.fileName() + " as " + mode.name().toLowerCase(Locale.ROOT)
                            + " but the export does not contain that file.");
                }
                return;
            }
            try (CsvTable table = CsvTable.open(file, in, problems)) {
                rowsRead.put(file.fileName(), table.forEach(reader));
            }
        }
    }

    private String id(String value) {
        if (value == null) {
            return null;
        }
        String known = ids.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    private String unique(Row row, Set<String> seen) throws BadValue {
        String id = id(row.requiredCode("sourcedId"));
        if (!seen.add(id)) {
            throw new BadValue("sourcedId", id, "this sourcedId already appeared earlier in the file");
        }
        return id;
    }

    private List<String> list(Row row, String column) {
        String value = row.code(column);
        if (value == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>(2);
        for (String part : value.split(",")) {
            String item = part.trim();
            if (!item.isEmpty()) {
                items.add(id(item));
            }
        }
        return items;
    }

    private static String vocabulary(Row row, String column, List<String> allowed, boolean lowerCase) throws BadValue {
        String value = row.requiredCode(column);
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return lowerCase ? a.toLowerCase(Locale.ROOT) : a;
            }
        }
        throw new BadValue(column, value, "not a OneRoster 1.1 " + column + " (expected one of " + String.join(", ", allowed) + ")");
    }

    private static boolean bool(Row row, String column, boolean required) throws BadValue {
        String value = row.code(column);
        if (value == null && !required) {
            return false;
        }
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new BadValue(column, value, value == null ? column + " is empty; it must be true or false" : "must be true or false");
    }

    private static LocalDate date(Row row, String column) throws BadValue {
        String value = row.code(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadValue(column, value, "not a date (expected YYYY-MM-DD)");
        }
    }

    private static RecordStatus status(Row row) throws BadValue {
        String value = row.code("status");
        try {
            return RecordStatus.fromOneRoster(value);
        } catch (IllegalArgumentException e) {
            throw new BadValue("status", value, "not a OneRoster status (expected active or tobedeleted)");
        }
    }

    private static Instant instant(Row row) throws BadValue {
        String value = row.code("dateLastModified");
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadValue("dateLastModified", value, "not a date-time (expected e.g. 2026-11-15T06:00:00Z)");
        }
    }
}
