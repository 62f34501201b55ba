package com.bookmarked.cdt.core.store;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import javax.sql.DataSource;

/** The {@code audit_events} table; written only through {@link AuditLog}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Requires(beans = DataSource.class)
public interface AuditEventRepository extends CrudRepository<AuditEvent, Long> {

    List<AuditEvent> findByTargetOrderByIdAsc(String target);

    /** A target's trail, newest first. */
    @Query("SELECT * FROM audit_events WHERE target = :target ORDER BY at DESC, id DESC LIMIT :limit")
    List<AuditEvent> recent(String target, int limit);

    /** The latest {@code connector.test} of each connector on a target, in connector order. */
    @Query("SELECT DISTINCT ON (details ->> 'connector') * FROM audit_events "
            + "WHERE target = :target AND action = 'connector.test' "
            + "ORDER BY details ->> 'connector', at DESC, id DESC")
    List<AuditEvent> latestConnectionTests(String target);
}
