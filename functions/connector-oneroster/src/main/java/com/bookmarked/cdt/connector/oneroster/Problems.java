package com.bookmarked.cdt.connector.oneroster;

import java.util.ArrayList;
import java.util.List;

/** The rows skipped during one import: the first few kept in full, all of them counted. */
final class Problems {

    private final int keep;
    private final List<ImportProblem> kept = new ArrayList<>();
    private int count;

    Problems(int keep) {
        this.keep = keep;
    }

    void add(ImportProblem problem) {
        count++;
        if (kept.size() < keep) {
            kept.add(problem);
        }
    }

    List<ImportProblem> kept() {
        return kept;
    }

    int count() {
        return count;
    }
}
