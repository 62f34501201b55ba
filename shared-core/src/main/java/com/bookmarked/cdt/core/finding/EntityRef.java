package com.bookmarked.cdt.core.finding;

import io.micronaut.serde.annotation.Serdeable;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record a finding is about, on one side, with the field values that matter for it.
 *
 * @param key the SIS sourcedId on the SIS side, the mapping's {@code *_key} on ours
 */
@Serdeable
public record EntityRef(SnapshotSide side, EntityType type, String key, Map<String, String> values) {

    public EntityRef {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Values in the order given; nulls are kept as "absent" so both sides line up in the UI. */
    public static EntityRef of(SnapshotSide side, EntityType type, String key, String... fieldValuePairs) {
        if (fieldValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("field/value pairs expected");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < fieldValuePairs.length; i += 2) {
            values.put(fieldValuePairs[i], fieldValuePairs[i + 1]);
        }
        return new EntityRef(side, type, key, values);
    }
}
