package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.support.EntityValues;
import com.bookmarked.cdt.core.tool.support.RecordKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * UNRESOLVED_REFERENCE: a record points at another record that is not there, on either side.
 * SIS rules ({@code sis.<type>.ref.<what>}) are fixed in the SIS export; ours
 * ({@code ours.<type>.ref.<what>}) are left-overs a full roster sync clears. One finding per
 * record and rule, listing every missing key.
 */
final class ReferenceRules {

    private ReferenceRules() {
    }

    static void run(Analysis a) {
        sisUsers(a);
        sisClasses(a);
        sisEnrollments(a);
        ourUsers(a);
        ourClasses(a);
        ourEnrollments(a);
    }

    private static void sisUsers(Analysis a) {
        List<RosterUser> users = a.sis.snapshot.users();
        for (int i = 0; i < users.size(); i++) {
            if (a.stop(i)) {
                return;
            }
            RosterUser u = users.get(i);
            RecordKind kind = RecordKind.of(u.role());
            if (kind == null || u.status() == RecordStatus.TOBEDELETED) {
                continue;
            }
            List<String> orgs = missing(u.orgSourcedIds(), a.sis.orgs);
            if (!orgs.isEmpty()) {
                sis(a, kind, u, "org", "school", orgs);
            }
            List<String> agents = missing(u.agentSourcedIds(), a.sis.users);
            if (!agents.isEmpty()) {
                sis(a, kind, u, "agent", kind == RecordKind.GUARDIAN ? "student" : "guardian", agents);
            }
        }
    }

    private static void sis(Analysis a, RecordKind kind, RosterUser u, String what, String label, List<String> keys) {
        Finding.Builder f = sisFinding(a, "sis." + kind.id() + ".ref." + what,
                Analysis.capitalised(kind.label) + " " + u.sourcedId() + " points at " + label + " " + String.join(", ", keys)
                        + ", which is not in the SIS export", label, keys);
        f.entity(EntityValues.of(SnapshotSide.SIS, kind, u));
        for (RosterUser o : a.oursLinkedTo(u, kind)) {
            f.entity(EntityValues.of(SnapshotSide.OURS, kind, o));
        }
        a.add(f.build());
    }

    private static void sisClasses(Analysis a) {
        for (RosterClass c : a.sis.snapshot.classes()) {
            if (c.status() == RecordStatus.TOBEDELETED) {
                continue;
            }
            checkClass(a, c, "school", "school", c.orgSourcedId() == null ? List.of() : missing(List.of(c.orgSourcedId()), a.sis.orgs));
            checkClass(a, c, "course", "course", c.courseSourcedId() == null ? List.of() : missing(List.of(c.courseSourcedId()), a.sis.courses));
            checkClass(a, c, "term", "term", missing(c.termSourcedIds(), a.sis.sessions));
        }
    }

    private static void checkClass(Analysis a, RosterClass c, String what, String label, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Finding.Builder f = sisFinding(a, "sis.class.ref." + what, "Class " + c.sourcedId() + " points at " + label + " "
                + String.join(", ", keys) + ", which is not in the SIS export", label, keys);
        f.entity(EntityValues.of(SnapshotSide.SIS, c));
        for (RosterClass o : a.oursLinkedTo(c)) {
            f.entity(EntityValues.of(SnapshotSide.OURS, o));
        }
        a.add(f.build());
    }

    private static void sisEnrollments(Analysis a) {
        List<Enrollment> enrollments = a.sis.snapshot.enrollments();
        for (int i = 0; i < enrollments.size(); i++) {
            if (a.stop(i)) {
                return;
            }
            Enrollment e = enrollments.get(i);
            if (e.status() == RecordStatus.TOBEDELETED) {
                continue;
            }
            if (!a.sis.classes.containsKey(e.classSourcedId())) {
                enrollment(a, e, "class", "class", e.classSourcedId());
            }
            if (!a.sis.users.containsKey(e.userSourcedId())) {
                enrollment(a, e, "user", "person", e.userSourcedId());
            }
            if (e.orgSourcedId() != null && !a.sis.orgs.containsKey(e.orgSourcedId())) {
                enrollment(a, e, "school", "school", e.orgSourcedId());
            }
        }
    }

    private static void enrollment(Analysis a, Enrollment e, String what, String label, String key) {
        a.add(sisFinding(a, "sis.enrollment.ref." + what, "Enrollment " + e.sourcedId() + " points at " + label + " " + key
                + ", which is not in the SIS export", label, List.of(key))
                .entity(EntityValues.of(SnapshotSide.SIS, e)).build());
    }

