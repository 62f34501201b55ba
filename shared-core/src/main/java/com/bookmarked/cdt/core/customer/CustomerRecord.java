package com.bookmarked.cdt.core.customer;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** A row of {@code customers}. */
@MappedEntity("customers")
public record CustomerRecord(
        @Id String id,
        String name,
        @TypeDef(type = DataType.JSON) CustomerSettings settings,
        Instant createdAt,
        Instant updatedAt) {

    public Customer toCustomer() {
        return new Customer(id, name, settings, updatedAt);
    }
}
