package com.bookmarked.cdt.tool.parentemail;

import java.util.Locale;

/**
 * How addresses are compared. Two forms:
 * <ul>
 *   <li>{@link #plain}: trimmed and lower-cased. Every mail provider treats case alike, and spaces
 *   around an address are a typing accident, so this is what the guardian meant to type. A stored
 *   address that differs from its plain form is a case or whitespace variant.</li>
 *   <li>{@link #mailbox}: the plain form with the rules of the few providers that deliver several
 *   spellings to one mailbox, so that two spellings of one mailbox count as one address.</li>
 * </ul>
 *
 * <p>The provider table is deliberately small and applied only to those domains: elsewhere a dot
 * or a {@code +tag} may well make a different mailbox, and guessing would merge strangers.
 * <ul>
 *   <li>Gmail ({@code gmail.com}, and {@code googlemail.com}, the same mailboxes): dots in the local
 *   part are ignored, and so is everything from a {@code +}.</li>
 *   <li>Outlook.com ({@code outlook.com}, {@code hotmail.com}, {@code live.com}): a {@code +tag} is
 *   ignored; dots are not.</li>
 * </ul>
 */
final class EmailAddress {

    private static final String GMAIL = "gmail.com";

    /** Domains whose local part ignores dots and +tags, and the domain their mailboxes live at. */
    private static final String[] DOTS_AND_TAGS_IGNORED = {GMAIL, "googlemail.com"};
    /** Domains whose local part ignores +tags only. */
    private static final String[] TAGS_IGNORED = {"outlook.com", "hotmail.com", "live.com"};

    private EmailAddress() {
    }

    /** Trimmed (any Unicode space, including no-break and zero-width) and lower-cased; null when nothing is left. */
    static String plain(String stored) {
        String trimmed = trim(stored);
        return trimmed == null ? null : trimmed.toLowerCase(Locale.ROOT); // the same instance when already lower-case
    }

    /** Without the spaces around it (the same instance when there are none); null when nothing is left. */
    static String trim(String stored) {
        if (stored == null) {
            return null;
        }
        int start = 0;
        int end = stored.length();
        while (start < end && blank(stored.charAt(start))) {
            start++;
        }
        while (end > start && blank(stored.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        return start == 0 && end == stored.length() ? stored : stored.substring(start, end);
    }

    static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /**
     * The mailbox a plain address delivers to: provider rules applied where they hold, otherwise
     * the plain address itself (the same instance, so that most addresses cost no new string).
     */
    static String mailbox(String plain) {
        int at = plain.lastIndexOf('@');
        if (at <= 0) {
            return plain;
        }
        if (domainIs(plain, at, DOTS_AND_TAGS_IGNORED)) {
            StringBuilder local = new StringBuilder(at);
            for (int i = 0; i < at; i++) {
                char c = plain.charAt(i);
                if (c == '+') {
                    break;
                }
                if (c != '.') {
                    local.append(c);
                }
            }
            return local.append('@').append(GMAIL).toString();
        }
        if (domainIs(plain, at, TAGS_IGNORED)) {
            int plus = plain.indexOf('+');
            if (plus >= 0 && plus < at) {
                return plain.substring(0, plus) + plain.substring(at);
            }
        }
        return plain;
    }

    /** The part before the last {@code @} (the whole text when there is none). */
    static String localPart(String plain) {
        int at = plain.lastIndexOf('@');
        return at < 0 ? plain : plain.substring(0, at);
    }

    private static boolean domainIs(String plain, int at, String[] domains) {
        int length = plain.length() - at - 1;
        for (String d : domains) {
            if (d.length() == length && plain.regionMatches(at + 1, d, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** What tells a stored address from its plain form, or null when they are the same. */
    static Variance variance(String stored, String plain) {
        if (stored.equals(plain)) {
            return null;
        }
        String trimmed = trim(stored);
        boolean spaces = trimmed.length() != stored.length();
        boolean capitals = !trimmed.equals(trimmed.toLowerCase(Locale.ROOT));
        if (spaces && !capitals) {
            return Variance.WHITESPACE;
        }
        return spaces ? Variance.CASE_AND_WHITESPACE : Variance.CASE;
    }

    enum Variance {
        CASE("case", "capital letters"),
        WHITESPACE("whitespace", "spaces around it"),
        CASE_AND_WHITESPACE("case-and-whitespace", "capital letters and spaces around it");

        final String id;
        final String label;

        Variance(String id, String label) {
            this.id = id;
            this.label = label;
        }
    }
}
