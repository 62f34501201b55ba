package com.bookmarked.cdt.tool.studentmismatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two student records compared field by field: the level of agreement of each field and the
 * score, the sum of their {@link Weights}. Names are also tried the other way round (given name
 * against family name), and that order is kept when it explains the pair better.
 */
final class Comparison {

    private static final Field[] FIELDS = Field.values();

    final Level[] levels = new Level[FIELDS.length];
    final boolean namesSwapped;
    final double score;

    private Comparison(Person a, Person b) {
        Level given = givenNames(a, b);
        Level family = familyNames(a.family, b.family);
        double straight = Weights.of(Field.GIVEN_NAME, given) + Weights.of(Field.FAMILY_NAME, family);
        boolean swapped = false;
        if (given != Level.EXACT || family != Level.EXACT) {
            Level crossGiven = givenNames(a.given, b.family);
            Level crossFamily = familyNames(a.family, b.given);
            if (crossGiven != Level.DIFFERENT && crossFamily != Level.DIFFERENT
                    && crossGiven != Level.MISSING && crossFamily != Level.MISSING) {
                double cross = Weights.of(Field.GIVEN_NAME, crossGiven) + Weights.of(Field.FAMILY_NAME, crossFamily)
                        - Weights.SWAP_PENALTY;
                if (cross > straight) {
                    given = crossGiven;
                    family = crossFamily;
                    straight = cross;
                    swapped = true;
                }
            }
        }
        namesSwapped = swapped;
        levels[Field.GIVEN_NAME.ordinal()] = given;
        levels[Field.FAMILY_NAME.ordinal()] = family;
        levels[Field.BIRTH_DATE.ordinal()] = birthDates(a, b);
        levels[Field.GRADE.ordinal()] = grades(a, b);
        levels[Field.CAMPUS.ordinal()] = same(a.campus, b.campus);
        levels[Field.IDENTIFIER.ordinal()] = same(a.identifier, b.identifier);
        levels[Field.EMAIL.ordinal()] = same(a.email, b.email);
        double total = straight;
        for (int f = 2; f < FIELDS.length; f++) {
            total += Weights.of(FIELDS[f], levels[f]);
        }
        score = total;
    }

    static Comparison of(Person a, Person b) {
        return new Comparison(a, b);
    }

    Level level(Field field) {
        return levels[field.ordinal()];
    }

    /** Fields whose agreement counts for the pair, in field order. */
    List<String> agreed() {
        List<String> out = new ArrayList<>();
        for (Field f : FIELDS) {
            if (Weights.of(f, levels[f.ordinal()]) > 0) {
                out.add(f.wireName);
            }
        }
        return out;
    }

    /** Fields whose disagreement counts against the pair. */
    List<String> disagreed() {
        List<String> out = new ArrayList<>();
        for (Field f : FIELDS) {
            if (Weights.of(f, levels[f.ordinal()]) < 0) {
                out.add(f.wireName);
            }
        }
        return out;
    }

