package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.finding.Severity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the Parent Email Conflict Detector reports; {@link #name()} is the category on the wire.
 * The severity is the usual one (see docs/parent-email-conflict.md for why); a guardian link that
 * changed in the SIS after our last sync is only info.
 */
public enum Category {
    SHARED_EMAIL(Severity.ERROR),
    CROSS_CUSTOMER_EMAIL(Severity.ERROR),
    EMAIL_OF_STUDENT_OR_STAFF(Severity.ERROR),
    PLACEHOLDER_EMAIL(Severity.WARNING),
    INVALID_EMAIL(Severity.ERROR),
    CASE_OR_WHITESPACE_VARIANT(Severity.WARNING),
    GUARDIAN_LINK_MISMATCH(Severity.ERROR);

    final Severity severity;

    Category(Severity severity) {
        this.severity = severity;
    }

    static Category parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown category \"" + value.trim() + "\"; the Parent Email Conflict Detector reports "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }
}
