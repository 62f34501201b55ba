package com.bookmarked.cdt.core.http;

import com.bookmarked.cdt.core.auth.SignedInUser;
import com.bookmarked.cdt.core.run.Run;
import com.bookmarked.cdt.core.run.RunService;
import com.bookmarked.cdt.core.run.RunStarted;
import com.bookmarked.cdt.core.tool.DiagnosticTool;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import javax.sql.DataSource;

/**
 * {@code POST /api/tools/{toolId}/runs}: written once here, served by every function that has
 * a tool (it exists only where a {@link DiagnosticTool} bean does).
 */
@Controller("/api/tools/{toolId}/runs")
@Requires(beans = DataSource.class)
@Requires(beans = DiagnosticTool.class)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ToolRunController {

    private final RunService runs;

    public ToolRunController(RunService runs) {
        this.runs = runs;
    }

    @Post
    public HttpResponse<RunStarted> start(String toolId, @Nullable @Body StartRunRequest body, SignedInUser user) {
        StartRunRequest request = body == null ? new StartRunRequest(null, null, null) : body;
        Run run = runs.start(toolId, request.customerId(), request.parameters(), request.ticketId(), user.username());
        return HttpResponse.<RunStarted>status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, "/api/runs/" + run.runId())
                .body(new RunStarted(run.runId(), run.status()));
    }
}
