package com.bookmarked.cdt.tool.campustransfer;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.support.EntityValues;
import com.bookmarked.cdt.core.tool.support.RecordKind;
import com.bookmarked.cdt.tool.campustransfer.StudentComparison.Case;
import com.bookmarked.cdt.tool.campustransfer.StudentComparison.OpenElsewhere;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Words, evidence and resolutions of the findings. Every finding names the SIS student and our
 * student (both with {@code currentCampus}: the SIS org each side places them at, so the two line
 * up), the day it was judged on, our last sync, and the student's timeline on both sides.
 */
final class CampusFindings {

    private final Campuses campuses;
    private final RunningDates dates;
    private final LocalDate asOf;
    private final Instant lastSyncAt;

    CampusFindings(Campuses campuses, RunningDates dates, LocalDate asOf, Instant lastSyncAt) {
        this.campuses = campuses;
        this.dates = dates;
        this.asOf = asOf;
        this.lastSyncAt = lastSyncAt;
    }

    Finding concurrent(Case c) {
        List<String> names = new ArrayList<>(c.sisCampuses().size());
        for (String campus : c.sisCampuses()) {
            names.add(sisCampusLabel(campus));
        }
        Finding.Builder f = start(Category.CONCURRENT_CAMPUSES, c, "Student " + c.sis().sourcedId() + " is in classes at "
                + String.join(" and ", names) + " at the same time in the SIS")
                .resolution("ask-district", "The SIS has this student in running classes at " + c.sisCampuses().size()
                        + " campuses. Ask the district which campus is right. If the student really attends both (a shared "
                        + "or dual-enrollment program), nothing needs to change here; otherwise the district ends the "
                        + "enrollments at the wrong campus in the SIS and the next sync follows.", null);
        return done(f, c);
    }

    Finding unmapped(Case c, LocalDate changedOn) {
        String to = sisCampusLabel(c.sisCampus());
        Finding.Builder f = start(Category.UNMAPPED_CAMPUS, c, "Student " + c.sis().sourcedId() + " moved to " + to
                + (changedOn == null ? "" : " on " + changedOn) + ", a school with no campus on our side")
                .evidence("changedOn", text(changedOn))
                .resolution("map-campus", "The SIS places this student at " + to + ", but none of this district's campuses "
                        + "is mapped to that school, so no sync can move them and we keep showing " + ourCampusLabel(c)
                        + ". Add a campus for it (SIS org " + c.sisCampus() + ") in the district's campus mapping, then run a "
                        + "roster sync.", null);
        return done(f, c);
    }

    Finding mismatch(Case c, LocalDate changedOn) {
        String to = sisCampusLabel(c.sisCampus());
        String title = changedOn == null
                ? "The SIS places student " + c.sis().sourcedId() + " at " + to + "; we show " + ourCampusLabel(c)
                : "Student " + c.sis().sourcedId() + " moved to " + to + " on " + changedOn + "; we still show "
                        + ourCampusLabel(c);
        Finding.Builder f = start(Category.CAMPUS_MISMATCH, c, title)
                .evidence("changedOn", text(changedOn))
                .resolution("re-sync", (changedOn == null ? "The SIS and we disagree on this student's campus"
                        : "Our last sync ran after this change") + ", yet we still show " + ourCampusLabel(c) + ". Run a "
                        + "roster sync for the district; it moves the student and their classes. If they still show at "
                        + "the old campus afterwards, raise it with engineering with this finding.", null);
        return done(f, c);
    }

    Finding pendingMove(Case c, LocalDate changedOn) {
        String to = sisCampusLabel(c.sisCampus());
        Finding.Builder f = start(Category.PENDING_SYNC, c, "Student " + c.sis().sourcedId() + " moved to " + to + " on " + changedOn
                + ", after our last sync (" + lastSyncAt + "); the next sync will carry it")
                .evidence("changedOn", text(changedOn))
                .resolution("wait-for-sync", "Nothing is broken: the SIS made this change after our last sync, so we "
                        + "still show " + ourCampusLabel(c) + ". The next scheduled sync moves the student; check again "
                        + "after it. Run a sync now only if the family cannot wait.", null);
        return done(f, c);
    }

    Finding stale(Case c, List<OpenElsewhere> stale, List<OpenElsewhere> recent) {
        Finding.Builder f = start(Category.STALE_ENROLLMENT_AT_OLD_CAMPUS, c, "Student " + c.sis().sourcedId() + " is at "
                + sisCampusLabel(c.sisCampus()) + ", but " + (stale.size() == 1 ? "our membership in class "
                + stale.get(0).membership().classSourcedId() + " at " + ourCampusLabel(stale.get(0).campus()) + " is"
                : stale.size() + " of our class memberships at another campus are") + " still open");
        StringBuilder script = new StringBuilder();
        for (OpenElsewhere open : stale) {
            f.entity(membership(open));
            script.append(closeScript(open, c));
        }
        f.evidence("openElsewhere", describe(stale));
        if (!recent.isEmpty()) {
            f.evidence("closingAtNextSync", describe(recent));
        }
        f.resolution("close-membership", "We show the student at the right campus but left "
                        + (stale.size() == 1 ? "a class membership" : stale.size() + " class memberships")
                        + " at the old one open, so the old class and its teacher still list them. The SIS ended "
                        + (stale.size() == 1 ? "it" : "them") + " before our last sync. If a roster sync does not close "
                        + (stale.size() == 1 ? "it" : "them") + ", engineering can with the script (shown here, never run "
                        + "by CDT).", script.toString().stripTrailing());
        return done(f, c);
    }

