package com.bookmarked.cdt.core.tool;

/**
 * A diagnostic tool: a pure, deterministic function of its snapshots and parameters. It does no
 * I/O; everything it reads arrives in {@link Snapshots}. Implementations are Micronaut singletons
 * so that the catalogue and the run service find them.
 */
public interface DiagnosticTool {

    ToolDescriptor descriptor();

    ToolResult analyze(Snapshots snapshots, ToolParameters parameters, Progress progress);
}
