package com.bookmarked.cdt.connector.bookmarked;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.time.Duration;

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
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the " + instance + " database URL must be a PostgreSQL JDBC URL");
        }
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
        config.addDataSourceProperty("readOnlyMode", "always");
        config.addDataSourceProperty("ApplicationName", "cdt-connector-bookmarked");
        config.addDataSourceProperty("options", "-c statement_timeout=" + statementTimeout.toMillis());
        return new ReadOnlyDatabase(instance, new HikariDataSource(config));
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
