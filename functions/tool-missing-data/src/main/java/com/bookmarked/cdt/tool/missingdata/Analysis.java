package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.support.RecordKind;
import com.bookmarked.cdt.core.tool.support.RosterIndex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One run of the Missing Data Finder: both rosters indexed, the day that counts as today, the
 * rule set, and the findings so far. Records link across sides by SIS id only (our {@code sis_id}
 * equals the SIS sourcedId); matching people by name is the Student Mismatch Resolver's job.
 */
final class Analysis {

    private static final int CHECK_EVERY = 1 << 14;

    final RosterIndex sis;
    final RosterIndex ours;
    final LocalDate asOf;
    final IntegrationType integration;
    private final Set<Category> categories;
    private final Progress progress;
    final List<Finding> findings = new ArrayList<>();
    private boolean cancelled;

    Analysis(RosterIndex sis, RosterIndex ours, LocalDate asOf, IntegrationType integration, Set<Category> categories,
             Progress progress) {
        this.sis = sis;
        this.ours = ours;
        this.asOf = asOf;
        this.integration = integration;
        this.categories = categories;
        this.progress = progress;
    }

    boolean wants(Category category) {
        return categories.contains(category);
    }

    Finding.Builder finding(Category category, Severity severity, String rule) {
        return Finding.builder(MissingDataFinder.ID, category.name(), severity).rule(rule);
    }

    void add(Finding finding) {
        findings.add(finding);
    }

    /** True when the run should stop; checked every few thousand records, cheaply. */
    boolean stop(int recordIndex) {
        if (!cancelled && (recordIndex & (CHECK_EVERY - 1)) == 0) {
            cancelled = progress.cancelled();
        }
        return cancelled;
    }

    boolean cancelled() {
        if (!cancelled) {
            cancelled = progress.cancelled();
        }
        return cancelled;
    }

    void phase(String name, int percent) {
        progress.report(name, percent);
    }

    /** Our records of the same kind that carry this SIS record's sourcedId. */
    List<RosterUser> oursLinkedTo(RosterUser sisUser, RecordKind kind) {
        List<RosterUser> linked = ours.usersBySisId.get(sisUser.sourcedId());
        if (linked == null) {
            return List.of();
        }
        List<RosterUser> same = new ArrayList<>(linked.size());
        for (RosterUser u : linked) {
            if (RecordKind.of(u.role()) == kind) {
                same.add(u);
            }
        }
        return same;
    }

    /** The SIS record our record points at through its sis_id, when there is one of the same kind. */
    RosterUser sisLinkedTo(RosterUser oursUser, RecordKind kind) {
        if (oursUser.sisId() == null) {
            return null;
        }
        RosterUser u = sis.users.get(oursUser.sisId());
        return u != null && RecordKind.of(u.role()) == kind ? u : null;
    }

    List<RosterClass> oursLinkedTo(RosterClass sisClass) {
        List<RosterClass> linked = ours.classesBySisId.get(sisClass.sourcedId());
        return linked == null ? List.of() : linked;
    }

    RosterClass sisLinkedTo(RosterClass oursClass) {
        return oursClass.sisId() == null ? null : sis.classes.get(oursClass.sisId());
    }

    static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
