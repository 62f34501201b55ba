package com.bookmarked.cdt.connector.oneroster;

import java.util.Arrays;

/**
 * The sourcedIds of one file: says whether an id was already seen (sourcedIds are unique within a
 * file) and whether a reference resolves, and hands out one String instance per id so that the
 * many records mentioning an id share it. An open-addressing table of the Strings themselves, so
 * that a million users cost one array, not a million map entries for the garbage collector to copy.
 */
final class Ids {

    private String[] table;
    private int size;

    Ids() {
        this(16);
    }

    /** Sized for about this many ids, so that a large file does not rehash as it grows. */
    Ids(long expected) {
        // at most 4 million slots up front (16 MB); a file with more ids grows the table as it goes
        int capacity = Integer.highestOneBit((int) Math.min(Math.max(expected * 2, 16), 1 << 22) - 1) << 1;
        table = new String[capacity];
    }

    /** Records an id of this file; false when the file already had it. */
    boolean add(String id) {
        int slot = slot(id);
        if (table[slot] != null) {
            return false;
        }
        table[slot] = id;
        if (++size * 2 > table.length) {
            grow();
        }
        return true;
    }

    boolean contains(String id) {
        return table[slot(id)] != null;
    }

    /** The instance this file holds for the id, or null when the file does not have it. */
    String find(String id) {
        return table[slot(id)];
    }

    int size() {
        return size;
    }

    /** The slot holding the id, or the empty slot where it would go. */
    private int slot(String id) {
        int mask = table.length - 1;
        int h = id.hashCode();
        int i = (h ^ (h >>> 16)) & mask;
        while (true) {
            String there = table[i];
            if (there == null || there.equals(id)) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        for (String id : old) {
            if (id != null) {
                table[slot(id)] = id;
            }
        }
        Arrays.fill(old, null);
    }
}
