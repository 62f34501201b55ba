package com.bookmarked.cdt.core.tool;

import com.bookmarked.cdt.core.finding.Finding;

import java.util.List;
import java.util.Map;

/**
 * What a tool returns.
 *
 * @param profile extra summary for the run, e.g. the Missing Data Finder's per-field completeness
 */
public record ToolResult(List<Finding> findings, Map<String, Object> profile) {

    public ToolResult {
        findings = List.copyOf(findings);
        profile = profile == null ? Map.of() : Map.copyOf(profile);
    }
}
