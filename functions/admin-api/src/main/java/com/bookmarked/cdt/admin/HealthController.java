package com.bookmarked.cdt.admin;

import com.bookmarked.cdt.core.store.DatabaseCheck;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/** {@code GET /api/health}: no sign-in; 503 when the database does not answer. */
@Controller("/api/health")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController {

    private final DatabaseCheck database;
    private final String version;

    public HealthController(DatabaseCheck database, @Value("${cdt.version:unknown}") String version) {
        this.database = database;
        this.version = version;
    }

    @Serdeable
    public record Health(String status, String version, String database) {
    }

    @Get
    public HttpResponse<Health> health() {
        boolean up = database.reachable();
        return HttpResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(new Health(up ? "UP" : "DOWN", version, up ? "UP" : "DOWN"));
    }
}
