package com.bookmarked.cdt.tool.missingdata;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the Missing Data Finder reports; {@link #name()} is the category on the wire. */
public enum Category {
    MISSING_REQUIRED_FIELD,
    UNRESOLVED_REFERENCE,
    CLASS_WITHOUT_TEACHER,
    STUDENT_WITHOUT_ENROLLMENT,
    MISSING_HERE_PRESENT_IN_SIS;

    static Category parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown category \"" + value.trim() + "\"; the Missing Data Finder reports "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }
}
