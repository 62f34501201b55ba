package com.bookmarked.cdt.core.finding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

/** How much a finding matters to the district: an error breaks something, info only explains. */
@Serdeable
public enum Severity {
    ERROR, WARNING, INFO;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static Severity fromWire(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
