package com.bookmarked.cdt.core.finding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

/** What kind of record a finding points at. */
@Serdeable
public enum EntityType {
    STUDENT, STAFF, GUARDIAN, CLASS, CAMPUS, ENROLLMENT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static EntityType fromWire(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
