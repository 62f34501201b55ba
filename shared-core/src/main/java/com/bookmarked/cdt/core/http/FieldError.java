package com.bookmarked.cdt.core.http;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One invalid value in a request.
 *
 * @param field where the value sits, dotted from the request body (e.g. {@code settings.sis.location})
 */
@Serdeable
public record FieldError(String field, String message) {
}
