package com.bookmarked.cdt.admin;

import com.bookmarked.cdt.core.auth.SignedInUser;
import com.bookmarked.cdt.core.http.FindingsCsv;
import com.bookmarked.cdt.core.run.Run;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Run history, one run, cancelling, and a run's findings (JSON pages or a CSV export). */
@Controller("/api/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RunsController {

    private final RunService runs;

    public RunsController(RunService runs) {
        this.runs = runs;
    }

    @Get
    public RunPage history(@Nullable @QueryValue String customerId, @Nullable @QueryValue String toolId,
                           @Nullable @QueryValue String requestedBy,
                           @Nullable @QueryValue String ticketId, @Nullable @QueryValue String from,
                           @Nullable @QueryValue String to, @Nullable @QueryValue String cursor,
                           @Nullable @QueryValue Integer limit, HttpRequest<?> request) {
        // the Lambda request splits "RUNNING,QUEUED" into two values and a String parameter would
        // get only the first (so would a List one): read them all and let the service check the list
        List<String> status = request.getParameters().getAll("status");
        String statuses = status.isEmpty() ? null : String.join(",", status);
        return runs.history(new RunQuery(customerId, toolId, statuses, requestedBy, ticketId, from, to), cursor, limit);
    }

    @Get("/{runId}")
    public Run get(String runId) {
        return runs.get(runId);
    }

    @Post("/{runId}/cancel")
    public HttpResponse<Run> cancel(String runId, SignedInUser user) {
        return HttpResponse.status(HttpStatus.ACCEPTED).body(runs.cancel(runId, user.username()));
    }

    /** JSON pages by default; {@code Accept: text/csv} streams the whole filtered list. */
    @Get("/{runId}/findings")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<?> findings(String runId, @Nullable @QueryValue String category,
                                    @Nullable @QueryValue String severity, @Nullable @QueryValue String cursor,
                                    @Nullable @QueryValue Integer limit, HttpRequest<?> request) {
        if (!wantsCsv(request)) {
            return HttpResponse.ok(runs.findings(runId, category, severity, cursor, limit));
        }
        Run run = runs.get(runId);
        // checked before streaming starts, so that a bad filter is a 422, not a broken download
        runs.findings(runId, category, severity, null, 1);
        Writable csv = new Writable() {
            @Override
            public void writeTo(Writer out) throws IOException {
                FindingsCsv.writeHeader(out);
                try {
                    runs.eachFinding(runId, category, severity, f -> {
                        try {
                            FindingsCsv.writeRow(out, f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                out.flush();
            }
        };
        return HttpResponse.ok(csv)
                .contentType(FindingsCsv.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + run.toolId() + "-" + run.runId() + ".csv\"");
    }

    private static boolean wantsCsv(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(m -> "text".equals(m.getType()) && "csv".equals(m.getSubtype()));
    }
}