    Finding pendingClosures(Case c, List<OpenElsewhere> recent) {
        Finding.Builder f = start(Category.PENDING_SYNC, c, "The SIS ended student " + c.sis().sourcedId() + "'s "
                + (recent.size() == 1 ? "class" : recent.size() + " classes") + " at another campus after our last sync ("
                + lastSyncAt + "); the next sync will close " + (recent.size() == 1 ? "it" : "them"));
        for (OpenElsewhere open : recent) {
            f.entity(membership(open));
        }
        f.evidence("closingAtNextSync", describe(recent))
                .resolution("wait-for-sync", "Nothing is broken: the SIS ended these enrollments after our last sync, so "
                        + "our memberships are still open. The next scheduled sync closes them; check again after it.", null);
        return done(f, c);
    }

    private Finding.Builder start(Category category, Case c, String title) {
        Finding.Builder f = Finding.builder(CampusTransferValidator.ID, category.name(), category.severity)
                .title(title)
                .entity(student(SnapshotSide.SIS, c.sis(), String.join(", ", c.sisCampuses()),
                        c.sisCampuses().size() == 1 ? campuses.sisName(c.sisCampus()) : null))
                .entity(student(SnapshotSide.OURS, c.ours(), c.ourSisOrg(), campuses.ourName(c.ourCampus())))
                .evidence("asOf", asOf.toString())
                .evidence("lastSyncAt", lastSyncAt == null ? null : lastSyncAt.toString())
                .evidence("sisCampus", c.sisCampuses().size() == 1 ? c.sisCampus() : c.sisCampuses())
                .evidence("sisCampusFrom", c.fromEnrollments() ? "enrollments running on " + asOf
                        : "the student's primary org (no enrollment runs on " + asOf + ")")
                .evidence("ourCampus", c.ourCampus())
                .evidence("ourCampusSisOrg", c.ourSisOrg());
        return f;
    }

    /** The timelines go last, after the short facts. */
    private Finding done(Finding.Builder f, Case c) {
        return f.evidence("sisTimeline", Timeline.sis(c.sis(), c.sisEnrollments(), campuses, dates))
                .evidence("ourTimeline", Timeline.ours(c.ours(), c.memberships(), campuses))
                .build();
    }

    private static EntityRef student(SnapshotSide side, RosterUser u, String currentCampus, String currentCampusName) {
        Map<String, String> values = new LinkedHashMap<>(EntityValues.of(side, RecordKind.STUDENT, u).values());
        values.put("currentCampus", currentCampus);
        values.put("currentCampusName", currentCampusName);
        return new EntityRef(side, RecordKind.STUDENT.entityType, u.sourcedId(), values);
    }

    private EntityRef membership(OpenElsewhere open) {
        Map<String, String> values = new LinkedHashMap<>(EntityValues.of(SnapshotSide.OURS, open.membership()).values());
        values.put("campusName", campuses.ourName(open.campus()));
        values.put("campusSisOrg", campuses.ourSisOrg(open.campus()));
        values.put("sisEndedOn", text(open.sisEndedOn()));
        return new EntityRef(SnapshotSide.OURS, EntityType.ENROLLMENT,
                open.membership().sourcedId(), values);
    }

    private List<Map<String, Object>> describe(List<OpenElsewhere> open) {
        List<Map<String, Object>> out = new ArrayList<>(open.size());
        for (OpenElsewhere o : open) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("membership", o.membership().sourcedId());
            m.put("class", o.membership().classSourcedId());
            m.put("campus", o.campus());
            m.put("campusName", campuses.ourName(o.campus()));
            m.put("sisEndedOn", text(o.sisEndedOn()));
            out.add(m);
        }
        return out;
    }

    /**
     * Ends the membership on the day the SIS ended the enrollment; when the SIS no longer has it,
     * on the day before the student's stint at the new campus began, else the day before asOf.
     */
    private String closeScript(OpenElsewhere open, Case c) {
        LocalDate endedOn = open.sisEndedOn();
        String why = "the SIS ended this enrollment on " + endedOn;
        if (endedOn == null) {
            LocalDate start = c.fromEnrollments()
                    ? Timeline.stintStart(Timeline.sisStints(c.sisEnrollments(), campuses, dates, false), c.sisCampus(), asOf)
                    : null;
            endedOn = (start == null ? asOf : start).minusDays(1);
            why = start == null ? "the SIS has no enrollment for it; closed as of the day before " + asOf
                    : "the SIS has no enrollment for it; closed the day before the student started at " + c.sisCampus();
        }
        Enrollment m = open.membership();
        return "-- " + why + "\n"
                + "update class_members set ended_on = date '" + endedOn + "'\n"
                + " where class_key = " + Sql.literal(m.classSourcedId()) + " and person_key = " + Sql.literal(m.userSourcedId())
                + "\n   and (ended_on is null or ended_on > date '" + endedOn + "');\n";
    }

    private String sisCampusLabel(String sisOrg) {
        String name = campuses.sisName(sisOrg);
        return name == null ? sisOrg : name + " (" + sisOrg + ")";
    }

    private String ourCampusLabel(Case c) {
        return c.ourCampus() == null ? "no campus" : ourCampusLabel(c.ourCampus());
    }

    private String ourCampusLabel(String campusKey) {
        String name = campuses.ourName(campusKey);
        return name == null ? campusKey : name + " (" + campusKey + ")";
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
