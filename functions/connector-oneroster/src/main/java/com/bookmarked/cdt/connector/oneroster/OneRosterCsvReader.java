package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotMeta;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads a OneRoster 1.1 or 1.2 CSV export (a zip, or a folder of CSV files) into the SIS-side
 * snapshot, streaming each file once. The version comes from manifest.csv. Rows that cannot be
 * read are skipped and listed in the result, with references that do not resolve; an export that
 * cannot be read at all (no manifest, unknown version, a required column missing, a sourcedId
 * twice in a file, a zip that breaks {@link ZipLimits}) throws {@link OneRosterFormatException}
 * with a message fit for an agent.
 */
public final class OneRosterCsvReader {

    public static final String SOURCE = "oneroster-csv";
    public static final int MAX_PROBLEMS_KEPT = 1_000;

    private final ZipLimits limits;

    public OneRosterCsvReader() {
        this(ZipLimits.DEFAULT);
    }

    public OneRosterCsvReader(ZipLimits limits) {
        this.limits = limits;
    }

    public OneRosterImport read(Path export, String customerId, Instant fetchedAt) throws IOException {
        try (CsvSource source = CsvSource.of(export, limits)) {
            Manifest manifest = Manifest.read(source);
            RosterSnapshot.Builder builder = RosterSnapshot.builder(new SnapshotMeta(customerId, SnapshotSide.SIS, SOURCE,
                    fetchedAt, null, exportDate(source, fetchedAt)));
            Problems problems = new Problems(MAX_PROBLEMS_KEPT);
            ExportReader reader = new ExportReader(source, manifest, builder, problems);
            reader.readAll();
            return new OneRosterImport(builder.build(), manifest.version.label, problems.kept(), problems.count(),
                    reader.rowsRead(), problems.skippedRows(), reader.modes());
        }
    }

    /**
     * The day the export describes: when its manifest was written. A date before 2000 (zip tools
     * that record no time) or after the fetch (a wrong clock) is not believed.
     */
    private static java.time.LocalDate exportDate(CsvSource source, Instant fetchedAt) throws IOException {
        java.time.LocalDateTime written = source.modified("manifest.csv");
        if (written == null) {
            return null;
        }
        java.time.LocalDate day = written.toLocalDate();
        java.time.LocalDate fetched = java.time.LocalDate.ofInstant(fetchedAt, java.time.ZoneOffset.UTC);
        return day.getYear() < 2000 || day.isAfter(fetched) ? null : day;
    }

    /** The OneRoster version manifest.csv names, read without the rest of the export. */
    public String version(Path export) throws IOException {
        try (CsvSource source = CsvSource.of(export, limits)) {
            return Manifest.read(source).version.label;
        }
    }
}
