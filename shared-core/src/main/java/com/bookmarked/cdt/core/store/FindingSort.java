package com.bookmarked.cdt.core.store;

import com.bookmarked.cdt.core.http.InvalidInputException;
import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * The order of a run's findings: {@code seq} (the tool's order), {@code severity} (error first),
 * {@code category}, {@code title} or {@code key} (the first entity's key), each reversed by a
 * leading {@code -}. Ties are broken by seq (reversed with the rest), so that every order is
 * total and keyset paging never skips or repeats a finding.
 */
public record FindingSort(Key key, boolean descending) {

    public static final FindingSort SEQ = new FindingSort(Key.SEQ, false);

    /** The sortable columns, each backed by an index on {@code (run_id, column, seq)}. */
    public enum Key {
        SEQ("seq", null),
        SEVERITY("severity", "severity_rank"),
        CATEGORY("category", "category"),
        TITLE("title", "sort_title"),
        KEY("key", "sort_key");

        final String wireName;
        /** null for seq, which is its own tie-breaker */
        @Nullable
        final String column;

        Key(String wireName, @Nullable String column) {
            this.wireName = wireName;
            this.column = column;
        }
    }

    /** {@code title}, {@code -severity}, …; blank is the tool's order. */
    public static FindingSort parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return SEQ;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        boolean descending = t.startsWith("-");
        String name = descending ? t.substring(1) : t;
        for (Key k : Key.values()) {
            if (k.wireName.equals(name)) {
                return new FindingSort(k, descending);
            }
        }
        throw InvalidInputException.of("sort", "must be one of seq, severity, category, title or key, "
                + "with a leading '-' to reverse (e.g. -severity)");
    }

    public String wireName() {
        return (descending ? "-" : "") + key.wireName;
    }

    String orderBy() {
        String dir = descending ? " DESC" : "";
        return key.column == null ? "seq" + dir : key.column + dir + ", seq" + dir;
    }

    /** The condition "after the cursor's position" in this order. */
    String after() {
        String op = descending ? "<" : ">";
        return key.column == null ? "seq " + op + " ?" : "(" + key.column + ", seq) " + op + " (?, ?)";
    }
}
