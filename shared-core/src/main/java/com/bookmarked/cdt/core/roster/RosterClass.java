package com.bookmarked.cdt.core.roster;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** A class section taught at one campus. {@code sisId} links our class to the SIS's sourcedId. */
public record RosterClass(
        String sourcedId,
        @Nullable String sisId,
        @Nullable String title,
        @Nullable String orgSourcedId,
        @Nullable String courseSourcedId,
        List<String> termSourcedIds,
        RecordStatus status) {

    public RosterClass {
        termSourcedIds = termSourcedIds == null ? List.of() : List.copyOf(termSourcedIds);
        status = status == null ? RecordStatus.ACTIVE : status;
    }
}
