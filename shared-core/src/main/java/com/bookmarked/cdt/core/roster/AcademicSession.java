package com.bookmarked.cdt.core.roster;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Map;

/** A school year, semester, term or grading period. */
public record AcademicSession(
        String sourcedId,
        @Nullable String title,
        @Nullable String type,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable String parentSourcedId,
        RecordStatus status,
        Map<String, String> extensions) {

    public AcademicSession {
        extensions = Extensions.copyOf(extensions);
    }

    public AcademicSession(String sourcedId, @Nullable String title, @Nullable String type, @Nullable LocalDate startDate,
                           @Nullable LocalDate endDate, @Nullable String parentSourcedId, RecordStatus status) {
        this(sourcedId, title, type, startDate, endDate, parentSourcedId, status, Map.of());
    }

    public boolean covers(LocalDate day) {
        return (startDate == null || !day.isBefore(startDate)) && (endDate == null || !day.isAfter(endDate));
    }
}
