package com.bookmarked.cdt.core.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The last phase and percent a run reported, as the web app shows it. */
@Serdeable
public record ProgressReport(@Nullable String phase, int percent) {
}
