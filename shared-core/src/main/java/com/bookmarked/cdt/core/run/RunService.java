package com.bookmarked.cdt.core.run;

import io.micronaut.context.annotation.Requires;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.http.FieldError;
import com.bookmarked.cdt.core.http.InvalidInputException;
import com.bookmarked.cdt.core.http.NotFoundException;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.store.AuditLog;
import com.bookmarked.cdt.core.store.FindingFilter;
import com.bookmarked.cdt.core.store.FindingPage;
import com.bookmarked.cdt.core.store.FindingSort;
import com.bookmarked.cdt.core.store.FindingStore;
import com.bookmarked.cdt.core.store.PageCursor;
import com.bookmarked.cdt.core.tool.DiagnosticTool;
import com.bookmarked.cdt.core.finding.Finding;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Starting, reading, listing and cancelling runs. Starting validates everything an agent typed
 * (tool, customer, parameters against the tool's schema, ticket id), stores a QUEUED run, audits
 * it, and only then hands it to the {@link RunDispatcher}, after the row is committed.
 */
@Singleton
@Requires(beans = DataSource.class)
public class RunService {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_RUN_PAGE = 200;
    public static final int MAX_SEARCH = 200;
    private static final Pattern TICKET_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    private static final String CURSOR_PREFIX = "run-before:";
    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

    private final ToolCatalogue tools;
    private final CustomerService customers;
    private final RunRepository runs;
    private final FindingStore findings;
    private final AuditLog audit;
    private final RunDispatcher dispatcher;
    private final TransactionOperations<Connection> transactions;
    private final RunHistory history;

    public RunService(ToolCatalogue tools, CustomerService customers, RunRepository runs, FindingStore findings,
                      AuditLog audit, RunDispatcher dispatcher, TransactionOperations<Connection> transactions,
                      RunHistory history) {
        this.history = history;
        this.tools = tools;
        this.customers = customers;
        this.runs = runs;
        this.findings = findings;
        this.audit = audit;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
    }

    public Run start(String toolId, String customerId, @Nullable Map<String, Object> parameters,
                     @Nullable String ticketId, String requestedBy) {
        DiagnosticTool tool = tools.require(toolId);
        Map<String, Object> values = parameters == null ? Map.of() : parameters;
        List<FieldError> errors = new ArrayList<>();
        if (customerId == null || customerId.isBlank()) {
            errors.add(new FieldError("customerId", "is required"));
        } else if (customers.find(customerId).isEmpty()) {
            errors.add(new FieldError("customerId", "names no known customer ('" + customerId + "')"));
        }
        String ticket = ticketId == null || ticketId.isBlank() ? null : ticketId.trim();
        if (ticket != null && !TICKET_ID.matcher(ticket).matches()) {
            errors.add(new FieldError("ticketId", "must be a HubSpot ticket id (letters, digits, '-' or '_', at most 64)"));
        }
        errors.addAll(ParameterCheck.check(tool.descriptor().parametersSchema(), values));
        InvalidInputException.throwIfAny("The run cannot start", errors);

        UUID runId = UUID.randomUUID();
        RunRecord queued = new RunRecord(runId, toolId, customerId, ticket, requestedBy, new LinkedHashMap<>(values),
                RunStatus.QUEUED, "Waiting to start", 0, now(), null, null, null, null, null, false);
        transactions.executeWrite(status -> {
            runs.save(queued);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("toolId", toolId);
            details.put("customerId", customerId);
            if (ticket != null) {
                details.put("ticketId", ticket);
            }
            details.put("parameters", values);
            audit.record(requestedBy, "run.start", "run:" + runId, details);
            return null;
        });
        try {
            dispatcher.dispatch(runId);
        } catch (UserFacingException e) {
            // the dispatcher already explained it (the queue refused, say): the run and the caller get that
            runs.finishFailed(runId, now(), null, e.detail());
            throw e;
        } catch (RuntimeException e) {
            LOG.error("run {} could not be handed to a worker", runId, e);
            runs.finishFailed(runId, now(), null, "CDT could not hand this run to a worker. Try again in a minute.");
            throw new UserFacingException("The run could not be queued", "CDT could not hand this run to a worker. "
                    + "Try again in a minute; if it keeps failing, tell the on-call engineer (run " + runId + ").", 503, e);
        }
        // as stored: the worker may already have moved it on, but the caller asked to queue it
        return queued.toRun();
    }

    public Run get(String runId) {
        return record(runId).toRun();
    }

    /**
     * Cancels a run: a QUEUED run ends CANCELLED at once; a RUNNING one is flagged and ends
     * CANCELLED at its next progress check. A finished run is returned unchanged.
     */
    public Run cancel(String runId, String actor) {
        RunRecord run = record(runId);
        UUID id = run.id();
        boolean changed = false;
        if (run.status() == RunStatus.QUEUED) {
            changed = runs.cancelQueued(id, now()) == 1;
        }
        if (!changed && (run.status() == RunStatus.QUEUED || run.status() == RunStatus.RUNNING)) {
            changed = runs.requestCancel(id) == 1;
        }
        if (changed) {
            audit.record(actor, "run.cancel", "run:" + id, Map.of("statusWhenAsked", run.status().name()));
        }
        return get(runId);
    }

    /** History, newest first. {@code limit} defaults to {@value #DEFAULT_PAGE}, at most {@value #MAX_RUN_PAGE}. */
    public RunPage history(RunQuery query, @Nullable String cursor, @Nullable Integer limit) {
        int size = pageSize(limit, MAX_RUN_PAGE);
        List<FieldError> errors = new ArrayList<>();
        List<RunStatus> statuses = statuses(query.status(), errors);
        Instant from = RunDates.from(query.from(), errors);
        Instant to = RunDates.to(query.to(), errors);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new FieldError("to", "must be later than from"));
        }
        InvalidInputException.throwIfAny("The history cannot be filtered that way", errors);
        Instant beforeAt = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            String position = PageCursor.decode(cursor, CURSOR_PREFIX);
            int bar = position.indexOf('|');
            try {
                beforeAt = Instant.parse(position.substring(0, bar));
                beforeId = UUID.fromString(position.substring(bar + 1));
            } catch (RuntimeException e) {
                throw PageCursor.invalid();
            }
        }
        RunHistory.Filter filter = new RunHistory.Filter(blankToNull(query.customerId()), blankToNull(query.toolId()),
                statuses, blankToNull(query.requestedBy()), blankToNull(query.ticketId()), from, to);
        List<RunRecord> rows = history.read(filter, beforeAt, beforeId, size + 1);
        boolean more = rows.size() > size;
        List<Run> items = rows.stream().limit(size).map(RunRecord::toRun).toList();
        String next = null;
        if (more) {
            RunRecord last = rows.get(size - 1);
            next = PageCursor.encode(CURSOR_PREFIX + last.createdAt() + "|" + last.id());
        }
        return new RunPage(items, next);
    }

    /** {@code RUNNING} or {@code RUNNING,QUEUED}, any case; empty for "any". */
    private static List<RunStatus> statuses(@Nullable String text, List<FieldError> errors) {
        List<RunStatus> statuses = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return statuses;
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                RunStatus s = RunStatus.valueOf(part.trim().toUpperCase(Locale.ROOT));
                if (!statuses.contains(s)) {
                    statuses.add(s);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "'" + part.trim() + "' is not a status; use QUEUED, RUNNING, "
                        + "SUCCEEDED, FAILED or CANCELLED (several separated by commas)"));
                return List.of();
            }
        }
        return statuses;
    }

    /** A page of a run's findings; {@code limit} defaults to 50, at most {@value FindingStore#MAX_PAGE}. */
    public FindingPage findings(String runId, @Nullable String category, @Nullable String severity,
                                @Nullable String cursor, @Nullable Integer limit) {
        return findings(runId, category, severity, null, null, cursor, limit);
    }

    /**
     * A page of a run's findings, filtered, searched ({@code q}) and sorted ({@code sort}, see
     * {@link FindingSort}); {@code limit} defaults to 50, at most {@value FindingStore#MAX_PAGE}.
     */
    public FindingPage findings(String runId, @Nullable String category, @Nullable String severity, @Nullable String q,
                                @Nullable String sort, @Nullable String cursor, @Nullable Integer limit) {
        RunRecord run = record(runId);
        FindingFilter filter = filter(category, severity, q);
        FindingSort order = FindingSort.parse(sort);
        return findings.page(run.id(), filter, order, cursor, pageSize(limit, FindingStore.MAX_PAGE), knownTotal(run, filter));
    }

    /** The summary of a finished run already counts by category and by severity; both at once, or a search, it does not. */
    static Long knownTotal(RunRecord run, FindingFilter filter) {
        RunSummary summary = run.summary();
        if (run.status() != RunStatus.SUCCEEDED || summary == null || filter.search() != null) {
            return null;
        }
        if (filter.category() == null && filter.severity() == null) {
            return summary.total();
        }
        if (filter.severity() == null) {
            return summary.byCategory().getOrDefault(filter.category(), 0L);
        }
        if (filter.category() == null) {
            return summary.bySeverity().getOrDefault(filter.severity().wireName(), 0L);
        }
        return null;
    }

    /** Every matching finding of a run, in id order, without holding them all (for exports). */
    public void eachFinding(String runId, @Nullable String category, @Nullable String severity, Consumer<Finding> each) {
        eachFinding(runId, category, severity, null, null, each);
    }

    /** Every matching finding of a run, in the asked order, without holding them all (for exports). */
    public void eachFinding(String runId, @Nullable String category, @Nullable String severity, @Nullable String q,
                            @Nullable String sort, Consumer<Finding> each) {
        RunRecord run = record(runId);
        findings.forEach(run.id(), filter(category, severity, q), FindingSort.parse(sort), each);
    }

    /** Checks the filters of a findings list or export up front, so that a bad one is a 422 before any streaming starts. */
    public void checkFindingFilters(@Nullable String category, @Nullable String severity, @Nullable String q,
                                    @Nullable String sort) {
        filter(category, severity, q);
        FindingSort.parse(sort);
    }

    static FindingFilter filter(@Nullable String category, @Nullable String severity, @Nullable String q) {
        List<FieldError> errors = new ArrayList<>();
        Severity s = null;
        if (severity != null && !severity.isBlank()) {
            try {
                s = Severity.fromWire(severity);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("severity", "must be one of error, warning, info"));
            }
        }
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && search.length() > MAX_SEARCH) {
            errors.add(new FieldError("q", "is too long: search for at most " + MAX_SEARCH + " characters"));
        }
        InvalidInputException.throwIfAny("The findings cannot be filtered that way", errors);
        return new FindingFilter(blankToNull(category), s, search);
    }

    private RunRecord record(String runId) {
        UUID id;
        try {
            id = UUID.fromString(runId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException("There is no run with the id '" + runId + "'.");
        }
        return runs.findById(id).orElseThrow(() -> new NotFoundException("There is no run with the id '" + runId + "'."));
    }

    static int pageSize(@Nullable Integer limit, int max) {
        if (limit == null) {
            return Math.min(DEFAULT_PAGE, max);
        }
        if (limit < 1 || limit > max) {
            throw InvalidInputException.of("limit", "must be between 1 and " + max);
        }
        return limit;
    }

    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
