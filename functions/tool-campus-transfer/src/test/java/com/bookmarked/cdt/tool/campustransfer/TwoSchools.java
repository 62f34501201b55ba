package com.bookmarked.cdt.tool.campustransfer;

import com.bookmarked.cdt.core.roster.AcademicSession;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotMeta;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Snapshots;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A tiny district for rule tests: schools A and B (mapped to our campuses cpA and cpB), school H
 * (not mapped), a science department inside A; a school year, a fall and a spring term; one class
 * per school (A also a fall class and a department class). Our last sync ran 2026-11-15T06:00Z,
 * both snapshots were taken 2026-11-16. Tests add one student per side and their enrollments.
 */
final class TwoSchools {

    static final Instant TAKEN = Instant.parse("2026-11-16T14:00:00Z");
    static final Instant LAST_SYNC = Instant.parse("2026-11-15T06:00:00Z");
    static final LocalDate YEAR_START = LocalDate.of(2026, 8, 17);
    static final LocalDate YEAR_END = LocalDate.of(2027, 6, 4);
    static final LocalDate FALL_END = LocalDate.of(2026, 12, 18);
    static final LocalDate SPRING_START = LocalDate.of(2027, 1, 5);

    final RosterSnapshot.Builder sis;
    final RosterSnapshot.Builder ours;
    private int enrollments;

    TwoSchools() {
        this(LAST_SYNC);
    }

    TwoSchools(Instant lastSync) {
        sis = RosterSnapshot.builder(new SnapshotMeta("t", SnapshotSide.SIS, "test", TAKEN, null))
                .org(new Org("dist", "dist", "Test District", Org.OrgType.DISTRICT, null, null, RecordStatus.ACTIVE))
                .org(new Org("A", "A", "Alder School", Org.OrgType.SCHOOL, null, "dist", RecordStatus.ACTIVE))
                .org(new Org("A-sci", "A-sci", "Alder Science Department", Org.OrgType.OTHER, null, "A", RecordStatus.ACTIVE))
                .org(new Org("B", "B", "Birch School", Org.OrgType.SCHOOL, null, "dist", RecordStatus.ACTIVE))
                .org(new Org("H", "H", "Harbor Newcomer Center", Org.OrgType.SCHOOL, null, "dist", RecordStatus.ACTIVE))
                .academicSession(new AcademicSession("y", "Year", "schoolYear", YEAR_START, YEAR_END, null, RecordStatus.ACTIVE))
                .academicSession(new AcademicSession("f", "Fall", "semester", YEAR_START, FALL_END, "y", RecordStatus.ACTIVE))
                .academicSession(new AcademicSession("s", "Spring", "semester", SPRING_START, YEAR_END, "y", RecordStatus.ACTIVE))
                .rosterClass(new RosterClass("cA", "cA", "Math at Alder", "A", "crs", List.of("y"), RecordStatus.ACTIVE))
                .rosterClass(new RosterClass("cAfall", "cAfall", "Art at Alder", "A", "crs", List.of("f"), RecordStatus.ACTIVE))
                .rosterClass(new RosterClass("cAsci", "cAsci", "Biology at Alder", "A-sci", "crs", List.of("y"), RecordStatus.ACTIVE))
                .rosterClass(new RosterClass("cB", "cB", "Math at Birch", "B", "crs", List.of("y"), RecordStatus.ACTIVE))
                .rosterClass(new RosterClass("cBspring", "cBspring", "Music at Birch", "B", "crs", List.of("s"), RecordStatus.ACTIVE))
                .rosterClass(new RosterClass("cH", "cH", "Newcomer Program", "H", "crs", List.of("y"), RecordStatus.ACTIVE));
        ours = RosterSnapshot.builder(new SnapshotMeta("t", SnapshotSide.OURS, "test", TAKEN, lastSync))
                .org(new Org("cpA", "A", "Alder School", Org.OrgType.SCHOOL, null, null, RecordStatus.ACTIVE))
                .org(new Org("cpB", "B", "Birch School", Org.OrgType.SCHOOL, null, null, RecordStatus.ACTIVE))
                .rosterClass(new RosterClass("bcA", "cA", "Math at Alder", "cpA", null, List.of(), RecordStatus.ACTIVE))
                .rosterClass(new RosterClass("bcAfall", "cAfall", "Art at Alder", "cpA", null, List.of(), RecordStatus.ACTIVE))
                .rosterClass(new RosterClass("bcAsci", "cAsci", "Biology at Alder", "cpA", null, List.of(), RecordStatus.ACTIVE))
                .rosterClass(new RosterClass("bcB", "cB", "Math at Birch", "cpB", null, List.of(), RecordStatus.ACTIVE))
                .rosterClass(new RosterClass("bcBspring", "cBspring", "Music at Birch", "cpB", null, List.of(), RecordStatus.ACTIVE));
    }

    static RosterUser sisStudent(String id, String primaryOrg) {
        return new RosterUser(id, id, RoleType.STUDENT, "100", "Zoë", "Núñez", null, null, List.of("04"), List.of(primaryOrg),
                List.of(), null, true, RecordStatus.ACTIVE, null);
    }

    static RosterUser ourStudent(String key, String sisId, String campusKey) {
        return new RosterUser(key, sisId, RoleType.STUDENT, "100", "Zoë", "Núñez", null, null, List.of("04"),
                campusKey == null ? List.of() : List.of(campusKey), List.of(), null, true, RecordStatus.ACTIVE, null);
    }

    /** SIS student s1 with primary org {@code primaryOrg}, our student bs1 at {@code ourCampus}. */
    TwoSchools student(String primaryOrg, String ourCampus) {
        sis.user(sisStudent("s1", primaryOrg));
        ours.user(ourStudent("bs1", "s1", ourCampus));
        return this;
    }

    /** A SIS enrollment of s1; the org is left empty so that the class decides the campus. */
    TwoSchools enrolled(String classId, LocalDate begin, LocalDate end) {
        sis.enrollment(new Enrollment("e" + (++enrollments), classId, "s1", null, RoleType.STUDENT, false, begin, end,
                RecordStatus.ACTIVE));
        return this;
    }

    /** Our class membership of bs1 (campus from the class, like the Bookmarked connector fills it). */
    TwoSchools member(String classKey, LocalDate endedOn) {
        String campus = classKey.startsWith("bcA") ? "cpA" : "cpB";
        ours.enrollment(new Enrollment(classKey + "/bs1", classKey, "bs1", campus, RoleType.STUDENT, false, null, endedOn,
                RecordStatus.ACTIVE));
        return this;
    }

    Snapshots snapshots() {
        return Snapshots.of(sis.build(), ours.build());
    }
}
