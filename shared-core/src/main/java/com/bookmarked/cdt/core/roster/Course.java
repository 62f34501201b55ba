package com.bookmarked.cdt.core.roster;

import io.micronaut.core.annotation.Nullable;

/** A OneRoster course: what a class is a section of. */
public record Course(String sourcedId, @Nullable String title, @Nullable String orgSourcedId, RecordStatus status) {
}
