package com.bookmarked.cdt.tool.campustransfer;

import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A student's campuses over time on one side, as a finding's evidence shows them: one entry per
 * stint {campus, campusName, from, to, source, enrollments}, ordered by start (open starts first),
 * then campus; the student's own campus (source {@code primary org}, no dates) comes last.
 *
 * <p>SIS stints merge the enrollments at one campus whose dates overlap or touch; {@code source}
 * says whether their dates came from the enrollments or from the classes' terms ({@code session}).
 * Our side keeps no start dates: one entry per campus and end date ({@code to} empty = still open),
 * with the SIS org the campus is mapped to.
 */
final class Timeline {

    static final String ENROLLMENT = "enrollment";
    static final String SESSION = "session";
    static final String PRIMARY_ORG = "primary org";

    /** One stretch at one campus. Dates are null when open-ended. */
    record Stint(String campus, LocalDate from, LocalDate to, String source, int enrollments) {
    }

    private static final Comparator<LocalDate> NULL_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<LocalDate> NULL_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private Timeline() {
    }

    /** The SIS side's stints; with {@code bySource} false, stints at one campus merge whatever their dates' source. */
    static List<Stint> sisStints(List<Enrollment> enrollments, Campuses campuses, RunningDates dates, boolean bySource) {
        List<Stint> pieces = new ArrayList<>(enrollments.size());
        for (Enrollment e : enrollments) {
            String campus = e.status() == RecordStatus.ACTIVE ? campuses.sisCampus(e) : null;
            if (campus != null) {
                String source = bySource && RunningDates.fromSession(e) ? SESSION : ENROLLMENT;
                pieces.add(new Stint(campus, dates.begin(e), dates.end(e), source, 1));
            }
        }
        pieces.sort(Comparator.comparing(Stint::campus).thenComparing(Stint::source)
                .thenComparing(Stint::from, NULL_FIRST).thenComparing(Stint::to, NULL_LAST));
        List<Stint> merged = new ArrayList<>(pieces.size());
        Stint current = null;
        for (Stint next : pieces) {
            if (current != null && current.campus().equals(next.campus()) && current.source().equals(next.source())
                    && touches(current, next)) {
                LocalDate to = current.to() == null || next.to() == null ? null
                        : next.to().isAfter(current.to()) ? next.to() : current.to();
                current = new Stint(current.campus(), current.from(), to, current.source(), current.enrollments() + 1);
            } else {
                if (current != null) {
                    merged.add(current);
                }
                current = next;
            }
        }
        if (current != null) {
            merged.add(current);
        }
        merged.sort(Comparator.comparing(Stint::from, NULL_FIRST).thenComparing(Stint::campus)
                .thenComparing(Stint::to, NULL_LAST));
        return merged;
    }

    /** Sorted by start within one campus: the next stint begins no later than the day after the current one ends. */
    private static boolean touches(Stint current, Stint next) {
        return current.to() == null || next.from() == null || !next.from().isAfter(current.to().plusDays(1));
    }

    /** The start of the SIS stint at this campus that covers the day; null when unknown or open-ended. */
    static LocalDate stintStart(List<Stint> stintsAnySource, String campus, LocalDate day) {
        for (Stint s : stintsAnySource) {
            if (s.campus().equals(campus) && (s.from() == null || !day.isBefore(s.from()))
                    && (s.to() == null || !day.isAfter(s.to()))) {
                return s.from();
            }
        }
        return null;
    }

    static List<Map<String, Object>> sis(RosterUser student, List<Enrollment> enrollments, Campuses campuses,
                                         RunningDates dates) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Stint s : sisStints(enrollments, campuses, dates, true)) {
            out.add(entry(s.campus(), campuses.sisName(s.campus()), false, null, s.from(), s.to(), s.source(), s.enrollments()));
        }
        String primary = campuses.sisPrimaryCampus(student);
        out.add(entry(primary, campuses.sisName(primary), false, null, null, null, PRIMARY_ORG, null));
        return out;
    }

    static List<Map<String, Object>> ours(RosterUser student, List<Enrollment> memberships, Campuses campuses) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<Stint> stints = new ArrayList<>();
        for (Enrollment m : memberships) {
            if (m.role() != RoleType.STUDENT) {
                continue;
            }
            String campus = Objects.requireNonNullElse(campuses.ourCampus(m), "");
            String key = campus + '|' + m.endDate();
            int[] n = counts.get(key);
            if (n == null) {
                n = new int[1];
                counts.put(key, n);
                stints.add(new Stint(campus, null, m.endDate(), ENROLLMENT, 0));
            }
            n[0]++;
        }
        stints.sort(Comparator.comparing(Stint::to, NULL_LAST).thenComparing(Stint::campus));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Stint s : stints) {
            String campus = s.campus().isEmpty() ? null : s.campus();
            out.add(entry(campus, campuses.ourName(campus), true, campuses.ourSisOrg(campus), null, s.to(), ENROLLMENT,
                    counts.get(s.campus() + '|' + s.to())[0]));
        }
        String primary = student.primaryOrg();
        out.add(entry(primary, campuses.ourName(primary), true, campuses.ourSisOrg(primary), null, null, PRIMARY_ORG, null));
        return out;
    }

    /** On our side an entry also names the SIS org its campus is mapped to (null when none), so both sides line up. */
    private static Map<String, Object> entry(String campus, String name, boolean ours, String sisOrg, LocalDate from,
                                             LocalDate to, String source, Integer enrollments) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("campus", campus);
        e.put("campusName", name);
        if (ours) {
            e.put("sisOrg", sisOrg);
        }
        e.put("from", from == null ? null : from.toString());
        e.put("to", to == null ? null : to.toString());
        e.put("source", source);
        if (enrollments != null) {
            e.put("enrollments", enrollments);
        }
        return e;
    }
}
