package com.bookmarked.cdt.core.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code title} and {@code detail} are written for a support
 * agent; nothing internal (class names, stack traces, SQL) ever goes in here.
 */
@Serdeable
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable String instance,
        @Nullable List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";
    public static final MediaType MEDIA_TYPE = MediaType.of(CONTENT_TYPE);

    public static Problem of(int status, String title, @Nullable String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }
}
