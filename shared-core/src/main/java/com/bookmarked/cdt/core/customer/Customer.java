package com.bookmarked.cdt.core.customer;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A school district and how CDT reaches its data. */
@Serdeable
public record Customer(String id, String name, CustomerSettings settings, Instant updatedAt) {

    public CustomerSummary summary() {
        return new CustomerSummary(id, name,
                settings.sis() == null ? null : settings.sis().type(),
                settings.ours() == null ? null : settings.ours().instance());
    }
}
