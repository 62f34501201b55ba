package com.bookmarked.cdt.local;

import com.bookmarked.cdt.core.tool.DiagnosticTool;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;

import java.util.Comparator;
import java.util.concurrent.Callable;

/** {@code cdt tools}: the catalogue, without starting a database. */
@Command(name = "tools", mixinStandardHelpOptions = true, description = "List the diagnostic tools.")
final class ToolsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (ApplicationContext context = ApplicationContext.builder().environments("cli").start()) {
            context.getBeansOfType(DiagnosticTool.class).stream()
                    .map(DiagnosticTool::descriptor)
                    .sorted(Comparator.comparing(d -> d.id()))
                    .forEach(d -> System.out.printf("%-24s %s%n%-24s %s%n", d.id(), d.title(), "", d.description()));
        }
        return 0;
    }
}
