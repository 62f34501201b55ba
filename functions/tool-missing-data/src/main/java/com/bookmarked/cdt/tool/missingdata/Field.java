package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;

import java.util.List;

/**
 * A field the rules check, named as in OneRoster (rule ids use {@link #id}) and as an agent would
 * say it ({@link #label}). A value counts as present when it is not blank.
 */
enum Field {
    GIVEN_NAME("givenName", "first name"),
    FAMILY_NAME("familyName", "last name"),
    IDENTIFIER("identifier", "student number"),
    GRADES("grades", "grade"),
    BIRTH_DATE("birthDate", "birth date"),
    EMAIL("email", "email address"),
    USERNAME("username", "username"),
    CAMPUS("campus", "school"),
    TITLE("title", "title"),
    COURSE("course", "course"),
    TERMS("terms", "term");

    final String id;
    final String label;

    Field(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The value of this field of a person, as text; null when absent or blank. */
    String of(RosterUser u) {
        return switch (this) {
            case GIVEN_NAME -> blankToNull(u.givenName());
            case FAMILY_NAME -> blankToNull(u.familyName());
            case IDENTIFIER -> blankToNull(u.identifier());
            case GRADES -> firstPresent(u.grades());
            case BIRTH_DATE -> u.birthDate() == null ? null : u.birthDate().toString();
            case EMAIL -> blankToNull(u.email());
            case USERNAME -> blankToNull(u.username());
            case CAMPUS -> firstPresent(u.orgSourcedIds());
            case TITLE, COURSE, TERMS -> null;
        };
    }

    /** The value of this field of a class, as text; null when absent or blank. */
    String of(RosterClass c) {
        return switch (this) {
            case TITLE -> blankToNull(c.title());
            case CAMPUS -> blankToNull(c.orgSourcedId());
            case COURSE -> blankToNull(c.courseSourcedId());
            case TERMS -> firstPresent(c.termSourcedIds());
            default -> null;
        };
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String firstPresent(List<String> values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
