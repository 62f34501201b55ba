package com.bookmarked.cdt.core.run;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a finished run found, in counts.
 *
 * @param bySeverity always has {@code error}, {@code warning} and {@code info}, zero when none
 * @param byCategory categories in alphabetical order, only those found
 * @param profile the tool's extra summary ({@link com.bookmarked.cdt.core.tool.ToolResult#profile()})
 */
@Serdeable
public record RunSummary(
        long total,
        Map<String, Long> bySeverity,
        Map<String, Long> byCategory,
        @Nullable Map<String, Object> profile) {

    /** Puts the counts in display order whatever order they were read in (jsonb sorts keys its own way). */
    public RunSummary {
        Map<String, Long> severities = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            severities.put(s.wireName(), bySeverity == null ? 0L : bySeverity.getOrDefault(s.wireName(), 0L));
        }
        bySeverity = java.util.Collections.unmodifiableMap(severities);
        byCategory = byCategory == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(byCategory));
    }

    public static RunSummary of(List<Finding> findings, @Nullable Map<String, Object> profile) {
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        Map<String, Long> byCategory = new TreeMap<>();
        for (Finding f : findings) {
            bySeverity.merge(f.severity().wireName(), 1L, Long::sum);
            byCategory.merge(f.category(), 1L, Long::sum);
        }
        return new RunSummary(findings.size(), bySeverity, byCategory,
                profile == null || profile.isEmpty() ? null : profile);
    }
}
