package com.bookmarked.cdt.tool.studentmismatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * Students one side holds more than once. Candidates share a key: the same SIS id (our side),
 * the same student number, or the same name and birth date (names folded, nicknames and word
 * order allowed for). A candidate pair scoring at least the match threshold is a duplicate;
 * pairs are joined into groups. A pair below it is "needs review" when the records share an id
 * (one id for two people is a problem either way) or still score in the grey zone.
 *
 * <p>Keys are found by sorting 64-bit hashes, which costs one small array per key, not a map of
 * strings; every hash match is checked on the real values before it counts.
 */
final class Duplicates {

    static final int SAME_SIS_ID = 1;
    static final int SAME_IDENTIFIER = 2;
    static final int SAME_NAME_AND_BIRTH = 4;
    /** More records than this under one key are a placeholder value ("000000"), not duplicates of one another. */
    static final int MAX_SHARING_ONE_KEY = 50;

    private static final int INDEX_BITS = 22;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    record Pair(int a, int b, int reasons, Comparison comparison) {
    }

    final Students side;
    private final double matchThreshold;
    private final double reviewThreshold;
    private final int[] parent;
    final List<Pair> confirmed = new ArrayList<>();
    final List<Pair> reviews = new ArrayList<>();
    /** Group number of each record, -1 when it has no duplicate. */
    final int[] groupOf;
    final List<int[]> groups = new ArrayList<>();
    /** The confirmed pairs that made each group. */
    final List<List<Pair>> pairsOfGroup = new ArrayList<>();
    int keysSkipped;

    Duplicates(Students side, double matchThreshold, double reviewThreshold) {
        if (side.size() > INDEX_MASK) {
            throw new IllegalArgumentException("More than " + INDEX_MASK + " students on one side: split the run by campus.");
        }
        this.side = side;
        this.matchThreshold = matchThreshold;
        this.reviewThreshold = reviewThreshold;
        this.parent = new int[side.size()];
        this.groupOf = new int[side.size()];
        Arrays.fill(groupOf, -1);
    }

