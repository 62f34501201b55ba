package com.bookmarked.cdt.core.roster;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** A class section taught at one campus. {@code sisId} links our class to the SIS's sourcedId. */
public record RosterClass(
        String sourcedId,
        @Nullable String sisId,
        @Nullable String title,
        @Nullable String orgSourcedId,
        @Nullable String courseSourcedId,
        List<String> termSourcedIds,
        RecordStatus status,
        Map<String, String> extensions) {

    public RosterClass {
        termSourcedIds = termSourcedIds == null ? List.of() : List.copyOf(termSourcedIds);
        status = status == null ? RecordStatus.ACTIVE : status;
        extensions = Extensions.copyOf(extensions);
    }

    public RosterClass(String sourcedId, @Nullable String sisId, @Nullable String title, @Nullable String orgSourcedId,
                       @Nullable String courseSourcedId, List<String> termSourcedIds, RecordStatus status) {
        this(sourcedId, sisId, title, orgSourcedId, courseSourcedId, termSourcedIds, status, Map.of());
    }
}
