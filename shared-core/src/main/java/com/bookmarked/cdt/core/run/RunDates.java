package com.bookmarked.cdt.core.run;

import com.bookmarked.cdt.core.http.FieldError;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The history's {@code from} and {@code to}: an ISO date means whole UTC days (from the start of
 * {@code from}'s day up to the end of {@code to}'s), an instant means exactly that moment
 * ({@code from} inclusive, {@code to} exclusive).
 */
final class RunDates {

    private static final String FORMAT = "must be a date such as 2026-11-29 or a time such as 2026-11-29T14:30:00Z";

    private RunDates() {
    }

    @Nullable
    static Instant from(@Nullable String text, List<FieldError> errors) {
        return parse("from", text, false, errors);
    }

    @Nullable
    static Instant to(@Nullable String text, List<FieldError> errors) {
        return parse("to", text, true, errors);
    }

    @Nullable
    private static Instant parse(String field, @Nullable String text, boolean endOfDay, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, FORMAT + " ('" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "' is not)"));
            return null;
        }
    }
}