    /** Every field with how it compared: "givenName": "nickname or spelling variant". */
    Map<String, String> detail() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            out.put(f.wireName, levels[f.ordinal()].wireName);
        }
        if (namesSwapped) {
            out.put("names", "given and family name swapped");
        }
        return out;
    }

    /** The score rounded to a tenth of a bit, as findings show it. */
    double shownScore() {
        return Math.round(score * 10) / 10.0;
    }

    // ------------------------------------------------------------------ field comparisons

    /** Given names, also through the name either student goes by (OneRoster 1.2's preferred name): the best level counts. */
    static Level givenNames(Person a, Person b) {
        Level best = givenNames(a.given, b.given);
        if (best == Level.EXACT || (a.preferredGiven.isEmpty() && b.preferredGiven.isEmpty())) {
            return best;
        }
        for (NameForm x : new NameForm[] {a.given, a.preferredGiven}) {
            for (NameForm y : new NameForm[] {b.given, b.preferredGiven}) {
                if (!x.isEmpty() && !y.isEmpty()) {
                    Level level = givenNames(x, y);
                    if (Weights.of(Field.GIVEN_NAME, level) > Weights.of(Field.GIVEN_NAME, best)) {
                        best = level;
                    }
                }
            }
        }
        return best;
    }

    static Level givenNames(NameForm a, NameForm b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Level.MISSING;
        }
        if (a.squashed.equals(b.squashed)) {
            return Level.EXACT;
        }
        if (Nicknames.equivalent(a.groups, b.groups)) {
            return Level.NICKNAME;
        }
        if (a.words.length != b.words.length && (a.wordsWithin(b) || b.wordsWithin(a))) {
            return Level.PART;
        }
        if (typo(a.squashed, b.squashed) || Nicknames.slipOf(b.squashed, a.groups) || Nicknames.slipOf(a.squashed, b.groups)) {
            return Level.TYPO;
        }
        if ((a.squashed.length() == 1 || b.squashed.length() == 1) && a.squashed.charAt(0) == b.squashed.charAt(0)) {
            return Level.INITIAL;
        }
        return Level.DIFFERENT;
    }

    static Level familyNames(NameForm a, NameForm b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Level.MISSING;
        }
        if (a.squashed.equals(b.squashed)) {
            return Level.EXACT;
        }
        if (a.wordsWithin(b) || b.wordsWithin(a) || gluedPart(a.squashed, b.squashed) || gluedPart(b.squashed, a.squashed)) {
            return Level.PART;
        }
        if (typo(a.squashed, b.squashed) || wordSlip(a, b) || wordSlip(b, a)) {
            return Level.TYPO;
        }
        return Level.DIFFERENT;
    }

    /** One word of a compound name, typed with a slip, for the whole name ("Jacvkson" for "Schröder Jackson"). */
    private static boolean wordSlip(NameForm compound, NameForm single) {
        if (compound.words.length < 2 || single.words.length != 1 || single.squashed.length() < 5) {
            return false;
        }
        for (String w : compound.words) {
            if (w.length() >= 5 && typo(w, single.squashed)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "garcialopez" (a compound name typed without its hyphen) starts with "garcia" and ends with
     * "lopez"; the rest must look like a name of its own, so that "Hillman" is not part of "Hill".
     */
    private static boolean gluedPart(String longer, String shorter) {
        return shorter.length() >= 4 && longer.length() >= shorter.length() + 4
                && (longer.startsWith(shorter) || longer.endsWith(shorter));
    }

    /**
     * One edit apart (two when both have eight letters or more). Below four letters, one edit
     * turns most names into another real name ("Ana", "Eva"), so a name that short on both sides
     * must be spelt the same; "Noa" for "Nora" still counts.
     */
    static boolean typo(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        int longer = Math.max(a.length(), b.length());
        if (shorter < 3 || longer < 4) {
            return false;
        }
        int allowed = shorter >= 8 ? 2 : 1;
        return Math.abs(a.length() - b.length()) <= allowed && editDistance(a, b, allowed) <= allowed;
    }

    /**
     * Optimal-string-alignment distance (insertions, deletions, substitutions, and swaps of two
     * neighbouring letters), giving up as soon as it exceeds {@code limit}.
     */
    static int editDistance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = current[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return previous[m];
    }

    static Level birthDates(Person a, Person b) {
        if (!a.hasBirth() || !b.hasBirth()) {
            return Level.MISSING;
        }
        if (a.birth == b.birth) {
            return Level.EXACT;
        }
        if (a.birthYear == b.birthYear && a.birthMonth == b.birthDay && a.birthDay == b.birthMonth) {
            return Level.SWAPPED;
        }
        if (near(a.birth, a.birthYear, a.birthMonth, a.birthDay, b)) {
            return Level.NEAR;
        }
        return Level.DIFFERENT;
    }

    /** A day apart, or a year, month or day off by one with the rest the same, or the day's two digits swapped. */
    private static boolean near(int epochDay, int year, int month, int day, Person b) {
        boolean sameYear = year == b.birthYear;
        boolean sameMonth = month == b.birthMonth;
        boolean sameDay = day == b.birthDay;
        return Math.abs(epochDay - b.birth) == 1
                || (sameMonth && sameDay && Math.abs(year - b.birthYear) == 1)
                || (sameYear && sameDay && Math.abs(month - b.birthMonth) == 1)
                || (sameYear && sameMonth && day % 10 == b.birthDay / 10 && day / 10 == b.birthDay % 10);
    }

    static Level grades(Person a, Person b) {
        if (a.grade == null || b.grade == null) {
            return Level.MISSING;
        }
        if (a.grade.equals(b.grade)) {
            return Level.EXACT;
        }
        if (a.gradeRank != Person.NO_RANK && b.gradeRank != Person.NO_RANK && Math.abs(a.gradeRank - b.gradeRank) == 1) {
            return Level.ADJACENT;
        }
        return Level.DIFFERENT;
    }

    private static Level same(String a, String b) {
        if (a == null || b == null) {
            return Level.MISSING;
        }
        return a.equals(b) ? Level.EXACT : Level.DIFFERENT;
    }
}
