package com.bookmarked.cdt.core.store;

import com.bookmarked.cdt.core.finding.Severity;
import io.micronaut.core.annotation.Nullable;

/** Which findings of a run to read; null means "any". */
public record FindingFilter(@Nullable String category, @Nullable Severity severity) {

    public static final FindingFilter ALL = new FindingFilter(null, null);
}
