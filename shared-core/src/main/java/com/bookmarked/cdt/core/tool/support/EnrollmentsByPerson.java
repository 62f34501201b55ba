package com.bookmarked.cdt.core.tool.support;

import com.bookmarked.cdt.core.roster.Enrollment;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Predicate;

/**
 * A snapshot's enrollments grouped by the person they belong to, in snapshot order within each
 * person. Built in two linear passes into flat int arrays (one map entry per person, no list per
 * person), so that grouping millions of enrollments stays cheap in time and heap.
 */
public final class EnrollmentsByPerson {

    private final List<Enrollment> enrollments;
    private final Map<String, Integer> personIndex;
    /** Person i's enrollments are {@code order[start[i]] .. order[start[i + 1] - 1]}. */
    private final int[] start;
    private final int[] order;

    /** Groups the enrollments that pass {@code keep} (all of them when it is null). */
    public EnrollmentsByPerson(List<Enrollment> enrollments, Predicate<Enrollment> keep) {
        this.enrollments = enrollments;
        int n = enrollments.size();
        int[] personOf = new int[n];
        Map<String, Integer> index = HashMap.newHashMap(Math.max(16, n / 4));
        int[] counts = new int[Math.max(16, n / 4)];
        for (int i = 0; i < n; i++) {
            Enrollment e = enrollments.get(i);
            if (keep != null && !keep.test(e)) {
                personOf[i] = -1;
                continue;
            }
            Integer p = index.get(e.userSourcedId());
            if (p == null) {
                p = index.size();
                index.put(e.userSourcedId(), p);
                if (p == counts.length) {
                    counts = Arrays.copyOf(counts, counts.length * 2);
                }
            }
            personOf[i] = p;
            counts[p]++;
        }
        int persons = index.size();
        start = new int[persons + 1];
        for (int p = 0; p < persons; p++) {
            start[p + 1] = start[p] + counts[p];
        }
        int[] next = Arrays.copyOf(start, persons);
        order = new int[start[persons]];
        for (int i = 0; i < n; i++) {
            int p = personOf[i];
            if (p >= 0) {
                order[next[p]++] = i;
            }
        }
        personIndex = index;
    }

    /** The person's enrollments, in snapshot order; empty when they have none. */
    public List<Enrollment> of(String personKey) {
        Integer p = personIndex.get(personKey);
        if (p == null) {
            return List.of();
        }
        int from = start[p];
        int to = start[p + 1];
        return new Slice(from, to);
    }

    /** How many people have at least one enrollment. */
    public int persons() {
        return personIndex.size();
    }

    private final class Slice extends AbstractList<Enrollment> implements RandomAccess {
        private final int from;
        private final int to;

        Slice(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public Enrollment get(int i) {
            if (i < 0 || i >= to - from) {
                throw new IndexOutOfBoundsException(i);
            }
            return enrollments.get(order[from + i]);
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
