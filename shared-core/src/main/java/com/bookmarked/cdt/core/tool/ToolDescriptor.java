package com.bookmarked.cdt.core.tool;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * What the catalogue shows about a tool.
 *
 * @param parametersSchema a JSON Schema (draft 2020-12) object describing the tool's parameters
 * @param categories the finding categories this tool can report
 */
@Serdeable
public record ToolDescriptor(
        String id,
        String title,
        String description,
        List<SnapshotNeed> needs,
        Map<String, Object> parametersSchema,
        List<String> categories) {

    public ToolDescriptor {
        needs = List.copyOf(needs);
        categories = List.copyOf(categories);
    }
}
