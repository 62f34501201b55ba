package com.bookmarked.cdt.core.run;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to starting a run: its id, to poll {@code GET /api/runs/{runId}}. */
@Serdeable
public record RunStarted(String runId, RunStatus status) {
}
