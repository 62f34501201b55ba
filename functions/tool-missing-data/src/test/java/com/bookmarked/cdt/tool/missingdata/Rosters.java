package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.roster.AcademicSession;
import com.bookmarked.cdt.core.roster.Course;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotMeta;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Tiny rosters for rule tests: one school, one term, one class taught by one teacher, one student
 * with one guardian, linked one to one on both sides. Each test breaks exactly one thing.
 */
final class Rosters {

    static final Instant TAKEN = Instant.parse("2026-11-16T14:00:00Z");
    static final LocalDate YEAR_START = LocalDate.of(2026, 8, 17);
    static final LocalDate YEAR_END = LocalDate.of(2027, 6, 4);

    private Rosters() {
    }

    static RosterSnapshot.Builder sis() {
        return RosterSnapshot.builder(new SnapshotMeta("t", SnapshotSide.SIS, "test", TAKEN, null))
                .org(new Org("sch", "sch", "Test School", Org.OrgType.SCHOOL, null, null, RecordStatus.ACTIVE))
                .academicSession(new AcademicSession("y", "Year", "schoolYear", YEAR_START, YEAR_END, null, RecordStatus.ACTIVE))
                .course(new Course("crs", "Math", "sch", RecordStatus.ACTIVE));
    }

    static RosterSnapshot.Builder ours() {
        return RosterSnapshot.builder(new SnapshotMeta("t", SnapshotSide.OURS, "test", TAKEN, null))
                .org(new Org("cp", "sch", "Test School", Org.OrgType.SCHOOL, null, null, RecordStatus.ACTIVE));
    }

    static RosterUser student(String id, String sisId, String org, String identifier, LocalDate birth, String email, List<String> agents) {
        return new RosterUser(id, sisId, RoleType.STUDENT, identifier, "Zoë", "Núñez", email, "u" + id, List.of("04"),
                List.of(org), agents, birth, true, RecordStatus.ACTIVE, null);
    }

    static RosterUser sisStudent() {
        return student("s1", "s1", "sch", "100", LocalDate.of(2016, 5, 4), "zoe@students.example", List.of("g1"));
    }

    static RosterUser oursStudent() {
        return new RosterUser("bs1", "s1", RoleType.STUDENT, "100", "Zoë", "Núñez", "zoe@students.example", null,
                List.of("04"), List.of("cp"), List.of("bg1"), LocalDate.of(2016, 5, 4), true, RecordStatus.ACTIVE, null);
    }

    static RosterUser sisTeacher() {
        return new RosterUser("t1", "t1", RoleType.TEACHER, null, "Ana", "Díaz", "ana@staff.example", "tana", List.of(),
                List.of("sch"), List.of(), null, true, RecordStatus.ACTIVE, null);
    }

    static RosterUser oursTeacher() {
        return new RosterUser("bt1", "t1", RoleType.TEACHER, null, "Ana", "Díaz", "ana@staff.example", null, List.of(),
                List.of("cp"), List.of(), null, true, RecordStatus.ACTIVE, null);
    }

    static RosterUser sisGuardian() {
        return new RosterUser("g1", "g1", RoleType.GUARDIAN, null, "Luis", "Núñez", "luis@mail.example", "pluis", List.of(),
                List.of("sch"), List.of("s1"), null, true, RecordStatus.ACTIVE, null);
    }

    static RosterUser oursGuardian() {
        return new RosterUser("bg1", "g1", RoleType.GUARDIAN, null, "Luis", "Núñez", "luis@mail.example", null, List.of(),
                List.of(), List.of("bs1"), null, true, RecordStatus.ACTIVE, null);
    }

    static RosterClass sisClass(String course) {
        return new RosterClass("c1", "c1", "Math 4", "sch", course, List.of("y"), RecordStatus.ACTIVE);
    }

    static RosterClass oursClass() {
        return new RosterClass("bc1", "c1", "Math 4", "cp", null, List.of(), RecordStatus.ACTIVE);
    }

    static Enrollment enrollment(String id, String classId, String userId, RoleType role, LocalDate begin, LocalDate end) {
        return new Enrollment(id, classId, userId, "sch", role, role == RoleType.TEACHER, begin, end, RecordStatus.ACTIVE);
    }

    static Enrollment member(String classKey, String personKey, RoleType role, LocalDate endedOn) {
        return new Enrollment(classKey + "/" + personKey, classKey, personKey, null, role, false, null, endedOn, RecordStatus.ACTIVE);
    }

    /** The clean SIS roster; callers add or replace records before {@code build()}. */
    static RosterSnapshot.Builder cleanSis(RosterUser student, RosterClass rosterClass, boolean teacherEnrollment) {
        RosterSnapshot.Builder b = sis().user(student).user(sisTeacher()).user(sisGuardian()).rosterClass(rosterClass)
                .enrollment(enrollment("e1", "c1", student.sourcedId(), RoleType.STUDENT, YEAR_START, YEAR_END));
        if (teacherEnrollment) {
            b.enrollment(enrollment("e2", "c1", "t1", RoleType.TEACHER, YEAR_START, YEAR_END));
        }
        return b;
    }

    static RosterSnapshot.Builder cleanOurs(RosterUser student, boolean teacherMember) {
        RosterSnapshot.Builder b = ours().user(student).user(oursTeacher()).user(oursGuardian()).rosterClass(oursClass())
                .enrollment(member("bc1", student.sourcedId(), RoleType.STUDENT, null));
        if (teacherMember) {
            b.enrollment(member("bc1", "bt1", RoleType.TEACHER, null));
        }
        return b;
    }
}
