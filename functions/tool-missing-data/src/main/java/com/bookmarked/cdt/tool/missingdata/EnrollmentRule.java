package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.support.EntityValues;
import com.bookmarked.cdt.core.tool.support.RecordKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * STUDENT_WITHOUT_ENROLLMENT ({@code sis.student.enrollment}): an active SIS student has no running
 * enrollment in a class the export contains, so they see no class here.
 */
final class EnrollmentRule {

    private EnrollmentRule() {
    }

    static void run(Analysis a) {
        Set<String> enrolled = new HashSet<>();
        for (Enrollment e : a.sis.snapshot.enrollments()) {
            if (e.role() == RoleType.STUDENT && ClassTeacherRule.running(e, a.asOf) && a.sis.classes.containsKey(e.classSourcedId())) {
                enrolled.add(e.userSourcedId());
            }
        }
        List<RosterUser> lonely = new ArrayList<>();
        for (RosterUser u : a.sis.snapshot.users()) {
            if (u.role() == RoleType.STUDENT && u.isActive() && !enrolled.contains(u.sourcedId())) {
                lonely.add(u);
            }
        }
        if (lonely.isEmpty()) {
            return;
        }
        Map<String, Integer> ended = new HashMap<>();
        Set<String> wanted = new HashSet<>();
        lonely.forEach(u -> wanted.add(u.sourcedId()));
        for (Enrollment e : a.sis.snapshot.enrollments()) {
            if (wanted.contains(e.userSourcedId())) {
                ended.merge(e.userSourcedId(), 1, Integer::sum);
            }
        }
        for (RosterUser u : lonely) {
            int past = ended.getOrDefault(u.sourcedId(), 0);
            Finding.Builder f = a.finding(Category.STUDENT_WITHOUT_ENROLLMENT, Severity.WARNING, "sis.student.enrollment")
                    .title("Student " + u.sourcedId() + " is active in the SIS but in no class")
                    .evidence("asOf", a.asOf.toString())
                    .evidence("endedOrUnusableEnrollments", past)
                    .resolution("fix-in-sis", past == 0
                            ? "Ask the district to enroll this student in their classes in the SIS, or to mark them inactive if they left."
                            : "This student's enrollments have all ended or point at classes the export lacks. Ask the district "
                                    + "to enroll them in current classes, or to mark them inactive if they left.", null)
                    .entity(EntityValues.of(SnapshotSide.SIS, RecordKind.STUDENT, u));
            for (RosterUser o : a.oursLinkedTo(u, RecordKind.STUDENT)) {
                f.entity(EntityValues.of(SnapshotSide.OURS, RecordKind.STUDENT, o));
            }
            a.add(f.build());
        }
    }
}
