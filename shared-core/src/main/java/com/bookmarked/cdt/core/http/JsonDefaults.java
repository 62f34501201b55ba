package com.bookmarked.cdt.core.http;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;

import java.util.Map;

/**
 * JSON the way docs/api.md shows it in every function: absent optional values are left out, but
 * empty lists and objects stay ({@code {"items": []}}, {@code "evidence": {}}). Micronaut Serde
 * would drop those by default. A module's own setting wins.
 */
@ContextConfigurer
public final class JsonDefaults implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of("cdt-json-defaults",
                Map.of("micronaut.serde.serialization.inclusion", "NON_NULL"), Integer.MIN_VALUE + 1000));
    }
}
