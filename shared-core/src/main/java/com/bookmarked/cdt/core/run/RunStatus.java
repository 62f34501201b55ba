package com.bookmarked.cdt.core.run;

import io.micronaut.serde.annotation.Serdeable;

/** Where a run is in its life. QUEUED and RUNNING are unfinished; the other three are final. */
@Serdeable
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
