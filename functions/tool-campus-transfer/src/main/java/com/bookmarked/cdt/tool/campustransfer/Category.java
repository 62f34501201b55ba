package com.bookmarked.cdt.tool.campustransfer;

import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.http.UserFacingException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the Campus Transfer Validator reports; {@link #name()} is the category on the wire. */
public enum Category {
    /** The SIS has the student at another campus since before our last sync; we still show the old one. */
    CAMPUS_MISMATCH(Severity.ERROR),
    /** We show the right campus, but a class membership at the old campus is still open. */
    STALE_ENROLLMENT_AT_OLD_CAMPUS(Severity.WARNING),
    /** The SIS has the student in running classes at two or more campuses at once. */
    CONCURRENT_CAMPUSES(Severity.WARNING),
    /** The SIS has the student at a campus that no campus of ours is mapped to. */
    UNMAPPED_CAMPUS(Severity.ERROR),
    /** The change is newer than our last sync: nothing is wrong yet, the next sync carries it. */
    PENDING_SYNC(Severity.INFO);

    final Severity severity;

    Category(Severity severity) {
        this.severity = severity;
    }

    static Category parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("Unknown category \"" + value.trim() + "\"; the Campus Transfer Validator reports "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }
}
