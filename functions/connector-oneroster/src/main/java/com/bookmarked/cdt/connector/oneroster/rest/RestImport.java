package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.core.snapshot.RosterSnapshot;

import java.util.List;
import java.util.Map;

/**
 * What a read of a OneRoster API produced: the SIS snapshot, the version read, the records it had
 * to skip (the first {@link OneRosterRestReader#MAX_PROBLEMS_KEPT}; {@code problemCount} counts
 * all), the records kept per collection, notes for the agent (data the SIS would not give,
 * totals that changed during the read), and how many requests and retries it took.
 */
public record RestImport(RosterSnapshot snapshot, String version, List<RecordProblem> problems, int problemCount,
                         Map<String, Integer> recordsRead, List<String> notes, int requests, int retries,
                         boolean cancelled) {

    public RestImport {
        problems = List.copyOf(problems);
        recordsRead = Map.copyOf(recordsRead);
        notes = List.copyOf(notes);
    }
}
