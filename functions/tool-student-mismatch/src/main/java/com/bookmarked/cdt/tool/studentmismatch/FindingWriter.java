package com.bookmarked.cdt.tool.studentmismatch;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.support.EntityValues;
import com.bookmarked.cdt.core.tool.support.RecordKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Turns a {@link Matching} into findings: what differs, on which records, the evidence (stage,
 * score, fields that agreed and disagreed, both values of a drifted field) and the proposed fix,
 * with the SQL an engineer would run against the reference schema (shown, never run by CDT).
 */
final class FindingWriter {

    private final Matching m;
    private final Settings settings;
    private final Students sis;
    private final Students ours;
    private final Map<String, String> campusOfSisOrg = new HashMap<>();
    final List<Finding> findings = new ArrayList<>();

    FindingWriter(Matching matching, Settings settings) {
        this.m = matching;
        this.settings = settings;
        this.sis = matching.sis;
        this.ours = matching.ours;
        ours.campusMapping().forEach((campus, org) -> campusOfSisOrg.putIfAbsent(org, campus));
    }

    private Finding.Builder finding(Category category, Severity severity) {
        return Finding.builder(StudentMismatchResolver.ID, category.name(), severity);
    }

    private void add(Category category, Finding finding) {
        if (settings.wants(category)) {
            findings.add(finding);
        }
    }

    // ------------------------------------------------------------------ missing and orphaned

    void missing(int i, List<Matching.Review> possible) {
        RosterUser u = sis.user(i);
        String campus = u.primaryOrg() == null ? null : campusOfSisOrg.get(u.primaryOrg());
        String insert = "-- The next roster sync creates this student. To create the row by hand, choose its student_key:\n"
                + "insert into students (student_key, customer_key, campus_key, sis_id, local_number, given_name, family_name, "
                + "grade, birth_date, email, active)\nvalues (" + Sql.text("<new student_key>") + ", "
                + (campus == null ? Sql.text("<customer_key>") : "(select customer_key from campuses where campus_key = "
                + Sql.text(campus) + ")") + ", " + (campus == null ? "null" : Sql.text(campus)) + ", " + Sql.text(u.sourcedId())
                + ", " + Sql.text(u.identifier()) + ", " + Sql.text(u.givenName()) + ", " + Sql.text(u.familyName()) + ", "
                + Sql.text(u.grade()) + ", " + Sql.date(u.birthDate()) + ", " + Sql.text(u.email()) + ", true);";
        Finding.Builder b = finding(Category.MISSING_IN_OURS, Severity.ERROR)
                .title("Student " + u.sourcedId() + " is in the SIS but not in our database")
                .entity(EntityValues.of(SnapshotSide.SIS, RecordKind.STUDENT, u))
                .evidence("campusMapped", campus != null);
        if (!possible.isEmpty()) {
            b.evidence("possibleMatches", possibleMatches(possible, false));
        }
        b.resolution("re-sync", "Run a roster sync for the district. If the student is still missing afterwards, the sync "
                + "rejects the record: look for " + u.sourcedId() + " in the sync log and raise it with engineering."
                + (campus == null ? " The student's campus is not mapped on our side: map it first." : "")
                + (possible.isEmpty() ? "" : " One of our records looks a little like this student: see possibleMatches."), insert);
        add(Category.MISSING_IN_OURS, b.build());
    }

    void orphaned(int j, int classes, List<Matching.Review> possible) {
        RosterUser u = ours.user(j);
        String title = u.sisId() == null
                ? "Our student " + u.sourcedId() + " has no SIS id and matches no SIS student"
                : "Our student " + u.sourcedId() + " is linked to SIS id " + u.sisId() + ", which the SIS no longer has";
        Finding.Builder b = finding(Category.ORPHANED_IN_OURS, Severity.WARNING)
                .title(title)
                .entity(EntityValues.of(SnapshotSide.OURS, RecordKind.STUDENT, u))
                .evidence("openClasses", classes)
                .evidence("guardians", u.agentSourcedIds().size());
        if (!possible.isEmpty()) {
            b.evidence("possibleMatches", possibleMatches(possible, true));
        }
        String key = Sql.text(u.sourcedId());
        b.resolution("deactivate", "Confirm with the district that the student has left or was removed from the SIS, then "
                + "deactivate our record and end its class memberships. If the student is still enrolled, the SIS re-keyed "
                + "them: ask the district for the new id and relink instead."
                + (possible.isEmpty() ? "" : " A SIS student looks a little like this one: see possibleMatches."),
                "update students set active = false where student_key = " + key + ";\n"
                        + "update class_members set ended_on = " + Sql.date(settings.asOf()) + " where person_key = " + key
                        + " and ended_on is null;");
        add(Category.ORPHANED_IN_OURS, b.build());
    }

