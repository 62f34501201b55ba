package com.bookmarked.cdt.core.demo;

import com.bookmarked.cdt.core.demo.DistrictModel.DanglingMembership;
import com.bookmarked.cdt.core.demo.DistrictModel.Guardian;
import com.bookmarked.cdt.core.demo.DistrictModel.Membership;
import com.bookmarked.cdt.core.demo.DistrictModel.OtherGuardian;
import com.bookmarked.cdt.core.demo.DistrictModel.School;
import com.bookmarked.cdt.core.demo.DistrictModel.Section;
import com.bookmarked.cdt.core.demo.DistrictModel.Student;
import com.bookmarked.cdt.core.demo.DistrictModel.Teacher;

/**
 * Our side of the district as rows of the reference schema, table by table. Both ours.sql and
 * the in-memory snapshot are made from these rows.
 */
final class OurRoster {

    private final DistrictModel m;

    OurRoster(DistrictModel model) {
        this.m = model;
    }

    void emit(OurTables out) {
        String demo = DemoDistrictGenerator.CUSTOMER_KEY;
        String other = DemoDistrictGenerator.OTHER_CUSTOMER_KEY;
        out.customer(demo, DemoDistrictGenerator.CUSTOMER_NAME, DemoDistrictGenerator.LAST_SYNC_AT);
        out.customer(other, DemoDistrictGenerator.OTHER_CUSTOMER_NAME, DemoDistrictGenerator.LAST_SYNC_AT);
        for (School s : m.schools) {
            if (s.mapped) {
                out.campus(s.oursKey, demo, s.name, s.sisId);
            }
        }
        for (Student s : m.students) {
            if (s.inOurs) {
                out.student(s.oursKey, demo, s.oursSchool.oursKey, s.oursSisId, s.oursLocalNumber, s.oursGiven,
                        s.oursFamily, s.oursGrade, s.oursBirth, s.oursEmail, s.oursActive);
            }
        }
        for (Teacher t : m.teachers) {
            if (t.inOurs) {
                out.staff(t.oursKey, demo, t.school.oursKey, t.sisId, t.given, t.family, t.oursEmail, true);
            }
        }
        for (Guardian g : m.guardians) {
            out.guardian(g.oursKey, demo, g.sisId, g.oursEmail, g.given, g.family);
        }
        for (OtherGuardian g : m.otherCustomerGuardians) {
            out.guardian(g.key(), other, null, g.email(), g.given(), g.family());
        }
        for (Student s : m.students) {
            if (s.inOurs) {
                for (Guardian g : s.linkedGuardiansOnOurs()) {
                    out.guardianLink(s.oursKey, g.oursKey);
                }
            }
        }
        for (Section c : m.sections) {
            if (c.school.mapped) {
                out.rosterClass(c.oursKey, demo, c.school.oursKey, c.sisId, c.title);
            }
        }
        for (Section c : m.sections) {
            if (c.school.mapped && c.teacher != null && c.teacher.inOurs) {
                out.classMember(c.oursKey, c.teacher.oursKey, "teacher", c.course.term.start, null);
            }
        }
        for (Student s : m.students) {
            if (s.inOurs) {
                for (Membership membership : s.membershipsOnOurs()) {
                    out.classMember(membership.classKey(), s.oursKey, membership.role(), membership.startedOn(),
                            membership.endedOn());
                }
            }
        }
        for (DanglingMembership d : m.danglingMemberships) {
            out.classMember(d.classKey(), d.personKey(), d.role(), d.startedOn(), null);
        }
    }
}
