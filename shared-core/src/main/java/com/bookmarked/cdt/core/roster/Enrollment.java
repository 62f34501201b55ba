package com.bookmarked.cdt.core.roster;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Map;

/**
 * A person's membership of a class. On our side it comes from {@code class_members}, whose
 * {@code ended_on} is the end date; the sourcedId there is {@code classKey/personKey}.
 */
public record Enrollment(
        String sourcedId,
        String classSourcedId,
        String userSourcedId,
        @Nullable String orgSourcedId,
        RoleType role,
        boolean primary,
        @Nullable LocalDate beginDate,
        @Nullable LocalDate endDate,
        RecordStatus status,
        Map<String, String> extensions) {

    public Enrollment {
        extensions = Extensions.copyOf(extensions);
    }

    public Enrollment(String sourcedId, String classSourcedId, String userSourcedId, @Nullable String orgSourcedId,
                      RoleType role, boolean primary, @Nullable LocalDate beginDate, @Nullable LocalDate endDate,
                      RecordStatus status) {
        this(sourcedId, classSourcedId, userSourcedId, orgSourcedId, role, primary, beginDate, endDate, status, Map.of());
    }

    public boolean isOpenOn(LocalDate day) {
        return status == RecordStatus.ACTIVE
                && (beginDate == null || !day.isBefore(beginDate))
                && (endDate == null || !day.isAfter(endDate));
    }
}
