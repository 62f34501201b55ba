package com.bookmarked.cdt.tool.studentmismatch;

import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.tool.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs SIS students with ours in stages, each pairing labelled by the stage that made it:
 *
 * <ol>
 *   <li>{@link Stage#SOURCED_ID}: our {@code sis_id} is the SIS sourcedId;</li>
 *   <li>{@link Stage#IDENTIFIER}: the same student number (leading zeros and spaces ignored),
 *       held by one unpaired student on each side, and a score of at least the match threshold;</li>
 *   <li>{@link Stage#SCORE}: the rest, by score ({@link Comparison}), over candidate pairs found
 *       by blocking; a pair is made only when it reaches the match threshold and each record is
 *       the other's clear best (by {@link #AMBIGUITY_MARGIN} bits). Pairs in the grey zone are
 *       kept as {@link #reviews}, never paired.</li>
 * </ol>
 *
 * Duplicates on each side are found first ({@link Duplicates}); a group takes part in pairing
 * through one record (the one linked to the other side, else the one with most classes), and its
 * other records are neither missing nor orphaned.
 */
final class Matching {

    enum Stage {
        SOURCED_ID("sourcedId"), IDENTIFIER("identifier"), SCORE("probabilistic");

        final String wireName;

        Stage(String wireName) {
            this.wireName = wireName;
        }
    }

    /** A pair is made only when it beats every other candidate of either record by this many bits. */
    static final double AMBIGUITY_MARGIN = 3.0;
    /** A block offering more candidate pairs than this is skipped (and counted): a placeholder value, not a person. */
    static final int MAX_BLOCK_PAIRS = 2_500;
    /** Grey-zone candidates shown per record. */
    static final int REVIEWS_PER_RECORD = 3;
    private static final int CHECK_EVERY = 1 << 14;
    private static final int INDEX_BITS = 22;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private static final long SIDE_BIT = 1L << INDEX_BITS;
    private static final long HASH_MASK = ~((1L << (INDEX_BITS + 1)) - 1);

    record Review(int sis, int ours, Comparison comparison) {
    }

    final Students sis;
    final Students ours;
    final double matchThreshold;
    final double reviewThreshold;
    private final Progress progress;

    final int[] sisPartner;
    final int[] oursPartner;
    final Stage[] stageOfSis;
    final Comparison[] comparisonOfSis;
    final Duplicates sisDuplicates;
    final Duplicates oursDuplicates;
    /** Records of a duplicate group that take no part in pairing (the group's other record does). */
    final boolean[] sisAbsorbed;
    final boolean[] oursAbsorbed;
    /** Our records linked to each SIS record through {@code sis_id}. */
    final int[] linkedFromOurs;
    final boolean[] oursLinkedToSis;
    final List<Review> reviews = new ArrayList<>();
    /** Open classes of our records held twice or not linked to a SIS student, by position. */
    Map<Integer, Integer> classesOfOurs = Map.of();
    int blocksSkipped;
    boolean cancelled;

    Matching(Students sis, Students ours, double matchThreshold, double reviewThreshold, Progress progress) {
        this.sis = sis;
        this.ours = ours;
        this.matchThreshold = matchThreshold;
        this.reviewThreshold = reviewThreshold;
        this.progress = progress;
        sisPartner = new int[sis.size()];
        oursPartner = new int[ours.size()];
        Arrays.fill(sisPartner, -1);
        Arrays.fill(oursPartner, -1);
        stageOfSis = new Stage[sis.size()];
        comparisonOfSis = new Comparison[sis.size()];
        sisDuplicates = new Duplicates(sis, matchThreshold, reviewThreshold);
        oursDuplicates = new Duplicates(ours, matchThreshold, reviewThreshold);
        sisAbsorbed = new boolean[sis.size()];
        oursAbsorbed = new boolean[ours.size()];
        linkedFromOurs = new int[sis.size()];
        oursLinkedToSis = new boolean[ours.size()];
    }

    /** Runs every stage; stops early (with what it has) when the run is cancelled. */
    void run(ClassCounts oursClasses) {
        KeyIndex sisByKey = new KeyIndex(sis);
        int[] sisIndexOfOurs = new int[ours.size()];
        for (int j = 0; j < ours.size(); j++) {
            int i = sisByKey.get(ours.user(j).sisId());
            sisIndexOfOurs[j] = i;
            if (i >= 0) {
                linkedFromOurs[i]++;
                oursLinkedToSis[j] = true;
            }
        }
        if (stop("Looking for students held twice", 10)) {
            return;
        }
        sisDuplicates.find(false);
        oursDuplicates.find(true);
        // One pass over our class memberships, for the records that may need their classes counted:
        // duplicates (to choose the one to keep) and every record that may end up orphaned: not linked
        // to a SIS student, or sharing its link with another record.
        List<Integer> counted = new ArrayList<>();
        for (int j = 0; j < ours.size(); j++) {
            if (oursDuplicates.grouped(j) || sisIndexOfOurs[j] < 0 || linkedFromOurs[sisIndexOfOurs[j]] > 1) {
                counted.add(j);
            }
        }
        classesOfOurs = oursClasses.count(ours, counted);
        int[] membershipsOfOurs = new int[ours.size()];
        classesOfOurs.forEach((j, n) -> membershipsOfOurs[j] = n);
        chooseKept(oursDuplicates, oursAbsorbed, j -> oursLinkedToSis[j] ? 1 : 0, membershipsOfOurs);
        chooseKept(sisDuplicates, sisAbsorbed, i -> linkedFromOurs[i], null);

        if (stop("Pairing students by SIS id", 30)) {
            return;
        }
        for (int j = 0; j < ours.size(); j++) {
            int i = sisIndexOfOurs[j];
            // A SIS record absorbed into its duplicate group still pairs with our record that names it.
            if (i < 0 || oursAbsorbed[j]) {
                continue;
            }
            if (sisPartner[i] < 0) {
                pair(i, j, Stage.SOURCED_ID, null);
            } else {
                // Two of our records claim one SIS id without being duplicates: keep the closer one.
                int held = sisPartner[i];
                Comparison current = comparison(i, held);
                Comparison challenger = Comparison.of(sis.person(i), ours.person(j));
                if (challenger.score > current.score) {
                    oursPartner[held] = -1;
                    pair(i, j, Stage.SOURCED_ID, challenger);
                }
            }
        }
        // A SIS duplicate group with a paired record needs nothing more; one without takes part through its kept record.
        for (int[] group : sisDuplicates.groups) {
            boolean paired = false;
            for (int i : group) {
                paired |= sisPartner[i] >= 0;
            }
            if (paired) {
                for (int i : group) {
                    sisAbsorbed[i] = sisPartner[i] < 0;
                }
            }
        }

        if (stop("Pairing students by student number", 45)) {
            return;
        }
        byIdentifier();
        if (stop("Matching the remaining students by name and birth date", 60)) {
            return;
        }
        byScore();
    }

    private boolean stop(String phase, int percent) {
        progress.report(phase, percent);
        cancelled = progress.cancelled();
        return cancelled;
    }

    private void pair(int i, int j, Stage stage, Comparison comparison) {
        sisPartner[i] = j;
        oursPartner[j] = i;
        stageOfSis[i] = stage;
        comparisonOfSis[i] = comparison;
    }

    /** The comparison of a paired SIS record with its partner, made once. */
    Comparison comparison(int i, int j) {
        Comparison c = sisPartner[i] == j ? comparisonOfSis[i] : null;
        if (c == null) {
            c = Comparison.of(sis.person(i), ours.person(j));
            if (sisPartner[i] == j) {
                comparisonOfSis[i] = c;
            }
        }
        return c;
    }

    boolean eligibleSis(int i) {
        return sisPartner[i] < 0 && !sisAbsorbed[i];
    }

    boolean eligibleOurs(int j) {
        return oursPartner[j] < 0 && !oursAbsorbed[j];
    }

    /**
     * In each duplicate group, the record that stays (linked to the other side first, then the
     * one with most classes, then most guardians, then active, then the smallest key); the
     * others are absorbed.
     */
    private void chooseKept(Duplicates d, boolean[] absorbed, java.util.function.IntUnaryOperator linked, int[] memberships) {
        for (int[] group : d.groups) {
            int kept = group[0];
            for (int k = 1; k < group.length; k++) {
                if (better(d.side, group[k], kept, linked, memberships)) {
                    kept = group[k];
                }
            }
            for (int i : group) {
                absorbed[i] = i != kept;
            }
        }
    }

    private static boolean better(Students side, int a, int b, java.util.function.IntUnaryOperator linked, int[] memberships) {
        int c = Integer.compare(linked.applyAsInt(a), linked.applyAsInt(b));
        if (c == 0 && memberships != null) {
            c = Integer.compare(memberships[a], memberships[b]);
        }
        RosterUser ua = side.user(a);
        RosterUser ub = side.user(b);
        if (c == 0) {
            c = Integer.compare(ua.agentSourcedIds().size(), ub.agentSourcedIds().size());
        }
        if (c == 0) {
            c = Boolean.compare(ua.isActive(), ub.isActive());
        }
        if (c == 0) {
            c = ub.sourcedId().compareTo(ua.sourcedId());
        }
        return c > 0;
    }

    /** The kept record of a duplicate group. */
    int kept(Duplicates d, boolean[] absorbed, int group) {
        for (int i : d.groups.get(group)) {
            if (!absorbed[i]) {
                return i;
            }
        }
        return d.groups.get(group)[0];
    }

    // ------------------------------------------------------------------ stage 2

    private void byIdentifier() {
        Map<String, Integer> sisByNumber = new HashMap<>();
        for (int i = 0; i < sis.size(); i++) {
            if (eligibleSis(i) && sis.person(i).identifier != null) {
                sisByNumber.merge(sis.person(i).identifier, i, (x, y) -> -1);
            }
        }
        if (sisByNumber.isEmpty()) {
            return;
        }
        Map<String, Integer> oursByNumber = new HashMap<>();
        for (int j = 0; j < ours.size(); j++) {
            if (eligibleOurs(j) && ours.user(j).identifier() != null) {
                String number = ours.person(j).identifier;
                if (number != null && sisByNumber.containsKey(number)) {
                    oursByNumber.merge(number, j, (x, y) -> -1);
                }
            }
        }
        for (int j = 0; j < ours.size(); j++) {
            if (!eligibleOurs(j) || ours.user(j).identifier() == null) {
                continue;
            }
            String number = ours.person(j).identifier;
            Integer i = number == null ? null : sisByNumber.get(number);
            if (i == null || i < 0 || oursByNumber.get(number) != j) {
                continue;
            }
            Comparison c = Comparison.of(sis.person(i), ours.person(j));
            if (c.score >= matchThreshold) {
                pair(i, j, Stage.IDENTIFIER, c);
            }
        }
    }

    // ------------------------------------------------------------------ stage 3

    /**
     * Blocking: each unpaired record gets a few keys, and only records sharing a key are scored.
     * Keys: the student number; the email; each name word's sound-alike code with the birth date
     * (day and month in either order), with year and month, and with month and day; each nickname
     * group of the given name with the birth date; the first letters of both names with the birth
     * date; the sound-alike codes of the first given and
     * first family word (for a wrong birth date); each nickname group with the family code.
     */
    private void byScore() {
        long[] keys = new long[1024];
        int count = 0;
        for (int i = 0; i < sis.size(); i++) {
            if (eligibleSis(i)) {
                count = addKeys(sis.person(i), i, 0, keys, count);
                if (count > keys.length - 128) {
                    keys = Arrays.copyOf(keys, keys.length * 2);
                }
            }
        }
        if (count == 0) {
            return;
        }
        int sisKeys = count;
        for (int j = 0; j < ours.size(); j++) {
            if (eligibleOurs(j)) {
                count = addKeys(ours.person(j), j, SIDE_BIT, keys, count);
                if (count > keys.length - 128) {
                    keys = Arrays.copyOf(keys, keys.length * 2);
                }
            }
        }
        if (count == sisKeys) {
            return;
        }
        Arrays.sort(keys, 0, count);

        long[] candidates = new long[1024];
        int candidateCount = 0;
        int start = 0;
        int[] sisMembers = new int[64];
        int[] oursMembers = new int[64];
        while (start < count) {
            long block = keys[start] & HASH_MASK;
            int end = start + 1;
            while (end < count && (keys[end] & HASH_MASK) == block) {
                end++;
            }
            int s = 0;
            int o = 0;
            for (int k = start; k < end; k++) {
                int index = (int) (keys[k] & INDEX_MASK);
                if ((keys[k] & SIDE_BIT) == 0) {
                    if (s == sisMembers.length) {
                        sisMembers = Arrays.copyOf(sisMembers, s * 2);
                    }
                    sisMembers[s++] = index;
                } else {
                    if (o == oursMembers.length) {
                        oursMembers = Arrays.copyOf(oursMembers, o * 2);
                    }
                    oursMembers[o++] = index;
                }
            }
            if ((long) s * o > MAX_BLOCK_PAIRS) {
                blocksSkipped++;
            } else {
                for (int x = 0; x < s; x++) {
                    for (int y = 0; y < o; y++) {
                        if (candidateCount == candidates.length) {
                            candidates = Arrays.copyOf(candidates, candidateCount * 2);
                        }
                        candidates[candidateCount++] = ((long) sisMembers[x] << 32) | oursMembers[y];
                    }
                }
            }
            start = end;
        }
        Arrays.sort(candidates, 0, candidateCount);

        List<Review> scored = new ArrayList<>();
        long last = -1;
        for (int k = 0; k < candidateCount; k++) {
            if (candidates[k] == last) {
                continue;
            }
            last = candidates[k];
            if ((k & (CHECK_EVERY - 1)) == 0 && progress.cancelled()) {
                cancelled = true;
                return;
            }
            int i = (int) (last >>> 32);
            int j = (int) last;
            Comparison c = Comparison.of(sis.person(i), ours.person(j));
            if (c.score >= reviewThreshold) {
                scored.add(new Review(i, j, c));
            }
        }
        decide(scored);
    }

    private int addKeys(Person p, int index, long sideBit, long[] keys, int count) {
        long tail = sideBit | index;
        if (p.identifier != null) {
            keys[count++] = key(Hashing.combine(1, Hashing.of(p.identifier)), tail);
        }
        if (p.email != null) {
            keys[count++] = key(Hashing.combine(2, Hashing.of(p.email)), tail);
        }
        if (p.hasBirth()) {
            long birth = Hashing.combine(3, p.birthEitherWay());
            long yearMonth = Hashing.combine(6, p.birthYear * 100L + p.birthMonth);
            long monthDay = Hashing.combine(7, Math.min(p.birthMonth, p.birthDay) * 100L + Math.max(p.birthMonth, p.birthDay));
            count = soundKeys(p.given, birth, yearMonth, monthDay, tail, keys, count);
            count = soundKeys(p.family, birth, yearMonth, monthDay, tail, keys, count);
            count = soundKeys(p.preferredGiven, birth, yearMonth, monthDay, tail, keys, count);
            for (int g : p.given.groups) {
                keys[count++] = key(Hashing.combine(Hashing.combine(8, g), birth), tail);
            }
            if (!p.given.isEmpty() && !p.family.isEmpty()) {
                // a slip in each name mostly spares the first letters
                char x = p.given.squashed.charAt(0);
                char y = p.family.squashed.charAt(0);
                keys[count++] = key(Hashing.combine(Hashing.combine(9, Math.min(x, y) * 65536L + Math.max(x, y)), birth), tail);
            }
        }
        if (!p.given.isEmpty() && !p.family.isEmpty()) {
            String a = p.given.sounds[0];
            String b = p.family.sounds[0];
            long names = a.compareTo(b) <= 0 ? Hashing.combine(Hashing.of(a), Hashing.of(b)) : Hashing.combine(Hashing.of(b), Hashing.of(a));
            keys[count++] = key(Hashing.combine(4, names), tail);
            for (int g : p.given.groups) {
                keys[count++] = key(Hashing.combine(Hashing.combine(5, g), Hashing.of(b)), tail);
            }
        }
        return count;
    }

    private static long key(long hash, long tail) {
        return (hash & HASH_MASK) | tail;
    }

    /**
     * Each word's sound-alike code (and, for a name of several words, the code of the words run
     * together, as a clerk may type "ReddyWright") with the birth date, with its year and month,
     * and with its month and day: one slip in the birth date still leaves two of the three.
     */
    private static int soundKeys(NameForm name, long birth, long yearMonth, long monthDay, long tail, long[] keys, int count) {
        int words = Math.min(name.words.length, 6);
        for (int w = 0; w <= words; w++) {
            String sound;
            if (w < words) {
                if (name.words[w].length() < 2) {
                    continue;
                }
                sound = name.sounds[w];
            } else if (words > 1) {
                sound = name.squashedSound;
            } else {
                continue;
            }
            long s = Hashing.of(sound);
            keys[count++] = key(Hashing.combine(birth, s), tail);
            keys[count++] = key(Hashing.combine(yearMonth, s), tail);
            keys[count++] = key(Hashing.combine(monthDay, s), tail);
        }
        return count;
    }

    /** Mutual best pairs above the match threshold with a clear margin are made; the rest of the grey zone is kept for review. */
    private void decide(List<Review> scored) {
        Map<Integer, double[]> bestOfSis = new HashMap<>();
        Map<Integer, double[]> bestOfOurs = new HashMap<>();
        for (Review r : scored) {
            offer(bestOfSis, r.sis(), r.ours(), r.comparison().score);
            offer(bestOfOurs, r.ours(), r.sis(), r.comparison().score);
        }
        for (Review r : scored) {
            double score = r.comparison().score;
            double[] a = bestOfSis.get(r.sis());
            double[] b = bestOfOurs.get(r.ours());
            if (score >= matchThreshold && (int) a[1] == r.ours() && (int) b[1] == r.sis()
                    && score - a[2] >= AMBIGUITY_MARGIN && score - b[2] >= AMBIGUITY_MARGIN) {
                pair(r.sis(), r.ours(), Stage.SCORE, r.comparison());
            }
        }
        Map<Integer, Integer> shownPerSis = new HashMap<>();
        Map<Integer, Integer> shownPerOurs = new HashMap<>();
        List<Review> grey = new ArrayList<>();
        for (Review r : scored) {
            if (sisPartner[r.sis()] < 0 && oursPartner[r.ours()] < 0) {
                grey.add(r);
            }
        }
        grey.sort((x, y) -> {
            int c = Double.compare(y.comparison().score, x.comparison().score);
            if (c == 0) {
                c = sis.key(x.sis()).compareTo(sis.key(y.sis()));
            }
            return c != 0 ? c : ours.key(x.ours()).compareTo(ours.key(y.ours()));
        });
        for (Review r : grey) {
            if (shownPerSis.getOrDefault(r.sis(), 0) < REVIEWS_PER_RECORD
                    && shownPerOurs.getOrDefault(r.ours(), 0) < REVIEWS_PER_RECORD) {
                shownPerSis.merge(r.sis(), 1, Integer::sum);
                shownPerOurs.merge(r.ours(), 1, Integer::sum);
                reviews.add(r);
            }
        }
    }

    /** Keeps {best score, its partner, second-best score} per record. */
    private static void offer(Map<Integer, double[]> best, int record, int partner, double score) {
        double[] b = best.get(record);
        if (b == null) {
            best.put(record, new double[] {score, partner, Double.NEGATIVE_INFINITY});
        } else if (score > b[0]) {
            b[2] = b[0];
            b[0] = score;
            b[1] = partner;
        } else {
            b[2] = Math.max(b[2], score);
        }
    }
}
