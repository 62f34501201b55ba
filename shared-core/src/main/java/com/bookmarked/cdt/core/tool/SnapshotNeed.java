package com.bookmarked.cdt.core.tool;

import io.micronaut.serde.annotation.Serdeable;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;

/** A snapshot a tool needs before it can run. */
@Serdeable
public record SnapshotNeed(SnapshotSide side, String why) {
}
