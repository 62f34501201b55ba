package com.bookmarked.cdt.core.store;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Every function's database defaults, so that no module has to repeat them: Flyway on the
 * {@code default} datasource, and, when {@code CDT_DB_URL} is set, that datasource itself
 * (PostgreSQL, {@code CDT_DB_USER}, {@code CDT_DB_PASSWORD} or a secret reference to it in
 * {@code CDT_DB_PASSWORD_REF}, a 5 s connection timeout). Any
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
        p.put("flyway.datasources.default.enabled", true);
        String url = env.get("CDT_DB_URL");
        if (url == null || url.isBlank()) {
            // no database for this function (a connector, say): declare no datasource at all, so that
            // nothing tries to open one; tests and the local gateway set datasources.default.* themselves
            return p;
        }
        p.put("datasources.default.url", url);
        putIfSet(p, "datasources.default.username", env.get("CDT_DB_USER"));
        putIfSet(p, "datasources.default.password", env.get("CDT_DB_PASSWORD"));
        // in AWS the stack passes the secret's name (aws-sm:…), read by DatabasePasswordFromSecret
        putIfSet(p, "cdt.database.password-ref", env.get("CDT_DB_PASSWORD_REF"));
        p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        p.put("datasources.default.dialect", "POSTGRES");
        // fail a health check or a request within seconds when the database is away, not after 30 s
        p.put("datasources.default.connection-timeout", 5000);
        return p;
    }

    private static void putIfSet(Map<String, Object> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value);
        }
    }
}
