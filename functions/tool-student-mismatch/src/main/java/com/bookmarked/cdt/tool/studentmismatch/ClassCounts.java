package com.bookmarked.cdt.tool.studentmismatch;

import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many classes a student is in on {@code asOf} (or will be, this school year): what tells a duplicate in use from an
 * empty copy, and what an orphaned record still holds. Counted only for the few records a
 * finding needs, in one pass over the side's enrollments.
 */
final class ClassCounts {

    private final List<Enrollment> enrollments;
    private final LocalDate asOf;

    ClassCounts(List<Enrollment> enrollments, LocalDate asOf) {
        this.enrollments = enrollments;
        this.asOf = asOf;
    }

    /** Class counts by position in {@code students}, for the given positions (others are left out). */
    Map<Integer, Integer> count(Students students, Collection<Integer> positions) {
        Map<Integer, Integer> counts = new HashMap<>();
        if (positions.isEmpty()) {
            return counts;
        }
        Map<String, Integer> byKey = HashMap.newHashMap(positions.size());
        for (int p : positions) {
            byKey.put(students.key(p), p);
            counts.put(p, 0);
        }
        for (Enrollment e : enrollments) {
            if (e.role() == RoleType.STUDENT && isOpen(e)) {
                Integer p = byKey.get(e.userSourcedId());
                if (p != null) {
                    counts.merge(p, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** Not ended before asOf: running classes and those still to begin (the spring semester) count. */
    private boolean isOpen(Enrollment e) {
        return e.status() == RecordStatus.ACTIVE && (e.endDate() == null || !e.endDate().isBefore(asOf));
    }
}
