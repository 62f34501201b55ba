package com.bookmarked.cdt.connector.oneroster;

import java.util.HashMap;
import java.util.Map;

/**
 * The sourcedIds of one file: says whether an id was already seen (sourcedIds are unique within a
 * file) and whether a reference resolves, and hands out one String instance per id so that the
 * many records mentioning an id share it.
 */
final class Ids {

    private final Map<String, String> ids;

    Ids() {
        this(16);
    }

    /** Sized for about this many ids, so that a large file does not rehash as it grows. */
    Ids(long expected) {
        ids = HashMap.newHashMap((int) Math.min(Math.max(expected, 16), 1 << 26));
    }

    /** Records an id of this file; false when the file already had it. */
    boolean add(String id) {
        return ids.putIfAbsent(id, id) == null;
    }

    boolean contains(String id) {
        return ids.containsKey(id);
    }

    /** The instance this file holds for the id, or the id itself when the file does not have it. */
    String canonical(String id) {
        String known = ids.get(id);
        return known == null ? id : known;
    }

    /** The instance this file holds for the id, or null when the file does not have it. */
    String find(String id) {
        return ids.get(id);
    }

    int size() {
        return ids.size();
    }
}
