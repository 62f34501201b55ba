package com.bookmarked.cdt.core.roster;

import java.util.Locale;

/** A user's role, folded from OneRoster's role vocabulary to what the tools reason about. */
public enum RoleType {
    STUDENT, TEACHER, GUARDIAN, ADMINISTRATOR, AIDE, OTHER;

    /** Maps OneRoster 1.1/1.2 role names (student, teacher, parent, guardian, relative, administrator, aide, principal, ...);
     * roles the tools need not tell apart (counselor, ext:...) fold to OTHER. */
    public static RoleType fromOneRoster(String value) {
        if (value == null) {
            return OTHER;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "student" -> STUDENT;
            case "teacher", "proctor" -> TEACHER;
            case "parent", "guardian", "relative" -> GUARDIAN;
            case "administrator", "districtadministrator", "siteadministrator", "systemadministrator", "principal" -> ADMINISTRATOR;
            case "aide" -> AIDE;
            default -> OTHER;
        };
    }

    public boolean isStaff() {
        return this == TEACHER || this == ADMINISTRATOR || this == AIDE;
    }
}
