package com.bookmarked.cdt.connector.oneroster;

import io.micronaut.core.annotation.Nullable;

/**
 * A row CDT could not read and skipped, with where it is and why, in words a support agent can
 * pass on to the district.
 *
 * @param line the line in the file where the row starts (1 is the header)
 */
public record ImportProblem(String file, long line, @Nullable String column, @Nullable String value, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file).append(" line ").append(line);
        if (column != null) {
            text.append(", column ").append(column);
        }
        if (value != null) {
            text.append(" (value \"").append(value).append("\")");
        }
        return text.append(": ").append(message).toString();
    }
}
