package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.tool.support.RecordKind;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.bookmarked.cdt.tool.missingdata.Field.*;

/**
 * How a district's roster reaches us. Each integration needs different fields: every one needs
 * names, student numbers, grades, birth dates (for matching) and campuses; the CSV and REST
 * feeds also need usernames, and REST and ClassLink sign students in by email.
 */
public enum IntegrationType {
    ONEROSTER_CSV("oneroster-csv", Map.of(
            RecordKind.STUDENT, EnumSet.of(GIVEN_NAME, FAMILY_NAME, IDENTIFIER, GRADES, BIRTH_DATE, CAMPUS, USERNAME),
            RecordKind.STAFF, EnumSet.of(GIVEN_NAME, FAMILY_NAME, EMAIL, CAMPUS, USERNAME),
            RecordKind.GUARDIAN, EnumSet.of(GIVEN_NAME, FAMILY_NAME, EMAIL),
            RecordKind.CLASS, EnumSet.of(TITLE, CAMPUS, COURSE, TERMS))),
    ONEROSTER_REST("oneroster-rest", Map.of(
            RecordKind.STUDENT, EnumSet.of(GIVEN_NAME, FAMILY_NAME, IDENTIFIER, GRADES, BIRTH_DATE, CAMPUS, USERNAME, EMAIL),
            RecordKind.STAFF, EnumSet.of(GIVEN_NAME, FAMILY_NAME, EMAIL, CAMPUS, USERNAME),
            RecordKind.GUARDIAN, EnumSet.of(GIVEN_NAME, FAMILY_NAME, EMAIL),
            RecordKind.CLASS, EnumSet.of(TITLE, CAMPUS, COURSE, TERMS))),
    CLASSLINK("classlink", Map.of(
            RecordKind.STUDENT, EnumSet.of(GIVEN_NAME, FAMILY_NAME, IDENTIFIER, GRADES, BIRTH_DATE, CAMPUS, EMAIL),
            RecordKind.STAFF, EnumSet.of(GIVEN_NAME, FAMILY_NAME, EMAIL, CAMPUS),
            RecordKind.GUARDIAN, EnumSet.of(GIVEN_NAME, FAMILY_NAME, EMAIL),
            RecordKind.CLASS, EnumSet.of(TITLE, CAMPUS, COURSE, TERMS)));

    public static final IntegrationType DEFAULT = ONEROSTER_CSV;

    private final String wireName;
    private final Map<RecordKind, Set<Field>> required;

    IntegrationType(String wireName, Map<RecordKind, Set<Field>> required) {
        this.wireName = wireName;
        this.required = required;
    }

    public String wireName() {
        return wireName;
    }

    /** The fields this integration requires of a record kind, in a fixed order. */
    Set<Field> required(RecordKind kind) {
        return required.getOrDefault(kind, Set.of());
    }

    static IntegrationType parse(String value) {
        for (IntegrationType t : values()) {
            if (t.wireName.equalsIgnoreCase(value.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown integration type \"" + value.trim() + "\"; expected one of "
                + Arrays.stream(values()).map(IntegrationType::wireName).collect(Collectors.joining(", ")) + ".");
    }
}
