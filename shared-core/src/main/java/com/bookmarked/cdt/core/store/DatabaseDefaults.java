package com.bookmarked.cdt.core.store;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Every function's database defaults, so that no module has to repeat them: PostgreSQL on the
 * {@code default} datasource with Flyway, and the connection from {@code CDT_DB_URL},
 * {@code CDT_DB_USER} and {@code CDT_DB_PASSWORD} when those are set. Any
 * {@code datasources.default.*} setting in a module's own configuration wins over these.
 */
@ContextConfigurer
public final class DatabaseDefaults implements ApplicationContextConfigurer {

    /** Lower than every other property source, so that these only fill gaps. */
    static final int ORDER = Integer.MIN_VALUE + 1000;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of("cdt-database-defaults", defaults(System.getenv()), ORDER));
    }

    static Map<String, Object> defaults(Map<String, String> env) {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        p.put("datasources.default.dialect", "POSTGRES");
        p.put("datasources.default.schema-generate", "NONE");
        p.put("flyway.datasources.default.enabled", true);
        // fail a health check or a request within seconds when the database is away, not after 30 s
        p.put("datasources.default.connection-timeout", 5000);
        putIfSet(p, "datasources.default.url", env.get("CDT_DB_URL"));
        putIfSet(p, "datasources.default.username", env.get("CDT_DB_USER"));
        putIfSet(p, "datasources.default.password", env.get("CDT_DB_PASSWORD"));
        return p;
    }

    private static void putIfSet(Map<String, Object> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value);
        }
    }
}
