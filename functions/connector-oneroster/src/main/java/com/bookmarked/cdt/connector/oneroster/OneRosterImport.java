package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.core.snapshot.RosterSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an import produced: the SIS snapshot, the OneRoster version it was read as, its problems
 * (the first {@link OneRosterCsvReader#MAX_PROBLEMS_KEPT}; {@code problemCount} counts all, of which
 * {@code skippedRows} are rows left out of the snapshot), how many data rows each file had, and
 * how each file read was sent ({@code bulk} or {@code delta}).
 */
public record OneRosterImport(RosterSnapshot snapshot, String version, List<ImportProblem> problems, int problemCount,
                              Map<String, Integer> rowsRead, int skippedRows, Map<String, String> modes) {

    public OneRosterImport {
        problems = List.copyOf(problems);
        rowsRead = Map.copyOf(rowsRead);
        modes = Map.copyOf(modes);
    }

    /** The files sent as a delta (only what changed since the district's last export). */
    public List<String> deltaFiles() {
        List<String> delta = new ArrayList<>();
        modes.forEach((file, mode) -> {
            if (mode.equals("delta")) {
                delta.add(file);
            }
        });
        delta.sort(null);
        return delta;
    }

    /**
     * Refuses a delta: a tool comparing it with our data would take every record the delta leaves
     * out for missing. The message says what to ask the district for.
     */
    public RosterSnapshot fullSnapshot() throws OneRosterFormatException {
        List<String> delta = deltaFiles();
        if (!delta.isEmpty()) {
            throw new OneRosterFormatException("The export is a delta (only what changed, in " + String.join(", ", delta)
                    + "), and the tools need the whole roster to compare with ours. Point the settings at the district's "
                    + "full (bulk) export, or ask the district for one.");
        }
        return snapshot;
    }
}