    void find(boolean bySisId) {
        Map<Long, Integer> candidates = new LinkedHashMap<>();
        if (bySisId) {
            String[] ids = new String[side.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = side.user(i).sisId();
            }
            collect(i -> ids[i] == null ? 0 : Hashing.of(ids[i]), i -> ids[i], SAME_SIS_ID, candidates);
        }
        collect(i -> numberHash(side.user(i).identifier()), i -> Person.identifier(side.user(i).identifier()), SAME_IDENTIFIER,
                candidates);
        collect(this::nameAndBirthHash, this::nameAndBirth, SAME_NAME_AND_BIRTH, candidates);

        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        List<Pair> grey = new ArrayList<>();
        for (Map.Entry<Long, Integer> c : candidates.entrySet()) {
            int a = (int) (c.getKey() >>> 32);
            int b = (int) (long) c.getKey();
            Comparison comparison = Comparison.of(side.person(a), side.person(b));
            Pair pair = new Pair(a, b, c.getValue(), comparison);
            if (comparison.score >= matchThreshold) {
                confirmed.add(pair);
                union(a, b);
            } else if ((c.getValue() & (SAME_SIS_ID | SAME_IDENTIFIER)) != 0 || comparison.score >= reviewThreshold) {
                grey.add(pair);
            }
        }
        for (Pair p : grey) {
            if (root(p.a) != root(p.b)) {
                reviews.add(p);
            }
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (Pair p : confirmed) {
            members.computeIfAbsent(root(p.a), r -> new ArrayList<>()).add(p.a);
            members.computeIfAbsent(root(p.a), r -> new ArrayList<>()).add(p.b);
        }
        List<int[]> found = new ArrayList<>();
        for (List<Integer> m : members.values()) {
            found.add(m.stream().mapToInt(Integer::intValue).distinct().sorted().toArray());
        }
        found.sort((x, y) -> Integer.compare(x[0], y[0]));
        for (int[] g : found) {
            for (int i : g) {
                groupOf[i] = groups.size();
            }
            groups.add(g);
            pairsOfGroup.add(new ArrayList<>(g.length - 1));
        }
        for (Pair p : confirmed) {
            pairsOfGroup.get(groupOf[p.a]).add(p);
        }
    }

    /** The hash of {@link Person#identifier}'s form of a student number, computed without building it; 0 for none. */
    static long numberHash(String raw) {
        if (raw == null) {
            return 0;
        }
        long h = 0xCBF29CE484222325L;
        boolean started = false;
        boolean zero = false;
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 32);
            } else if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
                continue;
            }
            if (c == '0' && !started) {
                zero = true;
                continue;
            }
            started = true;
            h = (h ^ c) * 0x100000001B3L;
        }
        if (!started) {
            return zero ? Hashing.mix(h ^ '0') : 0;
        }
        return Hashing.mix(h);
    }

    private long nameAndBirthHash(int i) {
        NameForm given = side.given(i);
        NameForm family = side.family(i);
        var birth = side.user(i).birthDate();
        if (given.isEmpty() || family.isEmpty() || birth == null) {
            return 0;
        }
        // year, month and day as they are (toEpochDay would work out leap years for every record)
        return Hashing.combine(given.wordsHash + family.wordsHash,
                birth.getYear() * 512L + birth.getMonthValue() * 32L + birth.getDayOfMonth());
    }

    private String nameAndBirth(int i) {
        List<String> words = new ArrayList<>(side.given(i).canonicalWords());
        words.addAll(side.family(i).canonicalWords());
        words.sort(null);
        return String.join(" ", words) + "|" + side.user(i).birthDate();
    }

    /**
     * Sorts the records' key hashes and, within each run of equal hashes, pairs every record with
     * the first earlier one whose key really is the same.
     */
    private void collect(IntToLongFunction hash, IntFunction<String> value, int reason, Map<Long, Integer> candidates) {
        long[] packed = new long[side.size()];
        int count = 0;
        for (int i = 0; i < packed.length; i++) {
            long h = hash.applyAsLong(i);
            if (h != 0) {
                packed[count++] = (h & ~INDEX_MASK) | i;
            }
        }
        Arrays.sort(packed, 0, count);
        int start = 0;
        while (start < count) {
            long bucket = packed[start] & ~INDEX_MASK;
            int end = start + 1;
            while (end < count && (packed[end] & ~INDEX_MASK) == bucket) {
                end++;
            }
            if (end - start > MAX_SHARING_ONE_KEY) {
                keysSkipped++;
            } else if (end - start > 1) {
                for (int x = start + 1; x < end; x++) {
                    int b = (int) (packed[x] & INDEX_MASK);
                    String vb = value.apply(b);
                    for (int y = start; y < x; y++) {
                        int a = (int) (packed[y] & INDEX_MASK);
                        if (vb.equals(value.apply(a))) {
                            candidates.merge(((long) a << 32) | b, reason, (p, q) -> p | q);
                            break;
                        }
                    }
                }
            }
            start = end;
        }
    }

    private int root(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    boolean grouped(int i) {
        return groupOf[i] >= 0;
    }

    /** Why the members of a group were taken for one student: the reasons of its pairs, together. */
    int reasonsOf(int group) {
        int reasons = 0;
        for (Pair p : pairsOfGroup.get(group)) {
            reasons |= p.reasons;
        }
        return reasons;
    }

    static List<String> describe(int reasons) {
        List<String> out = new ArrayList<>(3);
        if ((reasons & SAME_SIS_ID) != 0) {
            out.add("same SIS id");
        }
        if ((reasons & SAME_IDENTIFIER) != 0) {
            out.add("same student number");
        }
        if ((reasons & SAME_NAME_AND_BIRTH) != 0) {
            out.add("same name and birth date");
        }
        return out;
    }
}
