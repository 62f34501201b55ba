package com.bookmarked.cdt.core.tool.support;

import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;

/**
 * The people of one snapshot by key (sourcedId), and nothing else: for a tool that only needs to
 * look people up, at a fraction of {@link RosterIndex}'s memory. Open addressing over two arrays
 * at most half full, the people and their keys' hashes (so that a probe rarely has to read a
 * person): 16 to 32 bytes per person instead of a hash-map node and its table. When two records
 * share a key, the first one wins, as in {@link RosterIndex}.
 */
public final class UserDirectory {

    private final RosterUser[] slots;
    private final int[] hashes;
    private final int mask;
    private final int size;

    public UserDirectory(RosterSnapshot snapshot) {
        int n = snapshot.users().size();
        int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        slots = new RosterUser[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
        int added = 0;
        for (RosterUser u : snapshot.users()) {
            if (u.sourcedId() != null && put(u)) {
                added++;
            }
        }
        size = added;
    }

    private boolean put(RosterUser u) {
        String key = u.sourcedId();
        int h = spread(key.hashCode());
        for (int i = h & mask; ; i = (i + 1) & mask) {
            RosterUser there = slots[i];
            if (there == null) {
                slots[i] = u;
                hashes[i] = h;
                return true;
            }
            if (hashes[i] == h && there.sourcedId().equals(key)) {
                return false;
            }
        }
    }

    /** The person with this key, or null. */
    public RosterUser get(String key) {
        if (key == null) {
            return null;
        }
        int h = spread(key.hashCode());
        for (int i = h & mask; ; i = (i + 1) & mask) {
            RosterUser there = slots[i];
            if (there == null) {
                return null;
            }
            if (hashes[i] == h && there.sourcedId().equals(key)) {
                return there;
            }
        }
    }

    /** How many distinct keys the directory holds. */
    public int size() {
        return size;
    }

    /** Mixes the high bits in: keys such as "stu-000123" differ mostly in their last characters. */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        return h ^ (h >>> 16);
    }
}
