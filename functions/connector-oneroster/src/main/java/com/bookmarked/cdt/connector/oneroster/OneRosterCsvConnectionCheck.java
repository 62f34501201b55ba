package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.core.connector.ConnectionCheck;
import com.bookmarked.cdt.core.connector.ConnectionTestResult;
import com.bookmarked.cdt.core.connector.ConnectionTestResult.Check;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Test connection" for a customer whose SIS delivers OneRoster CSV: are the settings right, is
 * the export where they say, does its manifest name a version CDT reads, and can every file be
 * read. The last check reads the whole export, as a run would, so that a passing test means a
 * run will get its SIS snapshot.
 */
@Singleton
public class OneRosterCsvConnectionCheck implements ConnectionCheck {

    static final String SETTINGS = "Customer settings";
    static final String EXPORT = "OneRoster export";
    static final String MANIFEST = "Manifest";
    static final String FILES = "Roster files";

    private static final Logger LOG = LoggerFactory.getLogger(OneRosterCsvConnectionCheck.class);

    private final OneRosterCsvReader reader = new OneRosterCsvReader();
    private final Clock clock = Clock.systemUTC();

    @Override
    public String connector() {
        return OneRosterCsvReader.SOURCE;
    }

    @Override
    public ConnectionTestResult test(Customer customer) {
        List<Check> checks = new ArrayList<>(4);
        CustomerSettings.Sis sis = customer.settings().sis();
        if (sis == null || !OneRosterCsvReader.SOURCE.equals(sis.type())) {
            checks.add(new Check(SETTINGS, false, "The customer's SIS is set up as "
                    + (sis == null || sis.type() == null ? "nothing" : sis.type())
                    + ", not OneRoster CSV (oneroster-csv); test it with its own connector or change the settings."));
            return ConnectionTestResult.failed(checks);
        }
        if (!LocalExport.isLocal(sis.location())) {
            checks.add(new Check(SETTINGS, false, "The customer's SIS location " + sis.location() + " is a remote address, "
                    + "which the FTP/SFTP connector fetches; test the connection there, or set a path on this machine."));
            return ConnectionTestResult.failed(checks);
        }
        Path export = path(sis.location());
        if (export == null) {
            checks.add(new Check(SETTINGS, false, "The customer's SIS location is "
                    + (sis.location() == null || sis.location().isBlank() ? "empty" : "not a file path (" + sis.location() + ")")
                    + "; set it to the path of the district's OneRoster zip or folder."));
            return ConnectionTestResult.failed(checks);
        }
        String where = sis.location();
        checks.add(new Check(SETTINGS, true, "The customer's SIS is OneRoster CSV at " + where + "."));

        if (Files.isDirectory(export)) {
            checks.add(new Check(EXPORT, true, "Found a folder at " + where + "."));
        } else if (Files.isRegularFile(export)) {
            checks.add(new Check(EXPORT, true, "Found a file at " + where + " (" + size(export) + ")."));
        } else {
            checks.add(new Check(EXPORT, false, "There is no file or folder at " + where
                    + ". Check the SIS location in the customer's settings, or ask the district whether the export moved."));
            return ConnectionTestResult.failed(checks);
        }

        String version;
        try {
            version = reader.version(export);
            checks.add(new Check(MANIFEST, true, "manifest.csv says OneRoster " + version + "."));
        } catch (OneRosterFormatException e) {
            checks.add(new Check(MANIFEST, false, e.getMessage()));
            return ConnectionTestResult.failed(checks);
        } catch (IOException e) {
            return unreadable(checks, MANIFEST, where, e);
        }

        OneRosterImport result;
        try {
            result = reader.read(export, customer.id(), clock.instant());
            result.fullSnapshot();
        } catch (OneRosterFormatException e) {
            checks.add(new Check(FILES, false, e.getMessage()));
            return ConnectionTestResult.failed(checks);
        } catch (IOException e) {
            return unreadable(checks, FILES, where, e);
        }
        String found = "Found the OneRoster " + result.version() + " export at " + where + ": "
                + count(result.snapshot().users().size(), "user") + ", "
                + count(result.snapshot().classes().size(), "class") + skipped(result) + ".";
        checks.add(new Check(FILES, true, found));
        return ConnectionTestResult.of(checks, found);
    }

    /**
     * Rows the reader skips don't stop a run; the agent still hears of them, and of references that
     * do not resolve (where, never the values: this text is audited).
     */
    private static String skipped(OneRosterImport result) {
        StringBuilder text = new StringBuilder();
        if (result.skippedRows() > 0) {
            ImportProblem first = first(result, ImportProblem.Effect.ROW_SKIPPED);
            text.append("; ").append(count(result.skippedRows(), "row")).append(" cannot be read and will be skipped");
            if (first != null) {
                text.append(" (first: ").append(first.where()).append(": ").append(first.message()).append(')');
            }
        }
        int others = result.problemCount() - result.skippedRows();
        if (others > 0) {
            ImportProblem first = first(result, ImportProblem.Effect.ROW_KEPT);
            if (first == null) {
                first = first(result, ImportProblem.Effect.FILE);
            }
            text.append("; ").append(count(others, "other problem")).append(" to pass on to the district");
            if (first != null) {
                text.append(" (first: ").append(first.where()).append(": ").append(first.message()).append(')');
            }
        }
        return text.toString();
    }

    private static ImportProblem first(OneRosterImport result, ImportProblem.Effect effect) {
        for (ImportProblem p : result.problems()) {
            if (p.effect() == effect) {
                return p;
            }
        }
        return null;
    }

    private static ConnectionTestResult unreadable(List<Check> checks, String name, String where, IOException e) {
        // the exception's text may quote file contents; the log gets its kind only
        LOG.warn("OneRoster export could not be read during a connection test: {}", e.getClass().getSimpleName());
        checks.add(new Check(name, false, "The export at " + where + " could not be read (" + e.getClass().getSimpleName()
                + "). Check that CDT may read it and that it is not still being written; try again in a few minutes."));
        return ConnectionTestResult.failed(checks);
    }

    private static Path path(String location) {
        return LocalExport.path(location);
    }

    private static String size(Path file) {
        try {
            long bytes = Files.size(file);
            return bytes < 1024 * 1024 ? String.format(Locale.US, "%,d KB", (bytes + 1023) / 1024)
                    : String.format(Locale.US, "%,.1f MB", bytes / (1024.0 * 1024.0));
        } catch (IOException e) {
            return "size unknown";
        }
    }

    static String count(int n, String noun) {
        String plural = noun.endsWith("s") ? noun + "es" : noun + "s";
        return String.format(Locale.US, "%,d %s", n, n == 1 ? noun : plural);
    }
}
