package com.bookmarked.cdt.local;

import com.bookmarked.cdt.connector.bookmarked.BookmarkedSnapshotReader;
import com.bookmarked.cdt.connector.bookmarked.Mapping;
import com.bookmarked.cdt.connector.bookmarked.ReadOnlyDatabase;
import com.bookmarked.cdt.connector.oneroster.OneRosterCsvReader;
import com.bookmarked.cdt.connector.oneroster.OneRosterImport;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.http.InvalidInputException;
import com.bookmarked.cdt.core.run.ParameterCheck;
import com.bookmarked.cdt.core.secrets.SecretRef;
import com.bookmarked.cdt.core.secrets.Secrets;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.tool.DiagnosticTool;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One-off sources for {@code cdt run} without a stored customer: a OneRoster export on disk and
 * (optionally) our database by JDBC URL and mapping file. Nothing is recorded.
 */
final class AdHocSources {

    private static final String AD_HOC_CUSTOMER = "ad-hoc";

    @Option(names = "--sis", required = true, description = "SIS source, e.g. oneroster-csv:PATH (zip or folder).")
    String sis;

    @Option(names = "--ours", description = "Our database as a PostgreSQL JDBC URL (read-only).")
    String oursUrl;

    @Option(names = "--ours-user", description = "User for --ours.")
    String oursUser;

    @Option(names = "--ours-password-ref", description = "Password for --ours as a secret reference (env:NAME or file:PATH).")
    String oursPasswordRef;

    @Option(names = "--mapping", description = "Mapping file for --ours (default: the shipped mapping).")
    Path mapping;

    @Option(names = "--customer-key", description = "The customer's key in our database.")
    String customerKey;

    int run(String toolId, Map<String, String> rawParams, RunCommand.Format format, PrintWriter out, PrintWriter log)
            throws Exception {
        try (ApplicationContext context = ApplicationContext.builder().environments("cli").start()) {
            DiagnosticTool tool = context.getBeansOfType(DiagnosticTool.class).stream()
                    .filter(t -> t.descriptor().id().equals(toolId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("there is no tool '" + toolId + "'"));
            Map<String, Object> params = CliParameters.coerce(tool.descriptor().parametersSchema(), rawParams);
            InvalidInputException.throwIfAny("The parameters are not valid for " + toolId,
                    ParameterCheck.check(tool.descriptor().parametersSchema(), params));
            RosterSnapshot sisSnapshot = readSis(log);
            Snapshots snapshots;
            if (oursUrl != null) {
                if (customerKey == null) {
                    throw new IllegalArgumentException("--ours needs --customer-key");
                }
                snapshots = Snapshots.of(sisSnapshot, readOurs(context.getBean(Secrets.class), log));
            } else {
                snapshots = Snapshots.of(sisSnapshot);
            }
            long start = System.nanoTime();
            ToolResult result = tool.analyze(snapshots, new ToolParameters(params), Progress.NONE);
            log.printf("%s analysed in %,d ms%n", toolId, (System.nanoTime() - start) / 1_000_000);
            RunCommand.print(result.findings(), format, context.getBean(JsonMapper.class), out);
            return 0;
        }
    }

    /** With {@code --customer}: the export's path; our side then comes from the customer, so --ours and its options are refused. */
    String sisExportForCustomer() {
        if (oursUrl != null || oursUser != null || oursPasswordRef != null || mapping != null || customerKey != null) {
            throw new IllegalArgumentException("with --customer, our side comes from the customer's settings: "
                    + "leave out --ours, --ours-user, --ours-password-ref, --mapping and --customer-key");
        }
        String prefix = OneRosterCsvReader.SOURCE + ":";
        if (!sis.startsWith(prefix)) {
            throw new IllegalArgumentException("--sis must be " + prefix + "PATH");
        }
        return sis.substring(prefix.length());
    }

    private RosterSnapshot readSis(PrintWriter log) throws Exception {
        String prefix = OneRosterCsvReader.SOURCE + ":";
        if (!sis.startsWith(prefix)) {
            throw new IllegalArgumentException("--sis must be " + prefix + "PATH");
        }
        OneRosterImport imported = new OneRosterCsvReader().read(Path.of(sis.substring(prefix.length())),
                AD_HOC_CUSTOMER, Instant.now());
        if (imported.problemCount() > 0) {
            log.printf("The OneRoster %s files had %,d problems (%,d rows skipped); the first: %s%n", imported.version(),
                    imported.problemCount(), imported.skippedRows(), imported.problems().get(0));
        }
        return imported.fullSnapshot();
    }

    private RosterSnapshot readOurs(Secrets secrets, PrintWriter log) throws Exception {
        String password = oursPasswordRef == null ? null : secrets.reveal(SecretRef.parse(oursPasswordRef));
        Mapping m = mapping == null ? Mapping.defaultMapping() : Mapping.load(mapping);
        try (ReadOnlyDatabase database = ReadOnlyDatabase.open("ad-hoc", oursUrl, oursUser, password,
                Duration.ofMinutes(2))) {
            log.println("Reading our database (read-only)...");
            return new BookmarkedSnapshotReader(database, m, Clock.systemUTC()).read(AD_HOC_CUSTOMER, customerKey,
                    Progress.NONE);
        }
    }
}
