package com.bookmarked.cdt.connector.bookmarked;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named queries that read our database for one environment. Each returns the canonical
 * columns of one entity for one customer ({@code :customer}); a schema change is a mapping change.
 * Loading refuses anything that is not a single SELECT, so a mistaken mapping fails at start,
 * not in the middle of a run (PostgreSQL's read-only session is the real guard).
 */
public final class Mapping {

    /** The canonical entities and the columns each query must return, in DESIGN.md's words. */
    public enum Query {
        CUSTOMER(false, "customer_key", "name", "last_roster_sync_at"),
        CAMPUSES(true, "campus_key", "name", "sis_org_id"),
        STUDENTS(true, "student_key", "campus_key", "sis_id", "local_number", "given_name", "family_name", "grade",
                "birth_date", "email", "active"),
        STAFF(true, "staff_key", "campus_key", "sis_id", "given_name", "family_name", "email", "active"),
        GUARDIANS(true, "guardian_key", "sis_id", "email", "given_name", "family_name"),
        GUARDIAN_LINKS(true, "student_key", "guardian_key"),
        CLASSES(true, "class_key", "campus_key", "sis_id", "title"),
        CLASS_MEMBERS(true, "class_key", "person_key", "role", "ended_on"),
        GUARDIAN_EMAILS_ELSEWHERE(false, "email", "customer_key", "guardian_key");

        private final boolean required;
        private final List<String> columns;

        Query(boolean required, String... columns) {
            this.required = required;
            this.columns = List.of(columns);
        }

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public List<String> columns() {
            return columns;
        }
    }

    private static final String DEFAULT_ORIGIN = "default mapping";
    private static final Pattern CUSTOMER_PARAMETER = Pattern.compile("(?<!:):customer\\b");
    private static final Pattern STARTS_AS_SELECT = Pattern.compile("^\\s*(select|with)\\b", Pattern.CASE_INSENSITIVE);

    /** A query in JDBC form and how many times the customer key must be bound into it. */
    public record NamedQuery(String sql, int customerBindings) {
    }

    private final String origin;
    private final Map<Query, NamedQuery> jdbcSql;

    private Mapping(String origin, Map<Query, NamedQuery> jdbcSql) {
        this.origin = origin;
        this.jdbcSql = jdbcSql;
    }

    /** The mapping that matches the reference schema shipped with CDT. */
    public static Mapping defaultMapping() {
        try (InputStream in = Mapping.class.getResourceAsStream("/bookmarked/default-mapping.yaml")) {
            if (in == null) {
                throw new IllegalStateException("default mapping missing from the connector's jar");
            }
            return parse(DEFAULT_ORIGIN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("default mapping unreadable", e);
        }
    }

    public static Mapping load(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file));
    }

    public static Mapping parse(String origin, String yamlText) {
        Object root;
        try (Reader reader = new StringReader(yamlText)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | RuntimeException e) {
            throw new MappingException(origin + ": not valid YAML (" + e.getMessage() + ")");
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("queries") instanceof Map<?, ?> queries)) {
            throw new MappingException(origin + ": expected a 'queries' section");
        }
        Map<Query, NamedQuery> sql = new EnumMap<>(Query.class);
        for (Query q : Query.values()) {
            Object text = queries.get(q.yamlName());
            if (text == null) {
                if (q.required) {
                    throw new MappingException(origin + ": query '" + q.yamlName() + "' is missing");
                }
                continue;
            }
            sql.put(q, toJdbc(origin, q, text.toString()));
        }
        for (Object name : queries.keySet()) {
            boolean known = false;
            for (Query q : Query.values()) {
                known |= q.yamlName().equals(name);
            }
            if (!known) {
                throw new MappingException(origin + ": unknown query '" + name + "'");
            }
        }
        return new Mapping(origin, sql);
    }

    private static NamedQuery toJdbc(String origin, Query q, String text) {
        String trimmed = text.strip();
        if (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        if (!STARTS_AS_SELECT.matcher(trimmed).find() || trimmed.contains(";")) {
            throw new MappingException(origin + ": query '" + q.yamlName() + "' must be a single SELECT");
        }
        Matcher m = CUSTOMER_PARAMETER.matcher(trimmed);
        int bindings = 0;
        while (m.find()) {
            bindings++;
        }
        if (bindings == 0) {
            throw new MappingException(origin + ": query '" + q.yamlName() + "' must filter by :customer");
        }
        return new NamedQuery(m.replaceAll("?"), bindings);
    }

    /** The JDBC form of a query, or null when an optional query is not mapped. */
    public NamedQuery query(Query q) {
        return jdbcSql.get(q);
    }

    public String origin() {
        return origin;
    }

    /** How a message names this mapping: "the default mapping" or "the mapping file /path". */
    public String describe() {
        return DEFAULT_ORIGIN.equals(origin) ? "the " + origin : "the mapping file " + origin;
    }

    /** The mapping file is unusable; the message names the file and the query. */
    public static final class MappingException extends RuntimeException {
        public MappingException(String message) {
            super(message);
        }
    }
}
