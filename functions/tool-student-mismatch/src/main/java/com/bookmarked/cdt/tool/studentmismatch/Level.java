package com.bookmarked.cdt.tool.studentmismatch;

/** How well one field of two records agrees; {@link #wireName} is what the evidence shows. */
enum Level {
    EXACT("same"),
    NICKNAME("nickname or spelling variant"),
    PART("part of a compound name"),
    TYPO("one or two letters apart"),
    INITIAL("initial only"),
    SWAPPED("day and month swapped"),
    NEAR("off by one day, month or year"),
    ADJACENT("one grade apart"),
    DIFFERENT("different"),
    MISSING("missing on one side");

    final String wireName;

    Level(String wireName) {
        this.wireName = wireName;
    }
}
