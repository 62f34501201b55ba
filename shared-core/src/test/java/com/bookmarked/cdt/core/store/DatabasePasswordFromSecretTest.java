package com.bookmarked.cdt.core.store;

import com.bookmarked.cdt.core.testing.TestDatabases;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabasePasswordFromSecretTest {

    @Test
    void theReferenceComesFromTheEnvironmentVariable() {
        assertThat(DatabaseDefaults.defaults(Map.of("CDT_DB_URL", "jdbc:postgresql://db/cdt",
                "CDT_DB_PASSWORD_REF", "aws-sm:cdt/prod/cdt-db:password")))
                .containsEntry("cdt.database.password-ref", "aws-sm:cdt/prod/cdt-db:password")
                .doesNotContainKey("datasources.default.password");
    }

    @Test
    void thePoolGetsThePasswordTheReferenceNames(@TempDir Path dir) throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.fresh();
        Path secret = Files.writeString(dir.resolve("db-password"), db.password());
        Map<String, Object> props = new HashMap<>(db.micronautProperties());
        props.remove("datasources.default.password");
        props.put("cdt.database.password-ref", "file:" + secret);
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            DatasourceConfiguration config = ctx.getBean(DatasourceConfiguration.class, Qualifiers.byName("default"));
            assertThat(config.getPassword()).isEqualTo(db.password());
            ctx.getBean(DataSource.class); // the pool, and Flyway through it
            try (Connection c = db.connect();
                 var rs = c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
                rs.next();
                assertThat(rs.getInt(1)).as("Flyway ran through the pool").isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aPasswordSetDirectlyWins(@TempDir Path dir) throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.fresh();
        Path secret = Files.writeString(dir.resolve("db-password"), "not-this-one");
        Map<String, Object> props = new HashMap<>(db.micronautProperties());
        props.put("datasources.default.password", "set-directly");
        props.put("cdt.database.password-ref", "file:" + secret);
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            assertThat(ctx.getBean(DatasourceConfiguration.class, Qualifiers.byName("default")).getPassword()).isEqualTo("set-directly");
        }
    }

    @Test
    void anUnreadableReferenceStopsTheStartWithItsNameOnly(@TempDir Path dir) {
        TestDatabases.TestDatabase db = TestDatabases.fresh();
        Map<String, Object> props = new HashMap<>(db.micronautProperties());
        props.remove("datasources.default.password");
        props.put("cdt.database.password-ref", "file:" + dir.resolve("missing"));
        assertThatThrownBy(() -> {
            try (ApplicationContext ctx = ApplicationContext.run(props)) {
                ctx.getBean(DataSource.class);
            }
        }).hasStackTraceContaining(dir.resolve("missing").toString());
    }
}
