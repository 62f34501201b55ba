package com.bookmarked.cdt.core.store;

import com.bookmarked.cdt.core.finding.Severity;
import io.micronaut.core.annotation.Nullable;

/**
 * Which findings of a run to read; null means "any".
 *
 * @param search text that the finding's title, rule, category or an entity's key or values must
 *        contain, any case
 */
public record FindingFilter(@Nullable String category, @Nullable Severity severity, @Nullable String search) {

    public static final FindingFilter ALL = new FindingFilter(null, null, null);

    public FindingFilter {
        search = search == null || search.isBlank() ? null : search;
    }

    public FindingFilter(@Nullable String category, @Nullable Severity severity) {
        this(category, severity, null);
    }
}
