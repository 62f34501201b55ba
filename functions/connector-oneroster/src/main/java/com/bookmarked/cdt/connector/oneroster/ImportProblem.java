package com.bookmarked.cdt.connector.oneroster;

import io.micronaut.core.annotation.Nullable;

/**
 * Something in an export that CDT had to skip or wants the district to know about, with where it
 * is and why, in words a support agent can pass on to the district.
 *
 * @param line the line in the file where the row starts (1 is the header); 0 when about the whole file
 * @param value the value as written, or, for a personal field (a name, a birth date, an email), only its
 *              shape ({@code 99/99/9999}) so that problem lists never carry personal data
 * @param valueIsShape whether {@code value} is a shape rather than the value
 */
public record ImportProblem(String file, long line, @Nullable String column, @Nullable String value, boolean valueIsShape,
                            String message, Effect effect) {

    /** What CDT did about it. */
    public enum Effect {
        /** The row could not be used and is not in the snapshot. */
        ROW_SKIPPED,
        /** The row is in the snapshot, but something in it is wrong (e.g. it points at a record that is not there). */
        ROW_KEPT,
        /** About the file as a whole. */
        FILE
    }

    /** Where it is, without the value: safe for any log. */
    public String where() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(" line ").append(line);
        }
        if (column != null) {
            text.append(", column ").append(column);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(where());
        if (value != null) {
            text.append(valueIsShape ? " (a value shaped like \"" : " (value \"").append(value).append("\")");
        }
        text.append(": ").append(message);
        return switch (effect) {
            case ROW_SKIPPED -> text.append("; the row was skipped").toString();
            case ROW_KEPT, FILE -> text.toString();
        };
    }
}
