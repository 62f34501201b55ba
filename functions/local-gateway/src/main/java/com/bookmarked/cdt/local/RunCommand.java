package com.bookmarked.cdt.local;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.run.Run;
import com.bookmarked.cdt.core.run.RunService;
import com.bookmarked.cdt.core.run.RunStatus;
import com.bookmarked.cdt.core.run.ToolCatalogue;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cdt run TOOL}: runs a tool and prints its findings. With {@code --customer} it goes
 * through the same run service as the API (so the run is recorded and audited); with ad-hoc
 * sources it reads them directly and records nothing. {@code --customer C --sis oneroster-csv:PATH}
 * runs for the stored customer but reads the SIS side from PATH for this run only (the customer's
 * settings are not changed).
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a diagnostic tool and print its findings.")
final class RunCommand implements Callable<Integer> {

    enum Format { table, json }

    @Parameters(index = "0", description = "Tool id, e.g. missing-data.")
    String toolId;

    @ArgGroup(exclusive = false, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--customer", description = "A customer known to CDT (e.g. demo).")
        String customer;

        @ArgGroup(exclusive = false)
        AdHocSources adHoc;
    }

    @Option(names = "--param", description = "A tool parameter as name=value (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--ticket", description = "HubSpot ticket id to link the run to.")
    String ticketId;

    @Mixin
    LocalOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (target.customer == null) {
            return target.adHoc.run(toolId, params, format, out, err);
        }
        Map<String, Object> extra = Map.of();
        if (target.adHoc != null) {
            extra = Map.of(SisExportOverride.PROPERTY, target.adHoc.sisExportForCustomer());
            err.println("The SIS side of " + target.customer + " is read from " + extra.get(SisExportOverride.PROPERTY)
                    + " for this run; the customer's settings are unchanged.");
        }
        try (LocalEnvironment environment = LocalEnvironment.prepare(options, err);
             ApplicationContext context = environment.startContext(extra)) {
            RunService runs = context.getBean(RunService.class);
            Map<String, Object> parameters = CliParameters.coerce(context.getBean(ToolCatalogue.class).require(toolId)
                    .descriptor().parametersSchema(), params);
            Run run = runs.start(toolId, target.customer, parameters, ticketId,
                    "cli:" + System.getProperty("user.name", "unknown"));
            run = awaitEnd(runs, run, err);
            if (run.status() != RunStatus.SUCCEEDED) {
                err.println("Run " + run.runId() + " ended " + run.status()
                        + (run.error() == null ? "" : ": " + run.error()));
                return 1;
            }
            List<Finding> findings = new ArrayList<>();
            runs.eachFinding(run.runId(), null, null, findings::add);
            print(findings, format, context.getBean(JsonMapper.class), out);
            err.printf("Run %s: %,d findings in %,d ms%n", run.runId(), findings.size(), run.durationMs());
            return 0;
        }
    }

    private static Run awaitEnd(RunService runs, Run run, PrintWriter log) throws InterruptedException {
        String lastPhase = "";
        while (!run.status().finished()) {
            Thread.sleep(200);
            run = runs.get(run.runId());
            String phase = run.progress() == null ? "" : run.progress().phase() + " " + run.progress().percent() + "%";
            if (!phase.equals(lastPhase)) {
                log.println("  " + phase);
                lastPhase = phase;
            }
        }
        return run;
    }

    static void print(List<Finding> findings, Format format, JsonMapper json, PrintWriter out) throws IOException {
        if (format == Format.json) {
            out.println(new String(json.writeValueAsBytes(findings), StandardCharsets.UTF_8));
            out.flush();
            return;
        }
        out.printf("%-8s %-28s %-40s %-18s %-18s %s%n", "SEVERITY", "CATEGORY", "RULE", "SIS KEY", "OUR KEY", "TITLE");
        for (Finding f : findings) {
            out.printf("%-8s %-28s %-40s %-18s %-18s %s%n", f.severity().wireName(), f.category(),
                    f.rule() == null ? "" : f.rule(), key(f, SnapshotSide.SIS), key(f, SnapshotSide.OURS), f.title());
        }
        out.printf("%,d findings%n", findings.size());
        out.flush();
    }

    private static String key(Finding f, SnapshotSide side) {
        return f.entities().stream().filter(e -> e.side() == side).map(EntityRef::key).findFirst().orElse("");
    }
}
