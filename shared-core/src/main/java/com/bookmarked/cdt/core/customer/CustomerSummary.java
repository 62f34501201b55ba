package com.bookmarked.cdt.core.customer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One line of the customer list. */
@Serdeable
public record CustomerSummary(String id, String name, @Nullable String sisType, @Nullable String oursInstance) {
}
