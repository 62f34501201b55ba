package com.bookmarked.cdt.tool.parentemail;

/**
 * A practical subset of RFC 5322 addresses, the ones mail systems and our sign-up accept: exactly
 * one {@code @}; a dot-atom local part (letters, digits and {@code !#$%&'*+/=?^_`{|}~-}, dots only
 * between them); a domain of at least two labels of letters, digits and inner hyphens, the last one
 * not all digits. Quoted local parts, IP-address domains and non-ASCII characters are valid in
 * the RFCs but rare and badly supported, so they count as invalid here. Lengths follow RFC 5321
 * (64 for the local part, 253 for the domain, 63 per label).
 *
 * <p>A hand-written scan, not a regular expression: it runs once per address on hundreds of
 * thousands of accounts and names what is wrong in words an agent can repeat to the district.
 */
final class EmailSyntax {

    private EmailSyntax() {
    }

    /** What is wrong with an address; {@code character} is set for {@link Kind#BAD_CHARACTER}. */
    record Problem(Kind kind, char character) {

        String id() {
            return kind.id;
        }

        String describe() {
            return kind == Kind.BAD_CHARACTER
                    ? "contains " + shown(character) + ", which an address cannot hold"
                    : kind.label;
        }

        private static String shown(char c) {
            return c < 0x20 || c == 0x7F ? String.format("the control character U+%04X", (int) c)
                    : c > 0x7E ? String.format("\"%c\" (U+%04X)", c, (int) c) : "\"" + c + "\"";
        }
    }

    enum Kind {
        NO_AT("no-at", "has no @"),
        SEVERAL_AT("several-at", "has more than one @"),
        SPACE("space", "contains a space"),
        COMMA("comma", "contains a comma"),
        NOTHING_BEFORE_AT("empty-local-part", "has nothing before the @"),
        NOTHING_AFTER_AT("empty-domain", "has nothing after the @"),
        DOUBLE_DOT("double-dot", "has two dots in a row"),
        DOT_AT_EDGE("dot-at-edge", "has a dot at the start or end of a part"),
        BAD_CHARACTER("bad-character", "contains a character an address cannot hold"),
        HYPHEN_AT_EDGE("hyphen-at-edge", "has a domain part that starts or ends with a hyphen"),
        NO_DOT_IN_DOMAIN("no-dot-in-domain", "has a domain without a dot"),
        NUMERIC_TOP_LEVEL("numeric-top-level-domain", "ends in a number instead of a top-level domain such as .com"),
        TOO_LONG("too-long", "is longer than addresses may be");

        final String id;
        final String label;

        Kind(String id, String label) {
            this.id = id;
            this.label = label;
        }
    }

    /** The first problem found, or null for a valid address. Expects a trimmed address. */
    static Problem check(String address) {
        int at = -1;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return new Problem(Kind.SEVERAL_AT, c);
                }
                at = i;
            }
        }
        if (at < 0) {
            return new Problem(Kind.NO_AT, '@');
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (EmailAddress.blank(c)) {
                return new Problem(Kind.SPACE, c);
            }
            if (c == ',') {
                return new Problem(Kind.COMMA, c);
            }
        }
        if (at == 0) {
            return new Problem(Kind.NOTHING_BEFORE_AT, '@');
        }
        if (at == address.length() - 1) {
            return new Problem(Kind.NOTHING_AFTER_AT, '@');
        }
        Problem local = localPart(address, at);
        return local != null ? local : domain(address, at + 1);
    }

    private static Problem localPart(String a, int end) {
        if (end > 64) {
            return new Problem(Kind.TOO_LONG, ' ');
        }
        if (a.charAt(0) == '.' || a.charAt(end - 1) == '.') {
            return new Problem(Kind.DOT_AT_EDGE, '.');
        }
        for (int i = 0; i < end; i++) {
            char c = a.charAt(i);
            if (c == '.') {
                if (a.charAt(i + 1) == '.') {
                    return new Problem(Kind.DOUBLE_DOT, c);
                }
            } else if (!atext(c)) {
                return new Problem(Kind.BAD_CHARACTER, c);
            }
        }
        return null;
    }

    private static Problem domain(String a, int start) {
        int end = a.length();
        if (end - start > 253) {
            return new Problem(Kind.TOO_LONG, ' ');
        }
        if (a.charAt(start) == '.' || a.charAt(end - 1) == '.') {
            return new Problem(Kind.DOT_AT_EDGE, '.');
        }
        int labels = 0;
        int labelStart = start;
        for (int i = start; i <= end; i++) {
            char c = i < end ? a.charAt(i) : '.';
            if (c == '.') {
                if (i == labelStart) {
                    return new Problem(Kind.DOUBLE_DOT, c);
                }
                if (i - labelStart > 63) {
                    return new Problem(Kind.TOO_LONG, ' ');
                }
                if (a.charAt(labelStart) == '-' || a.charAt(i - 1) == '-') {
                    return new Problem(Kind.HYPHEN_AT_EDGE, '-');
                }
                labels++;
                if (i == end && allDigits(a, labelStart, i)) {
                    return new Problem(Kind.NUMERIC_TOP_LEVEL, ' ');
                }
                labelStart = i + 1;
            } else if (!letterOrDigit(c) && c != '-') {
                return new Problem(Kind.BAD_CHARACTER, c);
            }
        }
        return labels < 2 ? new Problem(Kind.NO_DOT_IN_DOMAIN, ' ') : null;
    }

    private static boolean allDigits(String a, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = a.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** RFC 5322 atext: letters, digits and these printable symbols. */
    private static boolean atext(char c) {
        if (letterOrDigit(c)) {
            return true;
        }
        return switch (c) {
            case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '/', '=', '?', '^', '_', '`', '{', '|', '}', '~' -> true;
            default -> false;
        };
    }

    /**
     * What the address was probably meant to be, when one typing slip explains the problem: a
     * doubled {@code @}, doubled dots, a comma for a dot in the domain, spaces inside. Null when
     * no such guess gives a valid address. A guess for the district to confirm, never applied.
     */
    static String likelyMeant(String address, Problem problem) {
        String guess = switch (problem.kind()) {
            case SEVERAL_AT -> collapse(address, '@');
            case DOUBLE_DOT -> collapse(address, '.');
            case COMMA -> address.indexOf('@') >= 0
                    ? address.substring(0, address.indexOf('@') + 1) + address.substring(address.indexOf('@') + 1).replace(',', '.')
                    : null;
            case SPACE -> removeBlanks(address);
            case DOT_AT_EDGE -> address.replace(".@", "@").replace("@.", "@");
            default -> null;
        };
        return guess != null && !guess.equals(address) && check(guess) == null ? guess : null;
    }

    private static String collapse(String text, char c) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char x = text.charAt(i);
            if (x != c || out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(x);
            }
        }
        return out.toString();
    }

    private static String removeBlanks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!EmailAddress.blank(text.charAt(i))) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }
}
