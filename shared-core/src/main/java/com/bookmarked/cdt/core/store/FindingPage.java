package com.bookmarked.cdt.core.store;

import com.bookmarked.cdt.core.finding.Finding;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One page of a run's findings.
 *
 * @param nextCursor null on the last page
 * @param total how many findings match the filter, across all pages
 */
@Serdeable
public record FindingPage(List<Finding> items, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String nextCursor, long total) {
}
