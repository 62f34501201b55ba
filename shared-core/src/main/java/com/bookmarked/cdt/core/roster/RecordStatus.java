package com.bookmarked.cdt.core.roster;

/** OneRoster's record status; {@code TOBEDELETED} marks a record the SIS has removed. */
public enum RecordStatus {
    ACTIVE, TOBEDELETED, INACTIVE;

    public static RecordStatus fromOneRoster(String value) {
        if (value == null || value.isBlank()) {
            return ACTIVE;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "active" -> ACTIVE;
            case "tobedeleted" -> TOBEDELETED;
            case "inactive" -> INACTIVE;
            default -> throw new IllegalArgumentException("unknown status '" + value + "'");
        };
    }
}
