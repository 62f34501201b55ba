package com.bookmarked.cdt.core.demo;

/**
 * What demo district to generate: how many students and from which seed. The same spec always
 * yields the same district, byte for byte.
 */
public record DemoSpec(int students, long seed) {

    public static final int MIN_STUDENTS = 100;
    public static final int MAX_STUDENTS = 500_000;

    public DemoSpec {
        if (students < MIN_STUDENTS || students > MAX_STUDENTS) {
            throw new IllegalArgumentException("A demo district has between " + MIN_STUDENTS + " and "
                    + MAX_STUDENTS + " students; " + students + " was asked for.");
        }
    }
}