    private List<Map<String, Object>> possibleMatches(List<Matching.Review> reviews, boolean fromOurs) {
        List<Map<String, Object>> out = new ArrayList<>(reviews.size());
        for (Matching.Review r : reviews) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("side", fromOurs ? "sis" : "ours");
            p.put("key", fromOurs ? sis.key(r.sis()) : ours.key(r.ours()));
            p.put("score", r.comparison().shownScore());
            out.add(p);
        }
        return out;
    }

    // ------------------------------------------------------------------ re-keyed

    void rekeyed(int i, int j, Matching.Stage stage, Comparison c) {
        RosterUser s = sis.user(i);
        RosterUser o = ours.user(j);
        String how = stage == Matching.Stage.IDENTIFIER ? "matched by student number"
                : "matched by name and birth date, score " + c.shownScore();
        String title = o.sisId() == null
                ? "Our student " + o.sourcedId() + " is SIS student " + s.sourcedId() + " but is not linked to it (" + how + ")"
                : "SIS student " + s.sourcedId() + " is our student " + o.sourcedId() + " under a new SIS id (we hold "
                + o.sisId() + "; " + how + ")";
        Finding.Builder b = finding(Category.REKEYED, Severity.ERROR)
                .title(title)
                .entity(EntityValues.of(SnapshotSide.SIS, RecordKind.STUDENT, s))
                .entity(EntityValues.of(SnapshotSide.OURS, RecordKind.STUDENT, o))
                .evidence("stage", stage.wireName)
                .evidence("previousSisId", o.sisId())
                .evidence("newSisId", s.sourcedId());
        matchEvidence(b, c);
        b.resolution("relink", "Link our record to the SIS's current id, so that the next sync updates this student instead of "
                        + "creating a second one.",
                "update students set sis_id = " + Sql.text(s.sourcedId()) + " where student_key = " + Sql.text(o.sourcedId()) + ";");
        add(Category.REKEYED, b.build());
    }

    void needsReview(Matching.Review r) {
        RosterUser s = sis.user(r.sis());
        RosterUser o = ours.user(r.ours());
        Comparison c = r.comparison();
        Finding.Builder b = finding(Category.REKEYED, Severity.WARNING)
                .title("Needs review: SIS student " + s.sourcedId() + " may be our student " + o.sourcedId()
                        + " (score " + c.shownScore() + ")")
                .entity(EntityValues.of(SnapshotSide.SIS, RecordKind.STUDENT, s))
                .entity(EntityValues.of(SnapshotSide.OURS, RecordKind.STUDENT, o))
                .evidence("needsReview", true)
                .evidence("stage", Matching.Stage.SCORE.wireName)
                .evidence("previousSisId", o.sisId())
                .evidence("candidates", List.of(s.sourcedId(), o.sourcedId()));
        matchEvidence(b, c);
        b.evidence("why", c.score >= m.matchThreshold
                ? "scores above the match threshold, but another record scores almost as well"
                : "scores between the review and the match threshold");
        b.resolution("review", "Compare the two records (names, birth date, guardians, classes) and ask the district if unsure. "
                        + "If they are the same student, relink our record to the SIS id; if not, the SIS student is missing on "
                        + "our side and our record is orphaned (both are reported).",
                "-- only once you have confirmed that the two records are the same student:\n"
                        + "update students set sis_id = " + Sql.text(s.sourcedId()) + " where student_key = " + Sql.text(o.sourcedId()) + ";");
        add(Category.REKEYED, b.build());
    }

    private void matchEvidence(Finding.Builder b, Comparison c) {
        b.evidence("score", c.shownScore())
                .evidence("matchThreshold", m.matchThreshold)
                .evidence("reviewThreshold", m.reviewThreshold)
                .evidence("agreed", c.agreed())
                .evidence("disagreed", c.disagreed())
                .evidence("fields", c.detail());
    }

    // ------------------------------------------------------------------ duplicates

    void duplicateInOurs(Duplicates d, int group, int kept, Map<Integer, Integer> classes) {
        int[] members = d.groups.get(group);
        RosterUser keep = ours.user(kept);
        StringJoiner others = new StringJoiner(", ");
        StringBuilder script = new StringBuilder("begin;\n");
        String keepKey = Sql.text(keep.sourcedId());
        Finding.Builder b = finding(Category.DUPLICATE_IN_OURS, Severity.ERROR);
        for (int j : members) {
            b.entity(EntityValues.of(SnapshotSide.OURS, RecordKind.STUDENT, ours.user(j)));
            if (j == kept) {
                continue;
            }
            String dup = Sql.text(ours.key(j));
            others.add(ours.key(j));
            script.append("-- fold ").append(ours.key(j)).append(" into ").append(keep.sourcedId()).append('\n')
                    .append("insert into guardian_links (student_key, guardian_key) select ").append(keepKey)
                    .append(", guardian_key from guardian_links where student_key = ").append(dup).append(" on conflict do nothing;\n")
                    .append("delete from guardian_links where student_key = ").append(dup).append(";\n")
                    .append("insert into class_members (class_key, person_key, role, started_on, ended_on) select class_key, ")
                    .append(keepKey).append(", role, started_on, ended_on from class_members where person_key = ").append(dup)
                    .append(" on conflict do nothing;\n")
                    .append("delete from class_members where person_key = ").append(dup).append(";\n")
                    .append("update students set active = false, sis_id = null where student_key = ").append(dup).append(";\n");
        }
        script.append("commit;");
        String sisIds = sisIdsOf(members);
        b.title("Our database holds one student " + members.length + " times: " + keysOf(ours, members)
                        + (sisIds.isEmpty() ? "" : " (SIS id " + sisIds + ")"))
                .evidence("keep", keep.sourcedId())
                .evidence("foundBy", Duplicates.describe(d.reasonsOf(group)));
        groupEvidence(b, d, group, kept, ours, classes, "openClasses");
        Map<String, Integer> guardians = new LinkedHashMap<>();
        for (int j : members) {
            guardians.put(ours.key(j), ours.user(j).agentSourcedIds().size());
        }
        b.evidence("guardians", guardians);
        b.resolution("merge", "Keep " + keep.sourcedId() + " (" + classes.getOrDefault(kept, 0) + " classes, "
                + keep.agentSourcedIds().size() + " guardians); move the guardian links and classes of " + others
                + " onto it, then deactivate " + others + ".", script.toString());
        add(Category.DUPLICATE_IN_OURS, b.build());
    }

    private String sisIdsOf(int[] members) {
        StringJoiner ids = new StringJoiner(", ");
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (int j : members) {
            if (ours.user(j).sisId() != null) {
                seen.add(ours.user(j).sisId());
            }
        }
        seen.forEach(ids::add);
        return ids.toString();
    }

    void duplicateInSis(Duplicates d, int group, int kept, Map<Integer, Integer> classes) {
        int[] members = d.groups.get(group);
        Finding.Builder b = finding(Category.DUPLICATE_IN_SIS, Severity.WARNING);
        Map<String, Object> linked = new LinkedHashMap<>();
        boolean anyLinked = false;
        for (int i : members) {
            b.entity(EntityValues.of(SnapshotSide.SIS, RecordKind.STUDENT, sis.user(i)));
            int j = m.sisPartner[i];
            linked.put(sis.key(i), j < 0 ? null : ours.key(j));
            anyLinked |= j >= 0;
        }
        String keep = sis.key(kept);
        StringJoiner others = new StringJoiner(", ");
        for (int i : members) {
            if (i != kept) {
                others.add(sis.key(i));
            }
        }
        b.title("The SIS holds one student " + members.length + " times: " + keysOf(sis, members))
                .evidence("keep", keep)
                .evidence("foundBy", Duplicates.describe(d.reasonsOf(group)))
                .evidence("ourRecord", linked);
        groupEvidence(b, d, group, kept, sis, classes, "openEnrollments");
        b.resolution("merge-in-sis", "Ask the district to merge " + others + " into " + keep + " in their SIS"
                + (anyLinked ? ", the record our database is linked to" : "") + ", moving any enrollments across. "
                + (anyLinked ? "Nothing to change in our database."
                : "Neither record is in our database yet: the sync after the merge creates the student."), null);
        add(Category.DUPLICATE_IN_SIS, b.build());
    }

    private void groupEvidence(Finding.Builder b, Duplicates d, int group, int kept, Students side, Map<Integer, Integer> classes,
                               String classesLabel) {
        List<Map<String, Object>> matches = new ArrayList<>();
        double lowest = Double.POSITIVE_INFINITY;
        for (Duplicates.Pair p : d.pairsOfGroup.get(group)) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("keys", List.of(side.key(p.a()), side.key(p.b())));
            pair.put("foundBy", Duplicates.describe(p.reasons()));
            pair.put("score", p.comparison().shownScore());
            pair.put("agreed", p.comparison().agreed());
            pair.put("disagreed", p.comparison().disagreed());
            pair.put("fields", p.comparison().detail());
            matches.add(pair);
            lowest = Math.min(lowest, p.comparison().score);
        }
        b.evidence("score", Math.round(lowest * 10) / 10.0);
        if (matches.size() == 1) {
            b.evidence("agreed", matches.get(0).get("agreed")).evidence("disagreed", matches.get(0).get("disagreed"))
                    .evidence("fields", matches.get(0).get("fields"));
        } else {
            b.evidence("matches", matches);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int x : d.groups.get(group)) {
            counts.put(side.key(x), classes.getOrDefault(x, 0));
        }
        b.evidence(classesLabel, counts);
    }

    void duplicateReview(Duplicates d, Duplicates.Pair p) {
        Students side = d.side;
        boolean oursSide = side.side == SnapshotSide.OURS;
        Category category = oursSide ? Category.DUPLICATE_IN_OURS : Category.DUPLICATE_IN_SIS;
        boolean sharedId = (p.reasons() & (Duplicates.SAME_SIS_ID | Duplicates.SAME_IDENTIFIER)) != 0;
        String where = oursSide ? "our database" : "the SIS";
        String a = side.key(p.a());
        String bKey = side.key(p.b());
        Comparison c = p.comparison();
        Finding.Builder b = finding(category, sharedId ? Severity.WARNING : Severity.INFO)
                .title("Needs review: " + a + " and " + bKey + " in " + where + " may be one student (score " + c.shownScore() + ")")
                .entity(EntityValues.of(side.side, RecordKind.STUDENT, side.user(p.a())))
                .entity(EntityValues.of(side.side, RecordKind.STUDENT, side.user(p.b())))
                .evidence("needsReview", true)
                .evidence("candidates", List.of(a, bKey))
                .evidence("foundBy", Duplicates.describe(p.reasons()))
                .evidence("score", c.shownScore())
                .evidence("matchThreshold", m.matchThreshold)
                .evidence("reviewThreshold", m.reviewThreshold)
                .evidence("agreed", c.agreed())
                .evidence("disagreed", c.disagreed())
                .evidence("fields", c.detail());
        String shared = sharedId ? "They share " + ((p.reasons() & Duplicates.SAME_SIS_ID) != 0 ? "a SIS id" : "a student number")
                + " but their details differ, so either one of the two is wrong or they are one student with a typo. " : "";
        if (oursSide) {
            b.resolution("review", shared + "Compare the two records with the SIS. If they are one student, merge them (as for "
                            + "a confirmed duplicate); if not, correct the wrong SIS id or student number.",
                    "-- only once you have confirmed which record is wrong, e.g. when " + bKey + " is not this SIS student:\n"
                            + "update students set sis_id = null where student_key = " + Sql.text(bKey) + ";");
        } else {
            b.resolution("review", shared + "Ask the district whether the two SIS records are one student; if so they merge them "
                    + "in the SIS, if not they correct the student number.", null);
        }
        add(category, b.build());
    }

    private static String keysOf(Students side, int[] members) {
        StringJoiner keys = new StringJoiner(" and ");
        for (int x : members) {
            keys.add(side.key(x));
        }
        return keys.toString();
    }

    // ------------------------------------------------------------------ paired students

    void status(int i, int j, Matching.Stage stage) {
        RosterUser s = sis.user(i);
        RosterUser o = ours.user(j);
        boolean sisActive = s.isActive();
        String title = sisActive
                ? "Student " + s.sourcedId() + " is active in the SIS but inactive in our database (" + o.sourcedId() + ")"
                : "Student " + s.sourcedId() + " is " + (s.enabled() ? "marked " + s.status().name().toLowerCase(java.util.Locale.ROOT)
                : "disabled") + " in the SIS but active in our database (" + o.sourcedId() + ")";
        Finding finding = finding(Category.STATUS_MISMATCH, Severity.ERROR)
                .title(title)
                .entity(EntityValues.of(SnapshotSide.SIS, RecordKind.STUDENT, s))
                .entity(EntityValues.of(SnapshotSide.OURS, RecordKind.STUDENT, o))
                .evidence("sisActive", sisActive)
                .evidence("sisEnabled", s.enabled())
                .evidence("sisStatus", s.status().name().toLowerCase(java.util.Locale.ROOT))
                .evidence("oursActive", o.isActive())
                .evidence("stage", stage.wireName)
                .resolution("re-sync", sisActive
                                ? "Run a roster sync; it reactivates the student. If our record stays inactive after a sync, "
                                + "someone deactivated it on our side: check with the school before reactivating."
                                : "Run a roster sync; it deactivates the student, who then loses access. If our record stays "
                                + "active after a sync, raise it with engineering.",
                        "update students set active = " + sisActive + " where student_key = " + Sql.text(o.sourcedId()) + ";")
                .build();
        add(Category.STATUS_MISMATCH, finding);
    }

    /** One finding per paired student whose values differ: every differing field with both values. */
    void drift(int i, int j, Matching.Stage stage) {
        RosterUser s = sis.user(i);
        RosterUser o = ours.user(j);
        // our given name may be the one the student goes by (OneRoster 1.2's preferred name): that is not drift
        boolean givenSame = same(s.givenName(), o.givenName()) || (s.preferredGivenName() != null
                && s.preferredGivenName().equals(o.givenName()));
        if (givenSame && same(s.familyName(), o.familyName())
                && Objects.equals(s.birthDate(), o.birthDate()) && same(s.grade(), o.grade())
                && same(s.identifier(), o.identifier()) && same(s.email(), o.email())) {
            return; // the common case, decided without a single allocation
        }
        List<Map<String, Object>> fields = new ArrayList<>();
        StringJoiner labels = new StringJoiner(", ");
        StringJoiner set = new StringJoiner(", ");
        boolean substantive = false;
        if (!givenSame) {
            substantive |= compare(fields, labels, set, Field.GIVEN_NAME, "given_name", s.givenName(), o.givenName(),
                    Objects.equals(sis.given(i).squashed, ours.given(j).squashed));
        }
        if (!same(s.familyName(), o.familyName())) {
            substantive |= compare(fields, labels, set, Field.FAMILY_NAME, "family_name", s.familyName(), o.familyName(),
                    Objects.equals(sis.family(i).squashed, ours.family(j).squashed));
        }
        if (!Objects.equals(s.birthDate(), o.birthDate())) {
            substantive |= compare(fields, labels, set, Field.BIRTH_DATE, "birth_date", text(s.birthDate()), text(o.birthDate()), false);
        }
        if (!same(s.grade(), o.grade())) {
            substantive |= compare(fields, labels, set, Field.GRADE, "grade", s.grade(), o.grade(),
                    Objects.equals(Person.grade(s.grade()), Person.grade(o.grade())));
        }
        if (!same(s.identifier(), o.identifier())) {
            substantive |= compare(fields, labels, set, Field.IDENTIFIER, "local_number", s.identifier(), o.identifier(),
                    Objects.equals(Person.identifier(s.identifier()), Person.identifier(o.identifier())));
        }
        if (!same(s.email(), o.email())) {
            substantive |= compare(fields, labels, set, Field.EMAIL, "email", s.email(), o.email(),
                    Objects.equals(Person.email(s.email()), Person.email(o.email())));
        }
        if (fields.isEmpty()) {
            return;
        }
        Finding finding = finding(Category.FIELD_DRIFT, substantive ? Severity.WARNING : Severity.INFO)
                .title("Student " + s.sourcedId() + ": " + labels + " differ" + (fields.size() == 1 ? "s" : "")
                        + " between the SIS and our database (" + o.sourcedId() + ")")
                .entity(EntityValues.of(SnapshotSide.SIS, RecordKind.STUDENT, s))
                .entity(EntityValues.of(SnapshotSide.OURS, RecordKind.STUDENT, o))
                .evidence("fields", fields)
                .evidence("stage", stage.wireName)
                .resolution("re-sync", "Run a roster sync to copy the SIS values. If they still differ after a sync, someone "
                                + "edits them on our side or the sync does not map the field: raise it with engineering.",
                        "update students set " + set + " where student_key = " + Sql.text(o.sourcedId()) + ";")
                .build();
        add(Category.FIELD_DRIFT, finding);
    }

    /** Adds the field when both sides have a value and they differ; true when more than case, accents or spacing differ. */
    private static boolean compare(List<Map<String, Object>> fields, StringJoiner labels, StringJoiner set, Field field,
                                   String column, String sisValue, String oursValue, boolean cosmeticOnly) {
        if (blank(sisValue) || blank(oursValue) || sisValue.equals(oursValue)) {
            return false;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("field", field.wireName);
        f.put("sis", sisValue);
        f.put("ours", oursValue);
        if (cosmeticOnly) {
            f.put("differsOnlyIn", "case, accents, punctuation or spacing");
        }
        fields.add(f);
        labels.add(field.label);
        set.add(column + " = " + (column.equals("birth_date") ? "date " : "") + Sql.text(sisValue));
        return !cosmeticOnly;
    }

    /** Equal, or one of the two is empty (a value one side lacks is the Missing Data Finder's, not drift). */
    private static boolean same(String a, String b) {
        return a == null || b == null || a.equals(b) || a.isBlank() || b.isBlank();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
