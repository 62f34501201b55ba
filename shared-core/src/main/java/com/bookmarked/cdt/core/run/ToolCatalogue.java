package com.bookmarked.cdt.core.run;

import com.bookmarked.cdt.core.http.NotFoundException;
import com.bookmarked.cdt.core.tool.DiagnosticTool;
import com.bookmarked.cdt.core.tool.ToolDescriptor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every {@link DiagnosticTool} bean of this deployment, by id. */
@Singleton
public class ToolCatalogue {

    private final Map<String, DiagnosticTool> byId = new TreeMap<>();

    public ToolCatalogue(List<DiagnosticTool> tools) {
        for (DiagnosticTool tool : tools) {
            String id = tool.descriptor().id();
            DiagnosticTool previous = byId.put(id, tool);
            if (previous != null) {
                throw new IllegalStateException("two tools share the id " + id + ": "
                        + previous.getClass().getName() + " and " + tool.getClass().getName());
            }
        }
    }

    public Optional<DiagnosticTool> find(String toolId) {
        return Optional.ofNullable(toolId == null ? null : byId.get(toolId));
    }

    public DiagnosticTool require(String toolId) {
        return find(toolId).orElseThrow(() -> new NotFoundException(
                "There is no tool called '" + toolId + "'"
                        + (byId.isEmpty() ? "." : ". Tools available here: " + String.join(", ", byId.keySet()) + ".")));
    }

    /** Descriptors in id order. */
    public List<ToolDescriptor> descriptors() {
        return byId.values().stream().map(DiagnosticTool::descriptor).toList();
    }
}
