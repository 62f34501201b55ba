package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.roster.AcademicSession;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.support.EntityValues;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CLASS_WITHOUT_TEACHER: a class that is not over has no teacher whose enrollment is still
 * running. {@code sis.class.teacher} when the SIS has none (our linked class shown too);
 * {@code ours.class.teacher} when only our copy lacks one.
 */
final class ClassTeacherRule {

    private ClassTeacherRule() {
    }

    static void run(Analysis a) {
        Set<String> sisTaught = taught(a.sis.snapshot.enrollments(), a.asOf);
        Map<String, Integer> students = new HashMap<>();
        for (Enrollment e : a.sis.snapshot.enrollments()) {
            if (e.role() == RoleType.STUDENT && running(e, a.asOf)) {
                students.merge(e.classSourcedId(), 1, Integer::sum);
            }
        }
        for (RosterClass c : a.sis.snapshot.classes()) {
            if (c.status() == RecordStatus.TOBEDELETED || over(a, c) || sisTaught.contains(c.sourcedId())) {
                continue;
            }
            Finding.Builder f = a.finding(Category.CLASS_WITHOUT_TEACHER, Severity.WARNING, "sis.class.teacher")
                    .title("Class " + c.sourcedId() + " has no teacher in the SIS")
                    .evidence("students", students.getOrDefault(c.sourcedId(), 0))
                    .resolution("fix-in-sis", "Ask the district to assign a teacher to this class in their SIS. Until then "
                            + "no teacher sees it here.", null)
                    .entity(EntityValues.of(SnapshotSide.SIS, c));
            for (RosterClass o : a.oursLinkedTo(c)) {
                f.entity(EntityValues.of(SnapshotSide.OURS, o));
            }
            a.add(f.build());
        }
        if (a.cancelled()) {
            return;
        }
        Set<String> oursTaught = taught(a.ours.snapshot.enrollments(), a.asOf);
        for (RosterClass c : a.ours.snapshot.classes()) {
            if (oursTaught.contains(c.sourcedId())) {
                continue;
            }
            RosterClass linked = a.sisLinkedTo(c);
            if (linked != null && (!sisTaught.contains(linked.sourcedId()) || over(a, linked))) {
                continue; // the SIS has no teacher either: reported above
            }
            Finding.Builder f = a.finding(Category.CLASS_WITHOUT_TEACHER, Severity.WARNING, "ours.class.teacher")
                    .title("Our class " + c.sourcedId() + " has no teacher")
                    .entity(EntityValues.of(SnapshotSide.OURS, c));
            if (linked != null) {
                f.resolution("re-sync", "The SIS has a teacher for this class but we do not; a roster sync brings the teacher over.", null)
                        .entity(EntityValues.of(SnapshotSide.SIS, linked));
            } else {
                f.resolution("investigate", "This class is not linked to a SIS class and has no teacher; it may be a left-over. "
                        + "Check with the district whether it should exist.", null);
            }
            a.add(f.build());
        }
    }

    private static Set<String> taught(List<Enrollment> enrollments, LocalDate asOf) {
        Set<String> taught = new HashSet<>();
        for (Enrollment e : enrollments) {
            if (e.role() == RoleType.TEACHER && running(e, asOf)) {
                taught.add(e.classSourcedId());
            }
        }
        return taught;
    }

    /** Active and not ended before today (it may not have started yet: spring classes get teachers early). */
    static boolean running(Enrollment e, LocalDate asOf) {
        return e.status() == RecordStatus.ACTIVE && (e.endDate() == null || !e.endDate().isBefore(asOf));
    }

    /** A class whose every term is known and ended before today needs no teacher any more. */
    private static boolean over(Analysis a, RosterClass c) {
        if (c.termSourcedIds().isEmpty()) {
            return false;
        }
        for (String term : c.termSourcedIds()) {
            AcademicSession s = a.sis.sessions.get(term);
            if (s == null || s.endDate() == null || !s.endDate().isBefore(a.asOf)) {
                return false;
            }
        }
        return true;
    }
}
