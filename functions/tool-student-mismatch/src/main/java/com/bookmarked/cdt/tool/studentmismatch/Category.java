package com.bookmarked.cdt.tool.studentmismatch;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the Student Mismatch Resolver reports; {@link #name()} is the category on the wire. */
public enum Category {
    MISSING_IN_OURS,
    ORPHANED_IN_OURS,
    REKEYED,
    DUPLICATE_IN_OURS,
    DUPLICATE_IN_SIS,
    STATUS_MISMATCH,
    FIELD_DRIFT;

    static Category parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown category \"" + value.trim() + "\"; the Student Mismatch Resolver reports "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }
}
