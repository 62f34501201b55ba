package com.bookmarked.cdt.core.run;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.http.FieldError;
import com.bookmarked.cdt.core.http.InvalidInputException;
import com.bookmarked.cdt.core.store.FindingFilter;
import com.bookmarked.cdt.core.store.FindingStore;
import com.bookmarked.cdt.core.store.FindingStore.Change;
import com.bookmarked.cdt.core.store.PageCursor;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Compares a run with an earlier run of the same tool and customer: which findings are new,
 * resolved or unchanged, matched by fingerprint. Without a {@code change} the list holds all
 * three, new first, then resolved, then unchanged, each in seq order; the cursor names the
 * change and the seq where a page ended.
 */
@Singleton
@Requires(beans = DataSource.class)
public class RunComparison {

    private static final String CURSOR_PREFIX = "compare:";

    /** A finding and how it changed. */
    @Serdeable
    public record ComparedFinding(String change, Finding finding) {
    }

    /** How many findings of each change, under the category and severity filters. */
    @Serdeable
    public record Counts(@JsonProperty("new") long newCount, long resolved, long unchanged) {

        long of(Change change) {
            return switch (change) {
                case NEW -> newCount;
                case RESOLVED -> resolved;
                case UNCHANGED -> unchanged;
            };
        }
    }

    /** One page of a comparison ({@code docs/api.md}, compare). */
    @Serdeable
    public record Comparison(Run run, Run with, Counts counts, List<ComparedFinding> items,
                             @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String nextCursor, long total) {
    }

    private final RunService runs;
    private final FindingStore findings;

    public RunComparison(RunService runs, FindingStore findings) {
        this.runs = runs;
        this.findings = findings;
    }

    public Comparison compare(String runId, @Nullable String withRunId, @Nullable String change,
                              @Nullable String category, @Nullable String severity,
                              @Nullable String cursor, @Nullable Integer limit) {
        if (withRunId == null || withRunId.isBlank()) {
            throw InvalidInputException.of("with", "is required: the id of an earlier run of the same tool and customer");
        }
        Run later = runs.get(runId);
        Run earlier = runs.get(withRunId.trim());
        List<FieldError> errors = new ArrayList<>();
        if (!later.toolId().equals(earlier.toolId())) {
            errors.add(new FieldError("with", "is a run of another tool (" + earlier.toolId() + ", not "
                    + later.toolId() + "); compare runs of the same tool"));
        }
        if (!later.customerId().equals(earlier.customerId())) {
            errors.add(new FieldError("with", "is a run for another customer (" + earlier.customerId() + ", not "
                    + later.customerId() + "); compare runs of the same customer"));
        }
        if (later.status() != RunStatus.SUCCEEDED) {
            errors.add(new FieldError("runId", "has not succeeded (it is " + later.status()
                    + "); only finished, successful runs can be compared"));
        }
        if (earlier.status() != RunStatus.SUCCEEDED) {
            errors.add(new FieldError("with", "has not succeeded (it is " + earlier.status()
                    + "); only finished, successful runs can be compared"));
        }
        Change only = change(change, errors);
        FindingFilter filter = RunService.filter(category, severity, null);
        int size = RunService.pageSize(limit, FindingStore.MAX_PAGE);
        InvalidInputException.throwIfAny("These runs cannot be compared", errors);

        UUID run = UUID.fromString(later.runId());
        UUID with = UUID.fromString(earlier.runId());
        findings.prepareComparison(run, with);
        Counts counts = new Counts(findings.countCompared(run, with, Change.NEW, filter),
                findings.countCompared(run, with, Change.RESOLVED, filter),
                findings.countCompared(run, with, Change.UNCHANGED, filter));
        List<Change> changes = only == null ? List.of(Change.values()) : List.of(only);

        // where the previous page ended: its change and seq
        int start = 0;
        int afterSeq = 0;
        if (cursor != null && !cursor.isBlank()) {
            String position = PageCursor.decode(cursor, CURSOR_PREFIX);
            try {
                int colon = position.indexOf(':');
                start = changes.indexOf(Change.valueOf(position.substring(0, colon)));
                afterSeq = Integer.parseInt(position.substring(colon + 1));
            } catch (RuntimeException e) {
                throw PageCursor.invalid();
            }
            if (start < 0) {
                throw PageCursor.invalid();
            }
        }
        List<ComparedFinding> items = new ArrayList<>(size);
        String next = null;
        for (int i = start; i < changes.size(); i++) {
            Change c = changes.get(i);
            if (counts.of(c) == 0) {
                continue;
            }
            // one more than needed tells whether this change has more after the page
            List<Finding> page = findings.compared(run, with, c, filter, i == start ? afterSeq : 0, size - items.size() + 1);
            for (Finding f : page) {
                if (items.size() == size) {
                    ComparedFinding last = items.get(items.size() - 1);
                    next = PageCursor.encode(CURSOR_PREFIX + last.change().toUpperCase(Locale.ROOT) + ":" + last.finding().id());
                    break;
                }
                items.add(new ComparedFinding(c.wireName(), f));
            }
            if (next != null) {
                break;
            }
        }
        if (next == null && items.size() == size) {
            // full page and nothing left in this change: more only if a later change has findings
            int lastChange = changes.indexOf(Change.valueOf(items.get(size - 1).change().toUpperCase(Locale.ROOT)));
            for (int i = lastChange + 1; i < changes.size() && next == null; i++) {
                if (counts.of(changes.get(i)) > 0) {
                    ComparedFinding last = items.get(size - 1);
                    next = PageCursor.encode(CURSOR_PREFIX + last.change().toUpperCase(Locale.ROOT) + ":" + last.finding().id());
                }
            }
        }
        long total = changes.stream().mapToLong(counts::of).sum();
        return new Comparison(later, earlier, counts, items, next, total);
    }

    @Nullable
    private static Change change(@Nullable String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Change.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("change", "must be new, resolved or unchanged"));
            return null;
        }
    }
}
