package com.bookmarked.cdt.connector.bookmarked;

import com.bookmarked.cdt.connector.bookmarked.Mapping.NamedQuery;
import com.bookmarked.cdt.connector.bookmarked.Mapping.Query;
import com.bookmarked.cdt.core.connector.ConnectionCheck;
import com.bookmarked.cdt.core.connector.ConnectionTestResult;
import com.bookmarked.cdt.core.connector.ConnectionTestResult.Check;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.secrets.SecretRef;
import com.bookmarked.cdt.core.secrets.Secrets;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * "Test connection" for the "ours" side of a customer: the settings name a configured instance,
 * its password can be read, PostgreSQL accepts the login, the session and the login role can
 * only read, every query of the mapping runs and returns its columns, and the customer key is
 * there. The password is revealed afresh for each test, so a rotated secret is tried at once.
 */
@Singleton
public class BookmarkedConnectionCheck implements ConnectionCheck {

    static final String SETTINGS = "Customer settings";
    static final String INSTANCE = "Database instance";
    static final String PASSWORD = "Password";
    static final String CONNECTION = "Connection";
    static final String READ_ONLY = "Read-only login";
    static final String MAPPING = "Mapping";
    static final String CUSTOMER_KEY = "Customer key";

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(BookmarkedConnectionCheck.class);

    /** Whether the login may change any table, view or foreign table, directly, through a role it belongs to, or as owner or superuser. */
    private static final String CAN_WRITE = """
            select r.rolsuper, exists (
                select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p', 'v', 'f')
                  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'
                  and (has_table_privilege(c.oid, 'INSERT') or has_table_privilege(c.oid, 'UPDATE')
                       or has_table_privilege(c.oid, 'DELETE') or has_table_privilege(c.oid, 'TRUNCATE')))
            from pg_roles r where r.rolname = current_user""";

    private final Map<String, BookmarkedInstance> instances = new HashMap<>();
    private final Secrets secrets;

    public BookmarkedConnectionCheck(List<BookmarkedInstance> instances, Secrets secrets) {
        instances.forEach(i -> this.instances.put(i.getName(), i));
        this.secrets = secrets;
    }

    @Override
    public String connector() {
        return "bookmarked";
    }

