package com.bookmarked.cdt.tool.studentmismatch;

/** 64-bit hashes for duplicate and blocking keys; equal keys are always checked again, so a collision costs a comparison, never a wrong result. */
final class Hashing {

    private Hashing() {
    }

    /** A strong 64-bit finaliser (the one SplitMix64 uses). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long of(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    static long combine(long a, long b) {
        return mix(a * 31 + b + 0x632BE59BD9B4E019L);
    }
}
