package com.bookmarked.cdt.admin;

import com.bookmarked.cdt.core.auth.SignedInUser;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.http.FindingsCsv;
import com.bookmarked.cdt.core.http.WholeQueryValue;
import com.bookmarked.cdt.core.run.Run;
import com.bookmarked.cdt.core.run.RunComparison;
import com.bookmarked.cdt.core.run.RunPage;
import com.bookmarked.cdt.core.run.RunQuery;
import com.bookmarked.cdt.core.run.RunService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Run history, one run, cancelling, and a run's findings (JSON pages or a CSV export). */
@Controller("/api/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RunsController {

    private final RunService runs;
    private final RunComparison comparison;
    private final JsonMapper json;

    public RunsController(RunService runs, RunComparison comparison, JsonMapper json) {
        this.runs = runs;
        this.comparison = comparison;
        this.json = json;
    }

    @Get
    public RunPage history(@Nullable @QueryValue String customerId, @Nullable @QueryValue String toolId,
                           @Nullable @QueryValue String requestedBy,
                           @Nullable @QueryValue String ticketId, @Nullable @QueryValue String from,
                           @Nullable @QueryValue String to, @Nullable @QueryValue String cursor,
                           @Nullable @QueryValue Integer limit, HttpRequest<?> request) {
        // status may be a comma list ("RUNNING,QUEUED"), which the Lambda request splits; the service checks it
        String status = WholeQueryValue.of(request, "status");
        return runs.history(new RunQuery(customerId, toolId, status, requestedBy, ticketId, from, to), cursor, limit);
    }

    @Get("/{runId}")
    public Run get(String runId) {
        return runs.get(runId);
    }

    @Post("/{runId}/cancel")
    public HttpResponse<Run> cancel(String runId, SignedInUser user) {
        return HttpResponse.status(HttpStatus.ACCEPTED).body(runs.cancel(runId, user.username()));
    }

    /** JSON pages by default; {@code Accept: text/csv} streams the whole filtered, searched, sorted list. */
    @Get("/{runId}/findings")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<?> findings(String runId, @Nullable @QueryValue String category,
                                    @Nullable @QueryValue String severity, @Nullable @QueryValue String sort,
                                    @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit,
                                    HttpRequest<?> request) {
        String q = WholeQueryValue.of(request, "q");
        if (!wantsCsv(request)) {
            return HttpResponse.ok(runs.findings(runId, category, severity, q, sort, cursor, limit));
        }
        Run run = runs.get(runId);
        // checked before streaming starts, so that a bad filter is a 422, not a broken download
        runs.checkFindingFilters(category, severity, q, sort);
        Writable csv = new Writable() {
            @Override
            public void writeTo(Writer out) throws IOException {
                FindingsCsv.writeHeader(out);
                each(runId, category, severity, q, sort, f -> FindingsCsv.writeRow(out, f));
                out.flush();
            }
        };
        return HttpResponse.ok(csv)
                .contentType(FindingsCsv.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + run.toolId() + "-" + run.runId() + ".csv\"");
    }

    /** New, resolved and unchanged findings against an earlier run of the same tool and customer. */
    @Get("/{runId}/compare")
    public RunComparison.Comparison compare(String runId, @Nullable @QueryValue("with") String with,
                                            @Nullable @QueryValue String change, @Nullable @QueryValue String category,
                                            @Nullable @QueryValue String severity, @Nullable @QueryValue String cursor,
                                            @Nullable @QueryValue Integer limit) {
        return comparison.compare(runId, with, change, category, severity, cursor, limit);
    }

    /**
     * {@code {"run": Run, "findings": [Finding, …]}} as a download, written finding by finding from a
     * database cursor (constant memory), with the same filters, search and order as the list.
     */
    @Get("/{runId}/export.json")
    public HttpResponse<?> exportJson(String runId, @Nullable @QueryValue String category,
                                      @Nullable @QueryValue String severity, @Nullable @QueryValue String sort,
                                      HttpRequest<?> request) {
        String q = WholeQueryValue.of(request, "q");
        Run run = runs.get(runId);
        runs.checkFindingFilters(category, severity, q, sort);
        Writable body = new Writable() {
            @Override
            public void writeTo(Writer out) throws IOException {
                out.write("{\"run\":");
                out.write(json.writeValueAsString(run));
                out.write(",\"findings\":[");
                boolean[] first = {true};
                each(runId, category, severity, q, sort, f -> {
                    if (!first[0]) {
                        out.write(',');
                    }
                    first[0] = false;
                    out.write(json.writeValueAsString(f));
                });
                out.write("]}");
                out.flush();
            }
        };
        return HttpResponse.ok(body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + run.toolId() + "-" + run.runId() + ".json\"");
    }

    /** A finding written to the download; I/O errors go back out as themselves. */
    private interface FindingWriter {
        void write(Finding f) throws IOException;
    }

    private void each(String runId, String category, String severity, String q, String sort, FindingWriter writer)
            throws IOException {
        try {
            runs.eachFinding(runId, category, severity, q, sort, f -> {
                try {
                    writer.write(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean wantsCsv(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(m -> "text".equals(m.getType()) && "csv".equals(m.getSubtype()));
    }
}
