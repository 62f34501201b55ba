package com.bookmarked.cdt.connector.bookmarked;

import com.bookmarked.cdt.connector.bookmarked.Mapping.Query;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.GuardianEmailElsewhere;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotMeta;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns our database's rows for one customer into an "ours" snapshot, running only the mapping's
 * named queries inside one read-only, repeatable-read transaction so that every query sees the
 * same moment of the database.
 */
public final class BookmarkedSnapshotReader {

    private static final int FETCH_SIZE = 5_000;

    private final ReadOnlyDatabase database;
    private final Mapping mapping;
    private final Clock clock;

    public BookmarkedSnapshotReader(ReadOnlyDatabase database, Mapping mapping, Clock clock) {
        this.database = database;
        this.mapping = mapping;
        this.clock = clock;
    }

    public RosterSnapshot read(String customerId, String customerKey, Progress progress) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return read(connection, customerId, customerKey, progress);
            } finally {
                connection.rollback();
            }
        }
    }

    private RosterSnapshot read(Connection c, String customerId, String customerKey, Progress progress)
            throws SQLException {
        Instant lastSync = null;
        if (mapping.query(Query.CUSTOMER) != null) {
            List<Instant> found = new ArrayList<>(1);
            each(c, Query.CUSTOMER, customerKey, rs -> found.add(instant(rs.getTimestamp("last_roster_sync_at"))));
            if (found.isEmpty()) {
                throw new UnknownCustomerException(customerKey, database.instance());
            }
            lastSync = found.get(0);
        }
        var snapshot = RosterSnapshot.builder(new SnapshotMeta(customerId, SnapshotSide.OURS,
                "bookmarked:" + database.instance(), clock.instant(), lastSync));

        progress.report("Reading our campuses", 5);
        each(c, Query.CAMPUSES, customerKey, rs -> snapshot.org(new Org(rs.getString("campus_key"),
                rs.getString("sis_org_id"), rs.getString("name"), Org.OrgType.SCHOOL, null, null, RecordStatus.ACTIVE)));

        progress.report("Reading our guardian links", 10);
        Map<String, List<String>> guardiansOfStudent = new HashMap<>();
        Map<String, List<String>> studentsOfGuardian = new HashMap<>();
        each(c, Query.GUARDIAN_LINKS, customerKey, rs -> {
            String student = rs.getString("student_key");
            String guardian = rs.getString("guardian_key");
            guardiansOfStudent.computeIfAbsent(student, k -> new ArrayList<>(2)).add(guardian);
            studentsOfGuardian.computeIfAbsent(guardian, k -> new ArrayList<>(2)).add(student);
        });

        progress.report("Reading our students", 20);
        each(c, Query.STUDENTS, customerKey, rs -> {
            String key = rs.getString("student_key");
            String grade = rs.getString("grade");
            String campus = rs.getString("campus_key");
            snapshot.user(new RosterUser(key, rs.getString("sis_id"), RoleType.STUDENT, rs.getString("local_number"),
                    rs.getString("given_name"), rs.getString("family_name"), rs.getString("email"), null,
                    grade == null ? List.of() : List.of(grade), campus == null ? List.of() : List.of(campus),
                    guardiansOfStudent.getOrDefault(key, List.of()), date(rs.getDate("birth_date")),
                    rs.getBoolean("active"), RecordStatus.ACTIVE, null));
        });

        progress.report("Reading our staff", 45);
        each(c, Query.STAFF, customerKey, rs -> {
            String campus = rs.getString("campus_key");
            snapshot.user(new RosterUser(rs.getString("staff_key"), rs.getString("sis_id"), RoleType.TEACHER, null,
                    rs.getString("given_name"), rs.getString("family_name"), rs.getString("email"), null, List.of(),
                    campus == null ? List.of() : List.of(campus), List.of(), null, rs.getBoolean("active"),
                    RecordStatus.ACTIVE, null));
        });

        progress.report("Reading our guardians", 55);
        each(c, Query.GUARDIANS, customerKey, rs -> {
            String key = rs.getString("guardian_key");
            snapshot.user(new RosterUser(key, rs.getString("sis_id"), RoleType.GUARDIAN, null,
                    rs.getString("given_name"), rs.getString("family_name"), rs.getString("email"), null, List.of(),
                    List.of(), studentsOfGuardian.getOrDefault(key, List.of()), null, true, RecordStatus.ACTIVE, null));
        });

        progress.report("Reading our classes", 70);
        Map<String, String> campusOfClass = new HashMap<>();
        each(c, Query.CLASSES, customerKey, rs -> {
            String key = rs.getString("class_key");
            String campus = rs.getString("campus_key");
            campusOfClass.put(key, campus);
            snapshot.rosterClass(new RosterClass(key, rs.getString("sis_id"), rs.getString("title"), campus, null,
                    List.of(), RecordStatus.ACTIVE));
        });

        progress.report("Reading our class members", 80);
        each(c, Query.CLASS_MEMBERS, customerKey, rs -> {
            String classKey = rs.getString("class_key");
            String person = rs.getString("person_key");
            snapshot.enrollment(new Enrollment(classKey + "/" + person, classKey, person, campusOfClass.get(classKey),
                    RoleType.fromOneRoster(rs.getString("role")), false, null, date(rs.getDate("ended_on")),
                    RecordStatus.ACTIVE));
        });

        if (mapping.query(Query.GUARDIAN_EMAILS_ELSEWHERE) != null) {
            progress.report("Looking for guardian emails used by other customers", 95);
            each(c, Query.GUARDIAN_EMAILS_ELSEWHERE, customerKey, rs -> snapshot.guardianEmailElsewhere(
                    new GuardianEmailElsewhere(rs.getString("email"), rs.getString("customer_key"),
                            rs.getString("guardian_key"))));
        }
        progress.report("Our database read", 100);
        return snapshot.build();
    }

    private interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    private void each(Connection c, Query query, String customerKey, RowHandler handler) throws SQLException {
        Mapping.NamedQuery named = mapping.query(query);
        try (PreparedStatement statement = c.prepareStatement(named.sql())) {
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 1; i <= named.customerBindings(); i++) {
                statement.setString(i, customerKey);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new SQLException("the '" + query.yamlName() + "' query of " + mapping.origin() + " failed on the "
                    + database.instance() + " database: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The customer key is not in this database: usually a wrong key in the customer's settings. */
    public static final class UnknownCustomerException extends RuntimeException {
        public UnknownCustomerException(String customerKey, String instance) {
            super("customer key '" + customerKey + "' does not exist in the " + instance
                    + " database; check the customer's settings");
        }
    }
}
