package com.bookmarked.cdt.core.customer;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code customers} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Requires(beans = DataSource.class)
public interface CustomerRepository extends CrudRepository<CustomerRecord, String> {

    /** Customers whose id or name contains the text ({@code pattern} is an escaped ILIKE pattern). */
    @Query("SELECT * FROM customers WHERE id ILIKE :pattern OR name ILIKE :pattern "
            + "ORDER BY lower(name), id LIMIT :limit")
    List<CustomerRecord> search(String pattern, int limit);

    /** The row, locked until the transaction ends, so that two saves cannot both pass the updatedAt check. */
    @Query("SELECT * FROM customers WHERE id = :id FOR UPDATE")
    Optional<CustomerRecord> lockById(String id);
}
