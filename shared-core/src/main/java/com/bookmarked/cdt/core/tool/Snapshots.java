package com.bookmarked.cdt.core.tool;

import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;

import java.util.EnumMap;
import java.util.Map;

/** The snapshots handed to a tool, by side. */
public final class Snapshots {

    private final Map<SnapshotSide, RosterSnapshot> bySide;

    private Snapshots(Map<SnapshotSide, RosterSnapshot> bySide) {
        this.bySide = bySide;
    }

    public static Snapshots of(RosterSnapshot... snapshots) {
        Map<SnapshotSide, RosterSnapshot> map = new EnumMap<>(SnapshotSide.class);
        for (RosterSnapshot s : snapshots) {
            if (map.put(s.meta().side(), s) != null) {
                throw new IllegalArgumentException("two snapshots for side " + s.meta().side());
            }
        }
        return new Snapshots(map);
    }

    public RosterSnapshot sis() {
        return get(SnapshotSide.SIS);
    }

    public RosterSnapshot ours() {
        return get(SnapshotSide.OURS);
    }

    public RosterSnapshot get(SnapshotSide side) {
        RosterSnapshot s = bySide.get(side);
        if (s == null) {
            throw new IllegalStateException("the " + side.wireName() + " snapshot was not provided");
        }
        return s;
    }
}