    private static Finding.Builder sisFinding(Analysis a, String rule, String title, String label, List<String> keys) {
        return a.finding(Category.UNRESOLVED_REFERENCE, Severity.ERROR, rule)
                .title(title)
                .evidence("missing", List.copyOf(keys))
                .resolution("fix-in-sis", "Ask the district to check their SIS export: it refers to a " + label
                        + " it does not contain. Either the " + label + " was left out of the export or the reference is stale.",
                        null);
    }

    private static void ourUsers(Analysis a) {
        List<RosterUser> users = a.ours.snapshot.users();
        for (int i = 0; i < users.size(); i++) {
            if (a.stop(i)) {
                return;
            }
            RosterUser u = users.get(i);
            RecordKind kind = RecordKind.of(u.role());
            if (kind == null) {
                continue;
            }
            List<String> campuses = missing(u.orgSourcedIds(), a.ours.orgs);
            if (!campuses.isEmpty()) {
                ourUser(a, kind, u, "campus", "campus", campuses);
            }
            List<String> agents = missing(u.agentSourcedIds(), a.ours.users);
            if (!agents.isEmpty()) {
                ourUser(a, kind, u, kind == RecordKind.GUARDIAN ? "student" : "guardian",
                        kind == RecordKind.GUARDIAN ? "student" : "guardian", agents);
            }
        }
    }

    private static void ourUser(Analysis a, RecordKind kind, RosterUser u, String what, String label, List<String> keys) {
        Finding.Builder f = oursFinding(a, "ours." + kind.id() + ".ref." + what, "Our " + kind.label + " " + u.sourcedId()
                + " points at " + label + " " + String.join(", ", keys) + ", which does not exist in our database", keys, null);
        f.entity(EntityValues.of(SnapshotSide.OURS, kind, u));
        RosterUser linked = a.sisLinkedTo(u, kind);
        if (linked != null) {
            f.entity(EntityValues.of(SnapshotSide.SIS, kind, linked));
        }
        a.add(f.build());
    }

    private static void ourClasses(Analysis a) {
        for (RosterClass c : a.ours.snapshot.classes()) {
            if (c.orgSourcedId() != null && !a.ours.orgs.containsKey(c.orgSourcedId())) {
                Finding.Builder f = oursFinding(a, "ours.class.ref.campus", "Our class " + c.sourcedId() + " points at campus "
                        + c.orgSourcedId() + ", which does not exist in our database", List.of(c.orgSourcedId()), null);
                f.entity(EntityValues.of(SnapshotSide.OURS, c));
                RosterClass linked = a.sisLinkedTo(c);
                if (linked != null) {
                    f.entity(EntityValues.of(SnapshotSide.SIS, linked));
                }
                a.add(f.build());
            }
        }
    }

    private static void ourEnrollments(Analysis a) {
        List<Enrollment> enrollments = a.ours.snapshot.enrollments();
        for (int i = 0; i < enrollments.size(); i++) {
            if (a.stop(i)) {
                return;
            }
            Enrollment e = enrollments.get(i);
            String script = "delete from class_members where class_key = " + sql(e.classSourcedId())
                    + " and person_key = " + sql(e.userSourcedId()) + ";";
            if (!a.ours.classes.containsKey(e.classSourcedId())) {
                a.add(oursFinding(a, "ours.enrollment.ref.class", "Our class membership " + e.sourcedId()
                        + " points at class " + e.classSourcedId() + ", which does not exist in our database",
                        List.of(e.classSourcedId()), script).entity(EntityValues.of(SnapshotSide.OURS, e)).build());
            }
            if (!a.ours.users.containsKey(e.userSourcedId())) {
                a.add(oursFinding(a, "ours.enrollment.ref.person", "Our class membership " + e.sourcedId()
                        + " points at person " + e.userSourcedId() + ", who does not exist in our database",
                        List.of(e.userSourcedId()), script).entity(EntityValues.of(SnapshotSide.OURS, e)).build());
            }
        }
    }

    private static Finding.Builder oursFinding(Analysis a, String rule, String title, List<String> keys, String script) {
        return a.finding(Category.UNRESOLVED_REFERENCE, Severity.WARNING, rule)
                .title(title)
                .evidence("missing", List.copyOf(keys))
                .resolution("re-sync", "Our database kept a record whose target was removed. A full roster sync from the SIS "
                        + "rebuilds these links; if it stays after a sync, engineering can remove the left-over row.", script);
    }

    private static String sql(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static List<String> missing(Collection<String> keys, Map<String, ?> existing) {
        List<String> missing = null;
        for (String key : keys) {
            if (!existing.containsKey(key)) {
                if (missing == null) {
                    missing = new ArrayList<>(1);
                }
                missing.add(key);
            }
        }
        return missing == null ? List.of() : missing;
    }

}
