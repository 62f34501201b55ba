package com.bookmarked.cdt.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of run history, newest first; {@code nextCursor} is null on the last page. */
@Serdeable
public record RunPage(List<Run> items, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String nextCursor) {
}
