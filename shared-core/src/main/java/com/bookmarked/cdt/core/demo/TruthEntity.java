package com.bookmarked.cdt.core.demo;

import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;

/**
 * One record a planted problem is about, keyed the way findings key it: the SIS sourcedId on the
 * SIS side, the reference schema's {@code *_key} on ours.
 */
public record TruthEntity(SnapshotSide side, EntityType type, String key) implements Comparable<TruthEntity> {

    /** {@code side:type:key}, the same shape tests use to compare findings with the truth. */
    public String label() {
        return side.wireName() + ':' + type.wireName() + ':' + key;
    }

    @Override
    public int compareTo(TruthEntity other) {
        return label().compareTo(other.label());
    }
}
