package com.bookmarked.cdt.core.demo;

import com.bookmarked.cdt.core.snapshot.RosterSnapshot;

/**
 * A generated district in memory: the SIS snapshot (as the OneRoster CSV connector would read the
 * zip), our snapshot (as the Bookmarked connector would read ours.sql through the default
 * mapping), and the truth about what was planted.
 */
public record DemoDistrict(DemoSpec spec, RosterSnapshot sis, RosterSnapshot ours, TruthManifest truth) {
}
