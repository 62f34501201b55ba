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
        // A bit per hash bucket of the keys wanted: most enrollments are passed over on one bit test.
        long[] wanted = new long[1 << 10];
        for (int p : positions) {
            String key = students.key(p);
            byKey.put(key, p);
            counts.put(p, 0);
            int h = key.hashCode() & 0xFFFF;
            wanted[h >>> 6] |= 1L << h;
        }
        for (Enrollment e : enrollments) {
            String person = e.userSourcedId();
            int h = person.hashCode() & 0xFFFF;
            if ((wanted[h >>> 6] & (1L << h)) != 0 && e.role() == RoleType.STUDENT && isOpen(e)) {
                Integer p = byKey.get(person);
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
