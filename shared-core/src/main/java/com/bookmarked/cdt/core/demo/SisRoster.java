package com.bookmarked.cdt.core.demo;

import com.bookmarked.cdt.core.demo.DistrictModel.CourseDef;
import com.bookmarked.cdt.core.demo.DistrictModel.Guardian;
import com.bookmarked.cdt.core.demo.DistrictModel.School;
import com.bookmarked.cdt.core.demo.DistrictModel.Seat;
import com.bookmarked.cdt.core.demo.DistrictModel.Section;
import com.bookmarked.cdt.core.demo.DistrictModel.Student;
import com.bookmarked.cdt.core.demo.DistrictModel.Teacher;
import com.bookmarked.cdt.core.demo.DistrictModel.Term;
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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The SIS side of the district as OneRoster records, in file order. The CSV writer and the
 * in-memory snapshot both read from here, so that the two cannot drift apart; the extra columns
 * OneRoster has but the roster model does not travel beside each record.
 */
final class SisRoster {

    static final String DISTRICT_NAME = DemoDistrictGenerator.CUSTOMER_NAME;

    record SessionRow(AcademicSession session, String schoolYear) {
    }

    record CourseRow(Course course, String schoolYearSourcedId, String courseCode, String grades, String subjects) {
    }

    record ClassRow(RosterClass rosterClass, String grades, String classCode, String classType, String location,
                    String subjects, String periods) {
    }

    record UserRow(RosterUser user, String sex) {
    }

    private final DistrictModel m;

    SisRoster(DistrictModel model) {
        this.m = model;
    }

    static SnapshotMeta meta() {
        // the export's own date, as the OneRoster reader takes it from the manifest's time in the zip
        return new SnapshotMeta(DemoDistrictGenerator.CUSTOMER_KEY, SnapshotSide.SIS, "oneroster-csv",
                DemoDistrictGenerator.FETCHED_AT, null, DemoDistrictGenerator.AS_OF);
    }

    RosterSnapshot snapshot() {
        RosterSnapshot.Builder b = RosterSnapshot.builder(meta());
        orgs(b::org);
        sessions(r -> b.academicSession(r.session()));
        courses(r -> b.course(r.course()));
        classes(r -> b.rosterClass(r.rosterClass()));
        users(r -> b.user(r.user()));
        enrollments(b::enrollment);
        return b.build();
    }

    void orgs(Consumer<Org> out) {
        String district = DemoDistrictGenerator.DISTRICT_ORG_ID;
        out.accept(new Org(district, district, DISTRICT_NAME, Org.OrgType.DISTRICT, "0612345", null, RecordStatus.ACTIVE));
        for (School s : m.schools) {
            out.accept(new Org(s.sisId, s.sisId, s.name, Org.OrgType.SCHOOL, s.identifier, district, RecordStatus.ACTIVE));
        }
    }

    void sessions(Consumer<SessionRow> out) {
        for (Term t : Term.values()) {
            String parent = t == Term.YEAR ? null : Term.YEAR.sourcedId;
            out.accept(new SessionRow(new AcademicSession(t.sourcedId, t.title, t.type, t.start, t.end, parent,
                    RecordStatus.ACTIVE), "2027"));
        }
    }

    void courses(Consumer<CourseRow> out) {
        for (CourseDef c : m.courses) {
            out.accept(new CourseRow(new Course(c.sisId, c.title, DemoDistrictGenerator.DISTRICT_ORG_ID, RecordStatus.ACTIVE),
                    Term.YEAR.sourcedId, c.code, c.grade, c.subject));
        }
    }

    void classes(Consumer<ClassRow> out) {
        for (Section s : m.sections) {
            RosterClass c = new RosterClass(s.sisId, s.sisId, s.title, s.school.sisId, s.courseRef(),
                    List.of(s.course.term.sourcedId), RecordStatus.ACTIVE);
            out.accept(new ClassRow(c, s.course.grade, s.classCode, s.course.homeroom ? "homeroom" : "scheduled", s.room,
                    s.course.subject, s.course.homeroom ? null : String.valueOf(1 + s.no % 7)));
        }
    }

    void users(Consumer<UserRow> out) {
        for (Student s : m.students) {
            if (!s.inSis) {
                continue;
            }
            List<String> agents = new ArrayList<>(s.guardians.size());
            for (Guardian g : s.guardians) {
                agents.add(g.sisId);
            }
            out.accept(new UserRow(new RosterUser(s.sisId, s.sisId, RoleType.STUDENT, s.identifier, s.given, s.family,
                    s.email, s.username, s.grade == null ? List.of() : List.of(s.grade), List.of(s.school.sisId), agents,
                    s.birth, s.sisEnabled, RecordStatus.ACTIVE, null), s.sex));
        }
        for (Teacher t : m.teachers) {
            out.accept(new UserRow(new RosterUser(t.sisId, t.sisId, RoleType.TEACHER, null, t.given, t.family, t.email,
                    t.username, List.of(), List.of(t.school.sisId), List.of(), null, true, RecordStatus.ACTIVE, null), null));
        }
        for (Guardian g : m.guardians) {
            List<String> agents = new ArrayList<>(g.children.size());
            for (Student child : g.children) {
                if (child.inSis) {
                    agents.add(child.sisId);
                }
            }
            out.accept(new UserRow(new RosterUser(g.sisId, g.sisId, RoleType.GUARDIAN, null, g.given, g.family, g.email,
                    g.username, List.of(), List.of(DemoDistrictGenerator.DISTRICT_ORG_ID), agents, null, true,
                    RecordStatus.ACTIVE, null), null));
        }
    }

    void enrollments(Consumer<Enrollment> out) {
        for (Student s : m.students) {
            if (!s.inSis) {
                continue;
            }
            for (Seat seat : s.seats) {
                out.accept(new Enrollment(seat.sisId, seat.classSourcedId(), s.sisId, seat.school.sisId, RoleType.STUDENT,
                        false, seat.begin, seat.end, RecordStatus.ACTIVE));
            }
        }
        for (Section c : m.sections) {
            if (c.teacher != null) {
                out.accept(new Enrollment(c.teacherEnrollmentId, c.sisId, c.teacher.sisId, c.school.sisId, RoleType.TEACHER,
                        true, c.course.term.start, c.course.term.end, RecordStatus.ACTIVE));
            }
        }
    }
}
