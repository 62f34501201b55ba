package com.bookmarked.cdt.core.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** The body of {@code POST /api/tools/{toolId}/runs}. */
@Serdeable
public record StartRunRequest(@Nullable String customerId, @Nullable Map<String, Object> parameters,
                              @Nullable String ticketId) {
}
