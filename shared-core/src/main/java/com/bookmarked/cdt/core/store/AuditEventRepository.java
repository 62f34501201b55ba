package com.bookmarked.cdt.core.store;

import io.micronaut.context.annotation.Requires;
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
}
