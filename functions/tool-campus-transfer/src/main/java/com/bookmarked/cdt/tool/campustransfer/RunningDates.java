package com.bookmarked.cdt.tool.campustransfer;

import com.bookmarked.cdt.core.roster.AcademicSession;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * When a SIS enrollment runs: its own begin and end dates; a missing one comes from the class's
 * terms (the earliest start and latest end of its academic sessions). A date neither gives leaves
 * that end open. Term spans are worked out once per class.
 */
final class RunningDates {

    private static final LocalDate[] OPEN = new LocalDate[2];

    private final Campuses campuses;
    private final Map<String, AcademicSession> sessions = new HashMap<>();
    private final Map<String, LocalDate[]> termsOfClass = new HashMap<>();

    RunningDates(RosterSnapshot sis, Campuses campuses) {
        this.campuses = campuses;
        for (AcademicSession s : sis.academicSessions()) {
            sessions.putIfAbsent(s.sourcedId(), s);
        }
    }

    LocalDate begin(Enrollment e) {
        return e.beginDate() != null ? e.beginDate() : terms(e.classSourcedId())[0];
    }

    LocalDate end(Enrollment e) {
        return e.endDate() != null ? e.endDate() : terms(e.classSourcedId())[1];
    }

    /** True when either date had to come from the class's terms. */
    static boolean fromSession(Enrollment e) {
        return e.beginDate() == null || e.endDate() == null;
    }

    /** Active and running on the day (both ends included). */
    boolean runsOn(Enrollment e, LocalDate day) {
        if (e.status() != RecordStatus.ACTIVE) {
            return false;
        }
        LocalDate from = begin(e);
        if (from != null && day.isBefore(from)) {
            return false;
        }
        LocalDate to = end(e);
        return to == null || !day.isAfter(to);
    }

    private LocalDate[] terms(String classId) {
        LocalDate[] span = termsOfClass.get(classId);
        if (span == null) {
            RosterClass c = campuses.sisClass(classId);
            span = c == null || c.termSourcedIds().isEmpty() ? OPEN : span(c);
            termsOfClass.put(classId, span);
        }
        return span;
    }

    private LocalDate[] span(RosterClass c) {
        LocalDate from = null;
        LocalDate to = null;
        boolean openStart = false;
        boolean openEnd = false;
        for (String termId : c.termSourcedIds()) {
            AcademicSession term = sessions.get(termId);
            LocalDate start = term == null ? null : term.startDate();
            LocalDate end = term == null ? null : term.endDate();
            openStart |= start == null;
            openEnd |= end == null;
            if (start != null && (from == null || start.isBefore(from))) {
                from = start;
            }
            if (end != null && (to == null || end.isAfter(to))) {
                to = end;
            }
        }
        return new LocalDate[] {openStart ? null : from, openEnd ? null : to};
    }
}