    @Override
    public ConnectionTestResult test(Customer customer) {
        List<Check> checks = new ArrayList<>(7);
        CustomerSettings.Ours ours = customer.settings().ours();
        if (ours == null || blank(ours.instance()) || blank(ours.customerKey())) {
            checks.add(new Check(SETTINGS, false, "The customer's settings name no Bookmarked database instance or no "
                    + "customer key; set both under \"our database\" in the customer's settings."));
            return ConnectionTestResult.failed(checks);
        }
        String name = ours.instance();
        String key = ours.customerKey();
        checks.add(new Check(SETTINGS, true, "The customer is customer key '" + key + "' in the " + name + " database."));

        BookmarkedInstance instance = instances.get(name);
        if (instance == null || blank(instance.getUrl())) {
            checks.add(new Check(INSTANCE, false, "The " + name + " database is not configured on this server. "
                    + "Engineers: set " + property(name, "url") + " (and user, password-ref) for this function."));
            return ConnectionTestResult.failed(checks);
        }
        if (!instance.getUrl().startsWith("jdbc:postgresql:")) {
            checks.add(new Check(INSTANCE, false, "The " + name + " database's address is not a PostgreSQL JDBC URL. "
                    + "Engineers: fix " + property(name, "url") + "."));
            return ConnectionTestResult.failed(checks);
        }
        Mapping mapping;
        try {
            mapping = instance.getMapping() == null ? Mapping.defaultMapping() : Mapping.load(Path.of(instance.getMapping()));
        } catch (IOException | RuntimeException e) {
            String why = e instanceof Mapping.MappingException ? e.getMessage() : "the file cannot be read";
            checks.add(new Check(INSTANCE, false, "The mapping of the " + name + " database cannot be used (" + why
                    + "). Engineers: fix " + property(name, "mapping") + "."));
            return ConnectionTestResult.failed(checks);
        }
        checks.add(new Check(INSTANCE, true, "The " + name + " database is configured at " + address(instance.getUrl())
                + ", read with " + mapping.describe() + "."));

        String password = null;
        if (instance.getPasswordRef() == null) {
            checks.add(new Check(PASSWORD, true, "No password is configured for the " + name
                    + " database; the login must need none."));
        } else {
            try {
                SecretRef ref = SecretRef.parse(instance.getPasswordRef());
                password = secrets.reveal(ref);
                checks.add(new Check(PASSWORD, true, "The password was read from " + ref + "."));
            } catch (UserFacingException e) {
                checks.add(new Check(PASSWORD, false, SecretRef.isValid(instance.getPasswordRef())
                        ? e.detail()
                        : property(name, "password-ref") + " is not a secret reference (env:NAME, file:/path or "
                                + "aws-sm:NAME). Engineers: fix it; never put the password itself there."));
                return ConnectionTestResult.failed(checks);
            }
        }

        Connection connection;
        try {
            connection = ReadOnlyDatabase.connectOnce(name, instance.getUrl(), instance.getUser(), password,
                    instance.getStatementTimeout(), CONNECT_TIMEOUT);
        } catch (SQLException e) {
            checks.add(new Check(CONNECTION, false, refused(name, instance, e)));
            return ConnectionTestResult.failed(checks);
        }
        try {
            return afterConnecting(connection, checks, name, instance, key, mapping);
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // the answer is made; a connection that does not close cleanly changes nothing in it
                LOG.info("closing the test connection to the {} database failed: SQLState {}", name, e.getSQLState());
            }
        }
    }

    /** The checks that need the connection, in one read-only transaction that is rolled back. */
    private ConnectionTestResult afterConnecting(Connection c, List<Check> checks, String name,
                                                 BookmarkedInstance instance, String key, Mapping mapping) {
        String step = CONNECTION;
        try {
            c.setAutoCommit(false);
            String login = currentUser(c);
            checks.add(new Check(CONNECTION, true, "Connected to the " + name + " database as '" + login + "'."));

            step = READ_ONLY;
            boolean readOnlySession = "on".equals(single(c, "show transaction_read_only"));
            boolean superuser;
            boolean canWrite;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(CAN_WRITE)) {
                rs.next();
                superuser = rs.getBoolean(1);
                canWrite = rs.getBoolean(2);
            }
            if (!readOnlySession) {
                checks.add(new Check(READ_ONLY, false, "The session on the " + name + " database is not read-only. "
                        + "Engineers: the connector's read-only settings did not take effect; do not use it until fixed."));
                return ConnectionTestResult.failed(checks);
            }
            if (superuser || canWrite) {
                checks.add(new Check(READ_ONLY, false, "The login '" + login + "' can change data in the " + name
                        + " database (" + (superuser ? "it is a superuser" : "it may insert, update or delete in some tables")
                        + "). CDT only reads, but it must log in with a SELECT-only role: engineers, change "
                        + property(name, "user") + "."));
                return ConnectionTestResult.failed(checks);
            }
            checks.add(new Check(READ_ONLY, true, "The session is read-only and '" + login + "' can only read."));

            step = MAPPING;
            Check queries = mappingRuns(c, name, key, mapping);
            checks.add(queries);
            if (!queries.ok()) {
                return ConnectionTestResult.failed(checks);
            }

            step = CUSTOMER_KEY;
            NamedQuery customerQuery = mapping.query(Query.CUSTOMER);
            if (customerQuery != null && count(c, customerQuery, key) == 0) {
                checks.add(notFound(name, key));
                return ConnectionTestResult.failed(checks);
            }
            long students = count(c, mapping.query(Query.STUDENTS), key);
            if (customerQuery == null && students == 0) {
                checks.add(notFound(name, key));
                return ConnectionTestResult.failed(checks);
            }
            String found = "customer key '" + key + "' found with " + String.format(Locale.US, "%,d", students)
                    + (students == 1 ? " student" : " students");
            checks.add(new Check(CUSTOMER_KEY, true, "C" + found.substring(1) + "."));
            return ConnectionTestResult.of(checks, "Connected read-only to the " + name + " database; " + found + ".");
        } catch (SQLException e) {
            checks.add(new Check(step, false, refused(name, instance, e)));
            return ConnectionTestResult.failed(checks);
        } finally {
            try {
                c.rollback();
            } catch (SQLException e) {
                // nothing was written (the session is read-only); a broken connection is closed next anyway
            }
        }
    }

    /** Runs every mapped query without fetching a row, so that a schema change shows here, not in a run. */
    private static Check mappingRuns(Connection c, String name, String key, Mapping mapping) {
        int mapped = 0;
        for (Query q : Query.values()) {
            NamedQuery named = mapping.query(q);
            if (named == null) {
                continue;
            }
            mapped++;
            try (PreparedStatement s = c.prepareStatement("select * from (" + named.sql() + ") q limit 0")) {
                bind(s, named, key);
                try (ResultSet rs = s.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    Set<String> returned = new HashSet<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        returned.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
                    }
                    List<String> missing = q.columns().stream().filter(col -> !returned.contains(col)).toList();
                    if (!missing.isEmpty()) {
                        return new Check(MAPPING, false, "The '" + q.yamlName() + "' query of " + mapping.describe()
                                + " does not return " + String.join(", ", missing) + " on the " + name
                                + " database. Engineers: update the mapping.");
                    }
                }
            } catch (SQLException e) {
                return new Check(MAPPING, false, "The '" + q.yamlName() + "' query of " + mapping.describe()
                        + " fails on the " + name + " database (" + e.getSQLState() + ": " + firstLine(e) + "). "
                        + "Engineers: update the mapping to the database's schema.");
            }
        }
        return new Check(MAPPING, true, "All " + mapped + " queries of " + mapping.describe() + " run on the " + name
                + " database.");
    }

    private static Check notFound(String name, String key) {
        return new Check(CUSTOMER_KEY, false, "Customer key '" + key + "' does not exist in the " + name
                + " database. Check the customer key in the customer's settings.");
    }

    private static long count(Connection c, NamedQuery query, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from (" + query.sql() + ") q")) {
            bind(s, query, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement s, NamedQuery query, String key) throws SQLException {
        for (int i = 1; i <= query.customerBindings(); i++) {
            s.setString(i, key);
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String currentUser(Connection c) throws SQLException {
        return single(c, "select current_user");
    }

    /** Why PostgreSQL (or the network) said no, by SQLState, in the agent's words. */
    private static String refused(String name, BookmarkedInstance instance, SQLException e) {
        String state = e.getSQLState() == null ? "no SQLState" : e.getSQLState();
        LOG.info("connection test of the {} database failed: SQLState {}", name, state);
        return switch (state) {
            case "28P01" -> "The " + name + " database refused the password (28P01): update the secret referenced by "
                    + property(name, "password-ref") + ".";
            case "28000" -> "The " + name + " database refused the login '" + instance.getUser() + "' (28000): the role "
                    + "does not exist or may not connect from here. Engineers: check " + property(name, "user")
                    + " and the database's access rules.";
            case "3D000" -> "The database named in " + property(name, "url") + " does not exist on the server (3D000). "
                    + "Engineers: fix the URL.";
            case "53300" -> "The " + name + " database has no free connections right now (53300). Try again in a minute.";
            case "57014" -> "The " + name + " database took too long to answer (57014, statement timeout). Try again later.";
            default -> state.startsWith("08")
                    ? "CDT could not reach the " + name + " database at " + address(instance.getUrl()) + " (" + state
                            + "). It may be down, or this function's network may not reach it; try again, then ask an engineer."
                    : "Talking to the " + name + " database failed (" + state + ": " + firstLine(e) + ").";
        };
    }

    /** host:port/database of a PostgreSQL JDBC URL, without its parameters (which may hold credentials). */
    static String address(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:postgresql:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        return rest.startsWith("//") ? rest.substring(2) : rest;
    }

    /** The server's own words, first line, without PostgreSQL's severity prefix. */
    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int nl = m.indexOf('\n');
        m = (nl < 0 ? m : m.substring(0, nl)).strip();
        for (String severity : List.of("ERROR: ", "FATAL: ")) {
            if (m.startsWith(severity)) {
                m = m.substring(severity.length());
            }
        }
        return m;
    }

    private static String property(String instance, String name) {
        return "cdt.bookmarked.instances." + instance + "." + name;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
