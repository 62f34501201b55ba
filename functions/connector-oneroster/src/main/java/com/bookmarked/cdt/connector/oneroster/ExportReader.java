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
import com.bookmarked.cdt.core.roster.UserRole;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the rostering files of a OneRoster 1.1 or 1.2 CSV export into a snapshot builder, one row
 * at a time. Values a record cannot do without (ids, roles, dates, booleans) must parse or the row
 * is skipped and reported; values that are merely missing (a name, a grade) stay empty, for the
 * Missing Data Finder to report. References between files (an enrollment's class and user, a
 * class's course, school and terms, ...) are checked when the file they point into was sent in
 * bulk: a reference that does not resolve is reported and the row kept, so that the tools see it.
 * Against a delta or absent file nothing can be checked, as the target may simply not have changed.
 */
final class ExportReader {

    private final CsvSource source;
    private final Manifest manifest;
    private final OneRosterFiles files;
    private final String version;
    private final RosterSnapshot.Builder builder;
    private final Problems problems;
    private final Map<String, Integer> rowsRead = new LinkedHashMap<>();
    private final Map<String, Manifest.Mode> modes = new LinkedHashMap<>();

    /** A file other files point into: its ids, and whether it was read whole (bulk), so that a miss is a problem. */
    private static final class Target {
        final FileSpec file;
        final String noun;
        Ids ids = new Ids();
        boolean complete;

        Target(FileSpec file, String noun) {
            this.file = file;
            this.noun = noun;
        }
    }

    private final Target orgs;
    private final Target sessions;
    private final Target courses;
    private final Target classes;
    private final Target users;
    private final List<Target> targets;
    /** The last dateLastModified read and its value: exports often stamp every row alike. */
    private String lastModifiedText;
    private Instant lastModified;
    /** Lists that many records share: a grade list by its text, a one-org list by the org. */
    private final Map<String, List<String>> gradeLists = new HashMap<>();
    private final Map<String, List<String>> oneIdLists = new HashMap<>();
    /** Names, one instance each up to a bound: a district's given and family names repeat a lot. */
    private final Map<String, String> names = new HashMap<>();
    private static final int MAX_SHARED = 100_000;

    /** The mode of the file being read. */
    private Manifest.Mode mode;
    private int statusColumn;
    private int modifiedColumn;

    private record Demographic(LocalDate birthDate, long line) {
    }

    private record RoleRow(long line, String orgSourcedId, RoleType role, String roleName, boolean primary,
                           LocalDate beginDate, LocalDate endDate, RecordStatus status) {
    }

    /** A reference to a record later in the same file, checked when the file is done. */
    private record Pending(long line, String column, String id) {
    }

    ExportReader(CsvSource source, Manifest manifest, RosterSnapshot.Builder builder, Problems problems) {
        this.source = source;
        this.manifest = manifest;
        this.files = manifest.version.files;
        this.version = manifest.version.label;
        this.builder = builder;
        this.problems = problems;
        this.orgs = new Target(files.orgs, "org");
        this.sessions = new Target(files.academicSessions, "academic session");
        this.courses = new Target(files.courses, "course");
        this.classes = new Target(files.classes, "class");
        this.users = new Target(files.users, "user");
        this.targets = List.of(orgs, sessions, courses, classes, users);
    }

    Map<String, Integer> rowsRead() {
        return rowsRead;
    }

    /** How each file that was read was sent (bulk or delta), by file name. */
    Map<String, String> modes() {
        Map<String, String> out = new LinkedHashMap<>();
        modes.forEach((file, m) -> out.put(file, m.name().toLowerCase(Locale.ROOT)));
        return out;
    }

    void readAll() throws IOException {
        Map<String, Demographic> demographics = readDemographics();
        readOrgs();
        readSessions();
        readCourses();
        readClasses();
        Map<String, List<RoleRow>> roles = files.roles == null ? null : readRoles();
        readUsers(demographics, roles);
        demographics.forEach((id, d) -> problems.rowKept(files.demographics.fileName(), d.line, "sourcedId", id,
                "no user in " + files.users.fileName() + " has this sourcedId" + orSkipped()));
        if (roles != null) {
            roles.forEach((id, rows) -> {
                for (RoleRow r : rows) {
                    problems.rowKept(files.roles.fileName(), r.line, "userSourcedId", id,
                            "no user in " + files.users.fileName() + " has this sourcedId" + orSkipped());
                }
            });
        }
        readEnrollments();
        if (files.userProfiles != null) {
            readUserProfiles();
        }
    }

    private static String orSkipped() {
        return " (or its row there was skipped)";
    }

    // ------------------------------------------------------------------ the files, in the order they are read

    private Map<String, Demographic> readDemographics() throws IOException {
        FileSpec file = files.demographics;
        Map<String, Demographic> byUser = new HashMap<>();
        Set<String> seen = new HashSet<>();
        read(file, table -> {
            int id = table.column("sourcedId");
            int birth = table.column("birthDate");
            int sex = table.column("sex");
            return row -> {
                String userId = row.requiredCode(id, "sourcedId");
                status(row);
                LocalDate birthDate = Values.date("birthDate", row.code(birth));
                String sexValue = row.code(sex);
                if (sexValue != null) {
                    Values.vocabulary("sex", sexValue, files.sexes, version);
                }
                modified(row);
                claim(row, userId, seen);
                byUser.put(userId, new Demographic(birthDate, row.line()));
            };
        });
        return byUser;
    }

    private void readOrgs() throws IOException {
        List<Pending> parents = new ArrayList<>();
        read(files.orgs, table -> {
            int id = table.column("sourcedId");
            int name = table.column("name");
            int type = table.column("type");
            int identifier = table.column("identifier");
            int parent = table.column("parentSourcedId");
            return row -> {
                String sourcedId = row.requiredCode(id, "sourcedId");
                String orgType = Values.vocabulary("type", row.requiredCode(type, "type"), OneRosterFiles.ORG_TYPES, version);
                RecordStatus status = status(row);
                modified(row);
                claim(row, sourcedId, orgs.ids);
                String parentId = forward(row, parent, "parentSourcedId", orgs, parents);
                builder.org(new Org(sourcedId, sourcedId, row.text(name), switch (orgType) {
                    case "district" -> Org.OrgType.DISTRICT;
                    case "school" -> Org.OrgType.SCHOOL;
                    default -> Org.OrgType.OTHER;
                }, row.code(identifier), parentId, status, row.extensions()));
            };
        });
        resolve(files.orgs, parents, orgs);
    }

    private void readSessions() throws IOException {
        List<Pending> parents = new ArrayList<>();
        read(files.academicSessions, table -> {
            int id = table.column("sourcedId");
            int title = table.column("title");
            int type = table.column("type");
            int start = table.column("startDate");
            int end = table.column("endDate");
            int parent = table.column("parentSourcedId");
            return row -> {
                String sourcedId = row.requiredCode(id, "sourcedId");
                String sessionType = Values.vocabulary("type", row.requiredCode(type, "type"), OneRosterFiles.SESSION_TYPES, version);
                LocalDate startDate = Values.date("startDate", row.code(start));
                LocalDate endDate = Values.date("endDate", row.code(end));
                RecordStatus status = status(row);
                modified(row);
                claim(row, sourcedId, sessions.ids);
                if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
                    problems.rowKept(row.file(), row.line(), "endDate", row.code(end), "the session ends before it starts ("
                            + startDate + ")");
                }
                String parentId = forward(row, parent, "parentSourcedId", sessions, parents);
                builder.academicSession(new AcademicSession(sourcedId, row.text(title), sessionType, startDate, endDate,
                        parentId, status, row.extensions()));
            };
        });
        resolve(files.academicSessions, parents, sessions);
    }

    private void readCourses() throws IOException {
        read(files.courses, table -> {
            int id = table.column("sourcedId");
            int title = table.column("title");
            int org = table.column("orgSourcedId");
            int year = table.column("schoolYearSourcedId");
            return row -> {
                String sourcedId = row.requiredCode(id, "sourcedId");
                RecordStatus status = status(row);
                modified(row);
                claim(row, sourcedId, courses.ids);
                String orgId = reference(row, org, "orgSourcedId", orgs);
                reference(row, year, "schoolYearSourcedId", sessions);
                builder.course(new Course(sourcedId, row.text(title), orgId, status, row.extensions()));
            };
        });
    }

    private void readClasses() throws IOException {
        read(files.classes, table -> {
            int id = table.column("sourcedId");
            int title = table.column("title");
            int school = table.column("schoolSourcedId");
            int course = table.column("courseSourcedId");
            int terms = table.column("termSourcedIds");
            int classType = table.column("classType");
            return row -> {
                String sourcedId = row.requiredCode(id, "sourcedId");
                String type = row.code(classType);
                if (type != null) {
                    Values.vocabulary("classType", type, OneRosterFiles.CLASS_TYPES, version);
                }
                RecordStatus status = status(row);
                modified(row);
                claim(row, sourcedId, classes.ids);
                String schoolId = reference(row, school, "schoolSourcedId", orgs);
                String courseId = reference(row, course, "courseSourcedId", courses);
                List<String> termIds = references(row, terms, "termSourcedIds", sessions);
                builder.rosterClass(new RosterClass(sourcedId, sourcedId, row.text(title), schoolId, courseId, termIds,
                        status, row.extensions()));
            };
        });
    }

    /** 1.2: every user's roles, by user, to be joined to users.csv (read next). */
    private Map<String, List<RoleRow>> readRoles() throws IOException {
        FileSpec file = files.roles;
        Map<String, List<RoleRow>> byUser = new HashMap<>();
        Set<String> seen = new HashSet<>();
        read(file, table -> {
            int id = table.column("sourcedId");
            int user = table.column("userSourcedId");
            int roleType = table.column("roleType");
            int role = table.column("role");
            int org = table.column("orgSourcedId");
            int begin = table.column("beginDate");
            int end = table.column("endDate");
            return row -> {
                String sourcedId = row.requiredCode(id, "sourcedId");
                String userId = row.requiredCode(user, "userSourcedId");
                boolean primary = Values.vocabulary("roleType", row.requiredCode(roleType, "roleType"), OneRosterFiles.ROLE_TYPES,
                        version).equals("primary");
                String roleName = Values.vocabulary("role", row.requiredCode(role, "role"), files.userRoles, version);
                String orgId = row.requiredCode(org, "orgSourcedId");
                LocalDate beginDate = Values.date("beginDate", row.code(begin));
                LocalDate endDate = Values.date("endDate", row.code(end));
                RecordStatus status = status(row);
                modified(row);
                claim(row, sourcedId, seen);
                orgId = resolve(row, "orgSourcedId", orgId, orgs);
                byUser.computeIfAbsent(userId, k -> new ArrayList<>(1)).add(new RoleRow(row.line(), orgId,
                        RoleType.fromOneRoster(roleName), roleName, primary, beginDate, endDate, status));
            };
        });
        if (!modes.containsKey(file.fileName()) && manifest.mode(files.users) != Manifest.Mode.ABSENT
                && source.has(files.users.fileName())) {
            problems.file(file.fileName(), "the export has users.csv but no roles.csv, so CDT cannot tell students from "
                    + "staff or which schools they belong to (OneRoster 1.2 gives roles in roles.csv)");
        }
        return byUser;
    }

    private void readUsers(Map<String, Demographic> demographics, Map<String, List<RoleRow>> roles) throws IOException {
        List<Pending> agents = new ArrayList<>();
        boolean rolesInBulk = modes.get(files.roles == null ? "" : files.roles.fileName()) == Manifest.Mode.BULK;
        read(files.users, table -> {
            int id = table.column("sourcedId");
            int enabledUser = table.column("enabledUser");
            int role = table.column("role");
            int orgColumn = table.column("orgSourcedIds");
            int primaryOrg = table.column("primaryOrgSourcedId");
            int identifier = table.column("identifier");
            int givenName = table.column("givenName");
            int familyName = table.column("familyName");
            int middleName = table.column("middleName");
            int email = table.column("email");
            int username = table.column("username");
            int grades = table.column("grades");
            int agentIds = table.column("agentSourcedIds");
            int preferredGiven = table.column("preferredGivenName");
            int preferredMiddle = table.column("preferredMiddleName");
            int preferredFamily = table.column("preferredFamilyName");
            int master = table.column("userMasterIdentifier");
            return row -> {
                String sourcedId = row.requiredCode(id, "sourcedId");
                boolean enabled = Values.bool("enabledUser", row.code(enabledUser), true);
                RoleType roleType = roles == null
                        ? RoleType.fromOneRoster(Values.vocabulary("role", row.requiredCode(role, "role"), files.userRoles, version))
                        : null;
                RecordStatus status = status(row);
                Instant modified = modified(row);
                // nothing below skips the row: only now is the id the file's, and are its roles and birth date taken
                claim(row, sourcedId, users.ids);
                List<String> orgList;
                List<UserRole> userRoles;
                if (roles == null) {
                    // 1.1: the role and the orgs are in the user's row
                    orgList = references(row, orgColumn, "orgSourcedIds", orgs);
                    userRoles = List.of();
                } else {
                    List<RoleRow> rows = roles.remove(sourcedId);
                    userRoles = rows == null ? List.of() : toUserRoles(rows);
                    roleType = primaryRole(userRoles);
                    orgList = orgsOf(reference(row, primaryOrg, "primaryOrgSourcedId", orgs), userRoles);
                    if (rows == null && rolesInBulk) {
                        problems.rowKept(row.file(), row.line(), "sourcedId", sourcedId, "the user has no role in "
                                + files.roles.fileName() + ", so CDT cannot tell whether it is a student, staff or a guardian");
                    }
                }
                List<String> agentList = Values.list(row.code(agentIds));
                for (int i = 0; i < agentList.size(); i++) {
                    String agent = agentList.get(i);
                    String known = users.ids.find(agent);
                    if (known == null) {
                        agents.add(new Pending(row.line(), "agentSourcedIds", agent));
                    } else if (known != agent) {
                        if (agentList.size() == 1) {
                            agentList = List.of(known);
                        } else {
                            agentList = mutable(agentList);
                            agentList.set(i, known);
                        }
                    }
                }
                Demographic demographic = demographics.remove(sourcedId);
                builder.user(new RosterUser(sourcedId, sourcedId, roleType, row.code(identifier), name(row.text(givenName)),
                        name(row.text(familyName)), row.text(email), row.text(username), codes(row.code(grades)),
                        orgList, agentList, demographic == null ? null : demographic.birthDate, enabled, status, modified,
                        name(row.text(middleName)), name(row.text(preferredGiven)), name(row.text(preferredMiddle)),
                        name(row.text(preferredFamily)),
                        row.code(master), userRoles, row.extensions()));
            };
        });
        resolve(files.users, agents, users);
    }

    private static List<UserRole> toUserRoles(List<RoleRow> rows) {
        List<UserRole> out = new ArrayList<>(rows.size());
        for (RoleRow r : rows) {
            out.add(new UserRole(r.orgSourcedId, r.role, r.roleName, r.primary, r.beginDate, r.endDate, r.status));
        }
        return out;
    }

    /** The role of the primary role row that is not being deleted, else of the first such row. */
    private static RoleType primaryRole(List<UserRole> roles) {
        RoleType first = null;
        for (UserRole r : roles) {
            if (r.status() == RecordStatus.TOBEDELETED) {
                continue;
            }
            if (r.primary()) {
                return r.role();
            }
            if (first == null) {
                first = r.role();
            }
        }
        return first == null ? RoleType.OTHER : first;
    }

    /** primaryOrgSourcedId first, then the orgs of the primary role and of the other roles, once each. */
    private static List<String> orgsOf(String primaryOrg, List<UserRole> roles) {
        List<String> orgs = new ArrayList<>(2);
        if (primaryOrg != null) {
            orgs.add(primaryOrg);
        }
        for (int pass = 0; pass < 2; pass++) {
            for (UserRole r : roles) {
                if (r.status() != RecordStatus.TOBEDELETED && r.primary() == (pass == 0) && r.orgSourcedId() != null
                        && !orgs.contains(r.orgSourcedId())) {
                    orgs.add(r.orgSourcedId());
                }
            }
        }
        return orgs;
    }

    private void readEnrollments() throws IOException {
        Set<String> seen = new HashSet<>();
        read(files.enrollments, table -> {
            int id = table.column("sourcedId");
            int cls = table.column("classSourcedId");
            int user = table.column("userSourcedId");
            int school = table.column("schoolSourcedId");
            int role = table.column("role");
            int primary = table.column("primary");
            int begin = table.column("beginDate");
            int end = table.column("endDate");
            return row -> {
                String sourcedId = row.requiredCode(id, "sourcedId");
                String classId = row.requiredCode(cls, "classSourcedId");
                String userId = row.requiredCode(user, "userSourcedId");
                RoleType roleType = RoleType.fromOneRoster(Values.vocabulary("role", row.requiredCode(role, "role"),
                        files.enrollmentRoles, version));
                boolean isPrimary = Values.bool("primary", row.code(primary), false);
                LocalDate beginDate = Values.date("beginDate", row.code(begin));
                LocalDate endDate = Values.date("endDate", row.code(end));
                RecordStatus status = status(row);
                modified(row);
                claim(row, sourcedId, seen);
                classId = resolve(row, "classSourcedId", classId, classes);
                userId = resolve(row, "userSourcedId", userId, users);
                String schoolId = reference(row, school, "schoolSourcedId", orgs);
                if (beginDate != null && endDate != null && endDate.isBefore(beginDate)) {
                    problems.rowKept(row.file(), row.line(), "endDate", row.code(end), "the enrollment ends before it begins ("
                            + beginDate + ")");
                }
                builder.enrollment(new Enrollment(sourcedId, classId, userId, schoolId, roleType, isPrimary, beginDate, endDate,
                        status, row.extensions()));
            };
        });
    }

    /** 1.2: checked (the user it belongs to) and counted; the tools have no use for other systems' accounts. */
    private void readUserProfiles() throws IOException {
        Set<String> seen = new HashSet<>();
        read(files.userProfiles, table -> {
            int id = table.column("sourcedId");
            int user = table.column("userSourcedId");
            return row -> {
                String sourcedId = row.requiredCode(id, "sourcedId");
                String userId = row.requiredCode(user, "userSourcedId");
                status(row);
                modified(row);
                claim(row, sourcedId, seen);
                resolve(row, "userSourcedId", userId, users);
            };
        });
    }

    // ------------------------------------------------------------------ reading a file

    private interface Columns {
        CsvTable.RowReader bind(CsvTable table);
    }

    private void read(FileSpec file, Columns columns) throws IOException {
        Manifest.Mode fileMode = manifest.mode(file);
        if (fileMode == Manifest.Mode.ABSENT) {
            if (source.has(file.fileName())) {
                problems.file(file.fileName(), "the export has this file but manifest.csv says it is absent, so CDT did not read it");
            }
            return;
        }
        try (InputStream in = source.open(file.fileName())) {
            if (in == null) {
                if (manifest.mentions(file)) {
                    throw new OneRosterFormatException("manifest.csv lists " + file.fileName() + " as "
                            + fileMode.name().toLowerCase(Locale.ROOT) + " but the export does not contain that file.");
                }
                return;
            }
            try (CsvTable table = CsvTable.open(file, in, problems)) {
                mode = fileMode;
                statusColumn = table.column("status");
                modifiedColumn = table.column("dateLastModified");
                if (fileMode == Manifest.Mode.DELTA && (statusColumn < 0 || modifiedColumn < 0)) {
                    throw new OneRosterFormatException(file.fileName() + " is sent as a delta but has no "
                            + (statusColumn < 0 ? "status" : "dateLastModified")
                            + " column; a delta must say of each row whether it is active or to be deleted, and when it changed.");
                }
                for (Target t : targets) {
                    if (t.file == file) {
                        t.ids = new Ids(source.size(file.fileName()) / 48);
                    }
                }
                rowsRead.put(file.fileName(), table.forEach(columns.bind(table)));
                modes.put(file.fileName(), fileMode);
                for (Target t : targets) {
                    if (t.file == file) {
                        t.complete = fileMode == Manifest.Mode.BULK;
                    }
                }
            }
        }
    }

    /**
     * Makes a row's sourcedId the file's, once the row is known to be kept (so that a skipped row's
     * id does not count as there); a second row with the id stops the import.
     */
    private static void claim(Row row, String id, Ids ids) throws DuplicateId {
        if (!ids.add(id)) {
            throw new DuplicateId(row.file(), row.line(), id);
        }
    }

    private static void claim(Row row, String id, Set<String> seen) throws DuplicateId {
        if (!seen.add(id)) {
            throw new DuplicateId(row.file(), row.line(), id);
        }
    }

    private RecordStatus status(Row row) throws BadValue {
        String value = row.code(statusColumn);
        if (value == null && mode == Manifest.Mode.DELTA) {
            throw new BadValue("status", null, "status is empty, but in a delta file every row must say active or tobedeleted");
        }
        return Values.status(value);
    }

    private Instant modified(Row row) throws BadValue {
        String value = row.code(modifiedColumn);
        if (value == null) {
            if (mode == Manifest.Mode.DELTA) {
                problems.rowKept(row.file(), row.line(), "dateLastModified", null,
                        "dateLastModified is empty, but a delta file must say when each row changed");
            }
            return null;
        }
        if (!value.equals(lastModifiedText)) {
            lastModified = Values.dateTime("dateLastModified", value);
            lastModifiedText = value;
        }
        return lastModified;
    }

    /** Grades: the same few lists over and over, so one list instance per distinct text. */
    private List<String> codes(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> known = gradeLists.get(value);
        if (known != null) {
            return known;
        }
        List<String> list = List.copyOf(Values.list(value));
        if (gradeLists.size() < MAX_SHARED) {
            gradeLists.put(value, list);
        }
        return list;
    }

    private String name(String value) {
        if (value == null) {
            return null;
        }
        String known = names.get(value);
        if (known != null) {
            return known;
        }
        if (names.size() < MAX_SHARED) {
            names.put(value, value);
        }
        return value;
    }

    private static List<String> mutable(List<String> list) {
        return list instanceof ArrayList<String> ? list : new ArrayList<>(list);
    }

    /** Reads a reference column and checks it; returns the shared id, or null when blank. */
    private String reference(Row row, int column, String name, Target target) {
        String value = row.code(column);
        return value == null ? null : resolve(row, name, value, target);
    }

    /** A comma-separated list of references, each checked. */
    private List<String> references(Row row, int column, String name, Target target) {
        String value = row.code(column);
        if (value == null) {
            return List.of();
        }
        if (value.indexOf(',') < 0) {
            String id = resolve(row, name, value, target);
            // only ids the target has are shared, so that a typo cannot fill the table
            List<String> one = oneIdLists.get(id);
            if (one == null) {
                one = List.of(id);
                if (oneIdLists.size() < MAX_SHARED && target.ids.find(id) == id) {
                    oneIdLists.put(id, one);
                }
            }
            return one;
        }
        List<String> ids = mutable(Values.list(value));
        for (int i = 0; i < ids.size(); i++) {
            ids.set(i, resolve(row, name, ids.get(i), target));
        }
        return ids;
    }

    /** The shared instance of an id another file holds; reported (and returned as is) when that file, read whole, lacks it. */
    private String resolve(Row row, String column, String id, Target target) {
        String known = target.ids.find(id);
        if (known != null) {
            return known;
        }
        if (target.complete) {
            problems.rowKept(row.file(), row.line(), column, id, "there is no " + target.noun + " with this sourcedId in "
                    + target.file.fileName() + orSkipped());
        }
        return id;
    }

    /** A reference to the file being read, which may point at a later row: kept pending when not yet seen. */
    private String forward(Row row, int column, String name, Target target, List<Pending> pending) {
        String id = row.code(column);
        if (id == null) {
            return null;
        }
        String known = target.ids.find(id);
        if (known != null) {
            return known;
        }
        pending.add(new Pending(row.line(), name, id));
        return id;
    }

    private void resolve(FileSpec file, List<Pending> pending, Target target) {
        if (!target.complete) {
            return;
        }
        for (Pending p : pending) {
            if (!target.ids.contains(p.id)) {
                problems.rowKept(file.fileName(), p.line, p.column, p.id, "there is no " + target.noun
                        + " with this sourcedId in " + target.file.fileName() + orSkipped());
            }
        }
    }

    /** A sourcedId a file already had: the file cannot be trusted, so the import stops. */
    static final class DuplicateId extends BadValue {
        DuplicateId(String file, long line, String id) {
            super(true, "sourcedId", id, file + " has the sourcedId \"" + Problems.printable(id) + "\" twice (again at line " + line
                    + "); sourcedIds must be unique within a file, so CDT cannot tell which row is right. "
                    + "The district's export needs fixing.");
        }
    }
}
