package com.bookmarked.cdt.core.roster;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/** A OneRoster course: what a class is a section of. */
public record Course(String sourcedId, @Nullable String title, @Nullable String orgSourcedId, RecordStatus status,
                     Map<String, String> extensions) {

    public Course {
        extensions = Extensions.copyOf(extensions);
    }

    public Course(String sourcedId, @Nullable String title, @Nullable String orgSourcedId, RecordStatus status) {
        this(sourcedId, title, orgSourcedId, status, Map.of());
    }
}
