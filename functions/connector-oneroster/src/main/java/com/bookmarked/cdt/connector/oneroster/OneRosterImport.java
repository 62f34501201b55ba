package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.core.snapshot.RosterSnapshot;

import java.util.List;
import java.util.Map;

/**
 * What an import produced: the SIS snapshot, the OneRoster version it was read as, the rows it had
 * to skip (the first {@link OneRosterCsvReader#MAX_PROBLEMS_KEPT}; {@code problemCount} counts all)
 * and how many data rows each file had.
 */
public record OneRosterImport(RosterSnapshot snapshot, String version, List<ImportProblem> problems, int problemCount,
                              Map<String, Integer> rowsRead) {

    public OneRosterImport {
        problems = List.copyOf(problems);
        rowsRead = Map.copyOf(rowsRead);
    }
}
