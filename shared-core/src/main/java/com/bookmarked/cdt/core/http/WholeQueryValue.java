package com.bookmarked.cdt.core.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.util.List;

/**
 * A free-text query parameter as the agent typed it. In Lambda, API Gateway's payload 2.0 joins
 * repeated parameters with commas and Micronaut splits values at commas again, so "Smith, Ann"
 * arrives as two values; a {@code @QueryValue String} would keep only "Smith".
 */
public final class WholeQueryValue {

    private WholeQueryValue() {
    }

    @Nullable
    public static String of(HttpRequest<?> request, String name) {
        List<String> parts = request.getParameters().getAll(name);
        return parts.isEmpty() ? null : String.join(",", parts);
    }
}
