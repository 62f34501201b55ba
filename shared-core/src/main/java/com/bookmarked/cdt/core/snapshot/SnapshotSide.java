package com.bookmarked.cdt.core.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

/** Which side of the comparison a snapshot describes: the district's SIS, or our own database. */
@Serdeable
public enum SnapshotSide {
    SIS, OURS;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static SnapshotSide fromWire(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
