package com.bookmarked.cdt.tool.studentmismatch;

/**
 * A sound-alike code for blocking, in the manner of Soundex: the first letter, then consonant
 * classes with vowels dropped and repeats merged, four characters at most. "Sofia" and "Sophia",
 * "Reyes" and "Reies" share a code, so a typo in a vowel or a doubled letter still lands two
 * records in the same block. Used only to choose which pairs to score, never to decide a match.
 */
final class Phonetic {

    private Phonetic() {
    }

    static String code(String word) {
        if (word.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(4);
        char first = word.charAt(0);
        out.append(first);
        char previous = classOf(first);
        for (int i = 1; i < word.length() && out.length() < 4; i++) {
            char c = word.charAt(i);
            char cls = classOf(c);
            if (c == 'h' || c == 'w') {
                continue; // h and w do not separate two letters of one class
            }
            if (cls != '0' && cls != previous) {
                out.append(cls);
            }
            previous = cls;
        }
        return out.toString();
    }

    private static char classOf(char c) {
        return switch (c) {
            case 'b', 'f', 'p', 'v' -> '1';
            case 'c', 'g', 'j', 'k', 'q', 's', 'x', 'z' -> '2';
            case 'd', 't' -> '3';
            case 'l' -> '4';
            case 'm', 'n' -> '5';
            case 'r' -> '6';
            default -> '0';
        };
    }
}
