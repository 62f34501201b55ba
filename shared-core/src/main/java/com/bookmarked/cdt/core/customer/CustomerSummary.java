package com.bookmarked.cdt.core.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One line of the customer list.
 *
 * @param lastRunAt when the latest run on this customer was started; null when none
 */
@Serdeable
public record CustomerSummary(String id, String name, @Nullable String sisType, @Nullable String oursInstance,
                              @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Instant lastRunAt) {

    @Creator
    public CustomerSummary {
    }

    public CustomerSummary(String id, String name, @Nullable String sisType, @Nullable String oursInstance) {
        this(id, name, sisType, oursInstance, null);
    }
}
