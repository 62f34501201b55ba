package com.bookmarked.cdt.tool.studentmismatch;

/**
 * Fellegi–Sunter weights: for each field and level of agreement, log2(m / u), where m is how
 * often a true pair shows that level and u how often two different students of the same grade
 * cohort do. A pair's score is the sum over fields, in bits of evidence; a field missing on either
 * side adds nothing. The m and u values are estimates for school rosters (u from name and
 * birth-date frequencies within a cohort, m from how often rosters carry nicknames, typos and
 * swapped dates), checked against the labelled hard-variant set: see docs/student-mismatch.md.
 *
 * <p>Two choices matter more than the rest. A different given name is nearly decisive (m is
 * tiny once nicknames, typos, compound names and swapped names are allowed for), because twins
 * share everything else. A different birth date is strong evidence too, because two students
 * with the same name in the same grade are common in large districts.
 */
final class Weights {

    /** Taking names in the other order costs this many bits: a swap is itself an error. */
    static final double SWAP_PENALTY = 1.0;

    /** Bits by field and level (ordinals); NaN where a field has no such level. */
    private static final double[][] BITS = new double[Field.values().length][Level.values().length];

    static {
        field(Field.GIVEN_NAME,
                Level.EXACT, 0.86, 0.010,
                Level.NICKNAME, 0.05, 0.0015,
                Level.PART, 0.02, 0.002,
                Level.TYPO, 0.05, 0.008,
                Level.INITIAL, 0.005, 0.04,
                Level.DIFFERENT, 0.0003, 0.95);
        field(Field.FAMILY_NAME,
                Level.EXACT, 0.88, 0.008,
                Level.PART, 0.05, 0.004,
                Level.TYPO, 0.04, 0.004,
                Level.DIFFERENT, 0.01, 0.98);
        field(Field.BIRTH_DATE,
                Level.EXACT, 0.93, 0.0027,
                Level.SWAPPED, 0.02, 0.001,
                Level.NEAR, 0.02, 0.015,
                Level.DIFFERENT, 0.002, 0.98);
        field(Field.GRADE,
                Level.EXACT, 0.85, 0.08,
                Level.ADJACENT, 0.12, 0.15,
                Level.DIFFERENT, 0.03, 0.77);
        field(Field.CAMPUS,
                Level.EXACT, 0.85, 0.15,
                Level.DIFFERENT, 0.15, 0.85);
        field(Field.IDENTIFIER,
                Level.EXACT, 0.6, 0.00001,
                Level.DIFFERENT, 0.3, 0.99999);
        field(Field.EMAIL,
                Level.EXACT, 0.5, 0.00001,
                Level.DIFFERENT, 0.45, 0.99);
    }

    private static void field(Field field, Object... levelMu) {
        double[] row = BITS[field.ordinal()];
        java.util.Arrays.fill(row, Double.NaN);
        for (int i = 0; i < levelMu.length; i += 3) {
            double m = (Double) levelMu[i + 1];
            double u = (Double) levelMu[i + 2];
            row[((Level) levelMu[i]).ordinal()] = Math.log(m / u) / Math.log(2);
        }
        row[Level.MISSING.ordinal()] = 0.0;
    }

    private Weights() {
    }

    static double of(Field field, Level level) {
        double w = BITS[field.ordinal()][level.ordinal()];
        if (Double.isNaN(w)) {
            throw new IllegalArgumentException(field + " has no level " + level);
        }
        return w;
    }

    /** The score of a pair on which every field agrees exactly (student number and email left out). */
    static double fullAgreement() {
        return of(Field.GIVEN_NAME, Level.EXACT) + of(Field.FAMILY_NAME, Level.EXACT) + of(Field.BIRTH_DATE, Level.EXACT)
                + of(Field.GRADE, Level.EXACT) + of(Field.CAMPUS, Level.EXACT);
    }
}
