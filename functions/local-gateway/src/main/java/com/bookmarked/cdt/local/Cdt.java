package com.bookmarked.cdt.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cdt} command line: the whole product locally, the demo district, and one-off runs. */
@Command(name = "cdt", mixinStandardHelpOptions = true, version = "cdt 0.1.0",
        description = "Customer Data Tools: diagnose a district's roster data.",
        subcommands = {ServeCommand.class, DemoCommand.class, ToolsCommand.class, RunCommand.class})
public final class Cdt implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // before the first logger exists: logs go to stderr, stdout is the command's output
        System.setProperty("CDT_LOG_TARGET", "System.err");
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Cdt())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("cdt: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return 1;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
