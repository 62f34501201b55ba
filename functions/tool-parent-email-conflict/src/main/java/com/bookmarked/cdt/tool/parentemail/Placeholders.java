package com.bookmarked.cdt.tool.parentemail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Addresses that stand for "the family gave none": a local part from a known list, on any domain
 * ({@code noemail@district.org}, {@code none@gmail.com}). Local parts are compared without case
 * and without the separators people put in them ({@code no.email}, {@code no-reply},
 * {@code do_not_reply}, {@code n/a}) and without a {@code +tag}. Addresses that are placeholders
 * only by use (many unrelated households on one address) are found by frequency elsewhere.
 */
final class Placeholders {

    /** Local parts, already without separators; kept short: each one must be something nobody is called. */
    static final List<String> DEFAULT_LOCAL_PARTS = List.of(
            "noemail", "nomail", "none", "unknown", "na", "noreply", "donotreply", "null", "noaddress",
            "notprovided", "declined", "refused");

    private final Set<String> localParts;
    /** Lengths and first letters of the listed words: most real local parts are ruled out without a copy. */
    private final long lengths;
    private final boolean[] firstLetters = new boolean[128];

    private Placeholders(Set<String> localParts) {
        this.localParts = localParts;
        long mask = 0;
        for (String word : localParts) {
            mask |= 1L << Math.min(word.length(), 63);
            char first = word.charAt(0);
            if (first < 128) {
                firstLetters[first] = true;
            }
        }
        this.lengths = mask;
    }

    static Placeholders defaults() {
        return new Placeholders(Set.copyOf(DEFAULT_LOCAL_PARTS));
    }

    /** The default list plus the district's own placeholders, given comma-separated (e.g. "nothing, noparent"). */
    static Placeholders withExtra(String extra) {
        Set<String> parts = new LinkedHashSet<>(DEFAULT_LOCAL_PARTS);
        if (extra != null) {
            for (String item : extra.split(",")) {
                String lower = item.trim().toLowerCase(Locale.ROOT);
                String word = squeezed(lower, 0, lower.length());
                if (word.indexOf('@') >= 0) {
                    throw new IllegalArgumentException("Extra placeholders are the part before the @ only (e.g. \"noparent\"); \""
                            + item.trim() + "\" has an @.");
                }
                if (!word.isEmpty()) {
                    parts.add(word);
                }
            }
        }
        return new Placeholders(Collections.unmodifiableSet(parts));
    }

    List<String> localParts() {
        List<String> sorted = new ArrayList<>(localParts);
        Collections.sort(sorted);
        return sorted;
    }

    /** True when the plain (trimmed, lower-case) address has a placeholder local part. */
    boolean listed(String plain) {
        int at = plain.lastIndexOf('@');
        int end = at < 0 ? plain.length() : at;
        int plus = plain.indexOf('+');
        if (plus >= 0 && plus < end) {
            end = plus;
        }
        int length = 0;
        char first = 0;
        for (int i = 0; i < end; i++) {
            char c = plain.charAt(i);
            if (!separator(c)) {
                if (length++ == 0) {
                    first = c;
                }
            }
        }
        if (length == 0 || (lengths & (1L << Math.min(length, 63))) == 0 || first >= 128 || !firstLetters[first]) {
            return false;
        }
        return localParts.contains(squeezed(plain, 0, end));
    }

    private static String squeezed(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!separator(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean separator(char c) {
        return c == '.' || c == '-' || c == '_' || c == '/' || c == ' ';
    }
}
