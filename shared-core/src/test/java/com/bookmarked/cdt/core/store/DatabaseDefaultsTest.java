package com.bookmarked.cdt.core.store;

import com.bookmarked.cdt.core.testing.TestDatabases;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseDefaultsTest {

    @Test
    void connectionComesFromTheCdtVariablesWhenSet() {
        Map<String, Object> p = DatabaseDefaults.defaults(Map.of("CDT_DB_URL", "jdbc:postgresql://db:5432/cdt",
                "CDT_DB_USER", "cdt", "CDT_DB_PASSWORD", "pw"));
        assertThat(p).containsEntry("datasources.default.url", "jdbc:postgresql://db:5432/cdt")
                .containsEntry("datasources.default.username", "cdt")
                .containsEntry("datasources.default.password", "pw")
                .containsEntry("datasources.default.dialect", "POSTGRES")
                .containsEntry("flyway.datasources.default.enabled", true);
        assertThat(DatabaseDefaults.defaults(Map.of()).keySet()).as("no datasource without CDT_DB_URL")
                .containsExactly("flyway.datasources.default.enabled");
    }

    @Test
    void everyContextGetsTheDefaultsAndItsOwnSettingsWin() throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.fresh();
        Map<String, Object> props = new HashMap<>(db.micronautProperties());
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            assertThat(ctx.getProperty("flyway.datasources.default.enabled", Boolean.class)).contains(true);
            assertThat(ctx.getProperty("datasources.default.url", String.class)).contains(db.url());
            ctx.getBean(DataSource.class); // starts the pool, and with it Flyway
            try (Connection c = db.connect();
                 var rs = c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
                rs.next();
                assertThat(rs.getInt(1)).as("Flyway ran V1").isGreaterThanOrEqualTo(1);
            }
        }
    }
}
