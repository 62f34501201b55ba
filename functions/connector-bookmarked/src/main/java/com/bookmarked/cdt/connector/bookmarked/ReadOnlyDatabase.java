package com.bookmarked.cdt.connector.bookmarked;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * A connection pool to one of our databases that PostgreSQL itself keeps read-only: the driver's
 * {@code readOnlyMode=always} puts every statement, also in autocommit, in a read-only
 * transaction, the pool marks connections read-only, and a statement timeout bounds each query.
 * In production the login role is also SELECT-only; this is the second lock on the door.
 */
public final class ReadOnlyDatabase implements AutoCloseable {

    private final String instance;
    private final HikariDataSource pool;

    private ReadOnlyDatabase(String instance, HikariDataSource pool) {
        this.instance = instance;
        this.pool = pool;
    }

    /**
     * @param password resolved from the secrets port by the caller; kept only inside the pool
     */
    public static ReadOnlyDatabase open(String instance, String jdbcUrl, String user, String password,
                                        Duration statementTimeout) {
        requirePostgres(instance, jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName("bookmarked-" + instance);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setReadOnly(true);
        config.setAutoCommit(true);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        config.setDataSourceProperties(driverProperties(statementTimeout));
        return new ReadOnlyDatabase(instance, new HikariDataSource(config));
    }

    /**
     * One connection outside any pool, with the pool's read-only settings, failing within
     * {@code connectTimeout}: for the connection test, which must see the driver's own error
     * (a refused password, say) at once rather than a pool's timeout.
     */
    public static Connection connectOnce(String instance, String jdbcUrl, String user, String password,
                                         Duration statementTimeout, Duration connectTimeout) throws SQLException {
        requirePostgres(instance, jdbcUrl);
        Properties properties = driverProperties(statementTimeout);
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        String seconds = Long.toString(Math.max(1, connectTimeout.toSeconds()));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        connection.setReadOnly(true);
        return connection;
    }

    /** What makes PostgreSQL keep every statement read-only and bounded, for pooled and single connections alike. */
    private static Properties driverProperties(Duration statementTimeout) {
        Properties p = new Properties();
        p.setProperty("readOnlyMode", "always");
        p.setProperty("ApplicationName", "cdt-connector-bookmarked");
        p.setProperty("options", "-c statement_timeout=" + statementTimeout.toMillis());
        return p;
    }

    private static void requirePostgres(String instance, String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the " + instance + " database URL must be a PostgreSQL JDBC URL");
        }
    }

    public String instance() {
        return instance;
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
