package com.bookmarked.cdt.tool.studentmismatch;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.DiagnosticTool;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.SnapshotNeed;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolDescriptor;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Student Mismatch Resolver: pairs the SIS's students with ours (by SIS id, then student
 * number, then by score on names, birth date, grade and campus) and reports students missing on
 * our side, orphaned on ours, re-keyed, held twice on either side, with a different status, or
 * with drifted values. Pure: it reads only the two snapshots it is given.
 */
@Singleton
public class StudentMismatchResolver implements DiagnosticTool {

    public static final String ID = "student-mismatch";

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor(ID, "Student Mismatch Resolver",
            "Pairs the district's students with ours (SIS id, then student number, then names and birth date) and reports "
                    + "students missing here, orphaned here, re-keyed by the SIS, held twice on either side, with a different "
                    + "status, or with values that drifted apart; every finding proposes a fix.",
            List.of(new SnapshotNeed(SnapshotSide.SIS, "the district's students, as the SIS has them"),
                    new SnapshotNeed(SnapshotSide.OURS, "our students, to pair them with the SIS's")),
            Settings.schema(),
            Arrays.stream(Category.values()).map(Enum::name).toList());

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ToolResult analyze(Snapshots snapshots, ToolParameters parameters, Progress progress) {
        RosterSnapshot sisSnapshot = snapshots.sis();
        RosterSnapshot oursSnapshot = snapshots.ours();
        Settings settings = Settings.from(parameters, sisSnapshot);

        progress.report("Reading the students", 0);
        NameForms names = new NameForms();
        Students sis = Students.of(sisSnapshot, names);
        Students ours = Students.of(oursSnapshot, names);
        ClassCounts oursClasses = new ClassCounts(oursSnapshot.enrollments(), settings.asOf());
        ClassCounts sisClasses = new ClassCounts(sisSnapshot.enrollments(), settings.asOf());

        Matching m = new Matching(sis, ours, settings.matchThreshold(), settings.reviewThreshold(), progress);
        m.run(oursClasses);
        FindingWriter out = new FindingWriter(m, settings);
        Map<String, Object> profile = new LinkedHashMap<>();
        if (m.cancelled) {
            profile.put("cancelled", true);
            return new ToolResult(out.findings, profile);
        }

        progress.report("Comparing paired students", 80);
        int[] byStage = new int[Matching.Stage.values().length];
        for (int i = 0; i < sis.size(); i++) {
            int j = m.sisPartner[i];
            if (j < 0) {
                continue;
            }
            Matching.Stage stage = m.stageOfSis[i];
            byStage[stage.ordinal()]++;
            if (stage != Matching.Stage.SOURCED_ID) {
                out.rekeyed(i, j, stage, m.comparison(i, j));
            }
            if (sis.user(i).isActive() != ours.user(j).isActive()) {
                out.status(i, j, stage);
            }
            out.drift(i, j, stage);
        }

        progress.report("Reporting unpaired and duplicated students", 90);
        Map<Integer, List<Matching.Review>> reviewsOfSis = new HashMap<>();
        Map<Integer, List<Matching.Review>> reviewsOfOurs = new HashMap<>();
        for (Matching.Review r : m.reviews) {
            out.needsReview(r);
            reviewsOfSis.computeIfAbsent(r.sis(), k -> new ArrayList<>()).add(r);
            reviewsOfOurs.computeIfAbsent(r.ours(), k -> new ArrayList<>()).add(r);
        }
        int inactiveSisNotHere = 0;
        for (int i = 0; i < sis.size(); i++) {
            if (m.sisPartner[i] < 0 && !m.sisDuplicates.grouped(i)) {
                if (sis.user(i).isActive()) {
                    out.missing(i, reviewsOfSis.getOrDefault(i, List.of()));
                } else {
                    inactiveSisNotHere++;
                }
            }
        }
        List<Integer> orphans = new ArrayList<>();
        int inactiveOursNotInSis = 0;
        for (int j = 0; j < ours.size(); j++) {
            if (m.oursPartner[j] < 0 && !m.oursDuplicates.grouped(j)) {
                if (ours.user(j).isActive()) {
                    orphans.add(j);
                } else {
                    inactiveOursNotInSis++;
                }
            }
        }
        // Orphans are never linked to a SIS student, so their classes were counted with the duplicates'.
        Map<Integer, Integer> oursClassCounts = m.classesOfOurs;
        for (int j : orphans) {
            out.orphaned(j, oursClassCounts.getOrDefault(j, 0), reviewsOfOurs.getOrDefault(j, List.of()));
        }
        for (int g = 0; g < m.oursDuplicates.groups.size(); g++) {
            out.duplicateInOurs(m.oursDuplicates, g, m.kept(m.oursDuplicates, m.oursAbsorbed, g), oursClassCounts);
        }
        List<Integer> sisCounted = new ArrayList<>();
        for (int[] group : m.sisDuplicates.groups) {
            for (int i : group) {
                sisCounted.add(i);
            }
        }
        Map<Integer, Integer> sisClassCounts = sisClasses.count(sis, sisCounted);
        for (int g = 0; g < m.sisDuplicates.groups.size(); g++) {
            out.duplicateInSis(m.sisDuplicates, g, keptInSis(m, g), sisClassCounts);
        }
        for (Duplicates.Pair p : m.oursDuplicates.reviews) {
            out.duplicateReview(m.oursDuplicates, p);
        }
        for (Duplicates.Pair p : m.sisDuplicates.reviews) {
            out.duplicateReview(m.sisDuplicates, p);
        }

        List<Finding> findings = new ArrayList<>(out.findings);
        findings.sort(ORDER);
        profile.put("asOf", settings.asOf().toString());
        profile.put("matchThreshold", settings.matchThreshold());
        profile.put("reviewThreshold", settings.reviewThreshold());
        Map<String, Integer> students = new LinkedHashMap<>();
        students.put("sis", sis.size());
        students.put("ours", ours.size());
        profile.put("students", students);
        Map<String, Integer> paired = new LinkedHashMap<>();
        for (Matching.Stage stage : Matching.Stage.values()) {
            paired.put(stage.wireName, byStage[stage.ordinal()]);
        }
        profile.put("pairedBy", paired);
        profile.put("needsReview", m.reviews.size() + m.oursDuplicates.reviews.size() + m.sisDuplicates.reviews.size());
        profile.put("inactiveSisStudentsNotHere", inactiveSisNotHere);
        profile.put("inactiveOurStudentsNotInSis", inactiveOursNotInSis);
        if (m.blocksSkipped + m.sisDuplicates.keysSkipped + m.oursDuplicates.keysSkipped > 0) {
            // A value shared by very many records (a placeholder student number or email) is not compared record by record.
            profile.put("sharedValuesSkipped", m.blocksSkipped + m.sisDuplicates.keysSkipped + m.oursDuplicates.keysSkipped);
        }
        Map<String, Integer> byCategory = new TreeMap<>();
        for (Finding f : findings) {
            byCategory.merge(f.category(), 1, Integer::sum);
        }
        profile.put("findingsByCategory", byCategory);
        progress.report("Done", 100);
        return new ToolResult(findings, profile);
    }

    /** The SIS record to keep: the one our database is linked to (paired), else the group's kept record. */
    private static int keptInSis(Matching m, int group) {
        for (int i : m.sisDuplicates.groups.get(group)) {
            if (m.sisPartner[i] >= 0) {
                return i;
            }
        }
        return m.kept(m.sisDuplicates, m.sisAbsorbed, group);
    }

    /** Category order, then the sorted entity keys: the same findings always come out in the same order. */
    private static final Comparator<Finding> ORDER = Comparator
            .comparingInt((Finding f) -> Category.valueOf(f.category()).ordinal())
            .thenComparing(StudentMismatchResolver::entityKeys);

    private static String entityKeys(Finding f) {
        StringBuilder keys = new StringBuilder();
        for (EntityRef e : f.entities()) {
            keys.append(e.side().wireName()).append(':').append(e.key()).append(' ');
        }
        return keys.toString();
    }
}
