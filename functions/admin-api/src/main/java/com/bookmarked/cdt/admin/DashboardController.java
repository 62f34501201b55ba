package com.bookmarked.cdt.admin;

import com.bookmarked.cdt.core.auth.SignedInUser;
import com.bookmarked.cdt.core.run.Dashboard;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /api/dashboard}: the agent's first screen. */
@Controller("/api/dashboard")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardController {

    private final Dashboard dashboard;

    public DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @Get
    public Dashboard.Board dashboard(SignedInUser user) {
        return dashboard.forUser(user.username());
    }
}
