package com.bookmarked.cdt.tool.campustransfer;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.tool.support.EnrollmentsByPerson;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides, for one SIS student and one of our students linked to them, which category (if any)
 * describes their campuses on {@code asOf}. One finding per pair at most, in this order:
 * <ol>
 * <li>the SIS runs classes at two campuses at once: {@code CONCURRENT_CAMPUSES};</li>
 * <li>the SIS campus has no campus of ours mapped to it: {@code UNMAPPED_CAMPUS} (a sync cannot
 *     carry it, however recent);</li>
 * <li>our campus is another one: {@code PENDING_SYNC} when the SIS stint at the new campus began
 *     after our last sync, else {@code CAMPUS_MISMATCH} (its old class memberships are part of that,
 *     not stale memberships of their own);</li>
 * <li>our campus is right but class memberships at another campus are open:
 *     {@code STALE_ENROLLMENT_AT_OLD_CAMPUS}; when the SIS ended all of them only after our last
 *     sync, {@code PENDING_SYNC}.</li>
 * </ol>
 * The common case (same campus, nothing open elsewhere) allocates nothing.
 */
final class StudentComparison {

    /** Everything the findings need about one pair. */
    record Case(RosterUser sis, RosterUser ours, List<Enrollment> sisEnrollments, List<Enrollment> memberships,
                List<String> sisCampuses, boolean fromEnrollments, String ourCampus, String ourSisOrg) {

        String sisCampus() {
            return sisCampuses.get(0);
        }
    }

    /** An open membership of ours at a campus other than the SIS's, and when the SIS ended it (null: unknown). */
    record OpenElsewhere(Enrollment membership, String campus, LocalDate sisEndedOn) {
    }

    private final Campuses campuses;
    private final RunningDates dates;
    private final EnrollmentsByPerson sisEnrollments;
    private final EnrollmentsByPerson ourMemberships;
    private final LocalDate asOf;
    private final Instant lastSyncAt;
    private final Set<Category> wanted;
    private final CampusFindings findings;

    StudentComparison(RosterSnapshot sis, RosterSnapshot ours, LocalDate asOf, Set<Category> wanted) {
        this.campuses = new Campuses(sis, ours);
        this.dates = new RunningDates(sis, campuses);
        this.sisEnrollments = new EnrollmentsByPerson(sis.enrollments(), e -> e.role() == RoleType.STUDENT);
        this.ourMemberships = new EnrollmentsByPerson(ours.enrollments(), e -> e.role() == RoleType.STUDENT);
        this.asOf = asOf;
        this.lastSyncAt = ours.meta().lastSyncAt();
        this.wanted = wanted;
        this.findings = new CampusFindings(campuses, dates, asOf, lastSyncAt);
    }

    /** Adds the pair's finding, if any, to {@code out}. */
    void compare(RosterUser sisStudent, RosterUser ourStudent, List<Finding> out) {
        List<Enrollment> enrollments = sisEnrollments.of(sisStudent.sourcedId());
        String first = null;
        List<String> campusesNow = null;
        for (int i = 0, n = enrollments.size(); i < n; i++) {
            Enrollment e = enrollments.get(i);
            if (!dates.runsOn(e, asOf)) {
                continue;
            }
            String campus = campuses.sisCampus(e);
            if (campus == null || campus.equals(first)) {
                continue;
            }
            if (first == null) {
                first = campus;
            } else {
                if (campusesNow == null) {
                    campusesNow = new ArrayList<>(3);
                    campusesNow.add(first);
                }
                if (!campusesNow.contains(campus)) {
                    campusesNow.add(campus);
                }
            }
        }
        boolean fromEnrollments = first != null;
        if (first == null) {
            first = campuses.sisPrimaryCampus(sisStudent);
            if (first == null) {
                return; // the SIS gives no campus at all: the Missing Data Finder's to report
            }
        }
        String ourCampus = ourStudent.primaryOrg();
        String ourSisOrg = campuses.ourSisOrg(ourCampus);

        if (campusesNow != null) {
            if (wanted.contains(Category.CONCURRENT_CAMPUSES)) {
                campusesNow.sort(null);
                out.add(findings.concurrent(pair(sisStudent, ourStudent, enrollments, campusesNow, true, ourCampus, ourSisOrg)));
            }
            return;
        }
        if (!campuses.mapped(first)) {
            if (wanted.contains(Category.UNMAPPED_CAMPUS)) {
                Case c = pair(sisStudent, ourStudent, enrollments, List.of(first), fromEnrollments, ourCampus, ourSisOrg);
                out.add(findings.unmapped(c, changedOn(c)));
            }
            return;
        }
        if (!first.equals(ourSisOrg)) {
            Case c = pair(sisStudent, ourStudent, enrollments, List.of(first), fromEnrollments, ourCampus, ourSisOrg);
            LocalDate changedOn = changedOn(c);
            if (newerThanSync(changedOn)) {
                if (wanted.contains(Category.PENDING_SYNC)) {
                    out.add(findings.pendingMove(c, changedOn));
                }
            } else if (wanted.contains(Category.CAMPUS_MISMATCH)) {
                out.add(findings.mismatch(c, changedOn));
            }
            return;
        }
        if (wanted.contains(Category.STALE_ENROLLMENT_AT_OLD_CAMPUS) || wanted.contains(Category.PENDING_SYNC)) {
            staleMemberships(sisStudent, ourStudent, enrollments, first, fromEnrollments, ourCampus, ourSisOrg, out);
        }
    }

