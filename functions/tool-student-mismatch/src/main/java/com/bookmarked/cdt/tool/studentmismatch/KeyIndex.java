package com.bookmarked.cdt.tool.studentmismatch;

/**
 * Positions of records by their key (SIS sourcedId), in one int array with open addressing: a
 * few bytes per record instead of a hash map's entry and boxed integer, for a lookup per record
 * of the other side.
 */
final class KeyIndex {

    private final Students students;
    private final int[] slots;
    private final int mask;

    KeyIndex(Students students) {
        this.students = students;
        int capacity = Integer.highestOneBit(Math.max(4, students.size() * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < students.size(); i++) {
            String key = students.key(i);
            int slot = spread(key.hashCode()) & mask;
            while (slots[slot] != 0) {
                if (students.key(slots[slot] - 1).equals(key)) {
                    break; // a key given twice: the first record keeps it
                }
                slot = (slot + 1) & mask;
            }
            if (slots[slot] == 0) {
                slots[slot] = i + 1;
            }
        }
    }

    /** The position of the record with this key, or -1. */
    int get(String key) {
        if (key == null) {
            return -1;
        }
        int slot = spread(key.hashCode()) & mask;
        while (slots[slot] != 0) {
            int i = slots[slot] - 1;
            if (students.key(i).equals(key)) {
                return i;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }
}
