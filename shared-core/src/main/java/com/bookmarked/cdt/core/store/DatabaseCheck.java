package com.bookmarked.cdt.core.store;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;

/** Whether CDT's database answers, for health checks. Never throws. */
@Singleton
@Requires(beans = DataSource.class)
public class DatabaseCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCheck.class);

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    public DatabaseCheck(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public boolean reachable() {
        try {
            return transactions.executeRead(status -> jdbc.prepareStatement("SELECT 1", ps -> {
                ps.setQueryTimeout(3);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }));
        } catch (RuntimeException e) {
            LOG.warn("database check failed: {}", e.getClass().getName());
            return false;
        }
    }
}
