package com.bookmarked.cdt.connector.oneroster.rest;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * A record CDT could not use and skipped: which collection, its place in it, its sourcedId when
 * it has one, the field and why. Never the field's value, which may be personal data.
 *
 * @param position the record's number in the collection as the SIS listed it (1 is the first)
 */
public record RecordProblem(String collection, long position, @Nullable String sourcedId, @Nullable String field,
                            String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(collection).append(String.format(Locale.US, " record %,d", position));
        if (sourcedId != null) {
            text.append(" (sourcedId ").append(sourcedId).append(')');
        }
        if (field != null) {
            text.append(", field ").append(field);
        }
        return text.append(": ").append(message).toString();
    }
}