    private void staleMemberships(RosterUser sisStudent, RosterUser ourStudent, List<Enrollment> enrollments, String campus,
                                  boolean fromEnrollments, String ourCampus, String ourSisOrg, List<Finding> out) {
        List<Enrollment> memberships = ourMemberships.of(ourStudent.sourcedId());
        List<OpenElsewhere> stale = null;
        List<OpenElsewhere> recent = null;
        for (int i = 0, n = memberships.size(); i < n; i++) {
            Enrollment m = memberships.get(i);
            if (!m.isOpenOn(asOf)) {
                continue;
            }
            String elsewhere = campuses.ourCampus(m);
            String org = campuses.ourSisOrg(elsewhere);
            if (org == null || org.equals(campus)) {
                continue;
            }
            RosterClass ourClass = campuses.ourClass(m.classSourcedId());
            String sisClass = ourClass == null ? null : ourClass.sisId();
            LocalDate ended = null;
            boolean stillRunning = false;
            if (sisClass != null) {
                for (Enrollment e : enrollments) {
                    if (!sisClass.equals(e.classSourcedId())) {
                        continue;
                    }
                    if (dates.runsOn(e, asOf)) {
                        stillRunning = true;
                    } else {
                        LocalDate end = dates.end(e);
                        if (end != null && end.isBefore(asOf) && (ended == null || end.isAfter(ended))) {
                            ended = end;
                        }
                    }
                }
            }
            if (stillRunning) {
                continue; // the SIS still runs this class for them: our class sits at another campus, not a stale seat
            }
            OpenElsewhere open = new OpenElsewhere(m, elsewhere, ended);
            if (ended != null && newerThanSync(ended.plusDays(1))) {
                if (recent == null) {
                    recent = new ArrayList<>(2);
                }
                recent.add(open);
            } else {
                if (stale == null) {
                    stale = new ArrayList<>(2);
                }
                stale.add(open);
            }
        }
        if (stale == null && recent == null) {
            return;
        }
        Case c = new Case(sisStudent, ourStudent, enrollments, memberships, List.of(campus), fromEnrollments, ourCampus,
                ourSisOrg);
        if (stale != null) {
            if (wanted.contains(Category.STALE_ENROLLMENT_AT_OLD_CAMPUS)) {
                out.add(findings.stale(c, stale, recent == null ? List.of() : recent));
            }
        } else if (wanted.contains(Category.PENDING_SYNC)) {
            out.add(findings.pendingClosures(c, recent));
        }
    }

    private Case pair(RosterUser sisStudent, RosterUser ourStudent, List<Enrollment> enrollments, List<String> sisCampuses,
                      boolean fromEnrollments, String ourCampus, String ourSisOrg) {
        return new Case(sisStudent, ourStudent, enrollments, ourMemberships.of(ourStudent.sourcedId()), sisCampuses,
                fromEnrollments, ourCampus, ourSisOrg);
    }

    /**
     * When the SIS's campus took effect: the start of the SIS stint at that campus covering
     * {@code asOf}; without running enrollments, the day after the last SIS enrollment at our
     * campus ended. Null when the SIS does not say.
     */
    LocalDate changedOn(Case c) {
        if (c.fromEnrollments()) {
            return Timeline.stintStart(Timeline.sisStints(c.sisEnrollments(), campuses, dates, false), c.sisCampus(), asOf);
        }
        LocalDate lastEnd = null;
        if (c.ourSisOrg() != null) {
            for (Enrollment e : c.sisEnrollments()) {
                LocalDate end = dates.end(e);
                if (end != null && end.isBefore(asOf) && c.ourSisOrg().equals(campuses.sisCampus(e))
                        && (lastEnd == null || end.isAfter(lastEnd))) {
                    lastEnd = end;
                }
            }
        }
        return lastEnd == null ? null : lastEnd.plusDays(1);
    }

    /**
     * A change taking effect on this day is newer than our last sync when the day starts (UTC)
     * after the sync ran: the sync cannot have carried it. Unknown day or sync time: not newer.
     */
    boolean newerThanSync(LocalDate effective) {
        return lastSyncAt != null && effective != null && effective.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(lastSyncAt);
    }
}
