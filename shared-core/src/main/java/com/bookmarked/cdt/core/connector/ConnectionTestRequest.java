package com.bookmarked.cdt.core.connector;

import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.http.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The body of {@code POST /api/connectors/{type}/test}. */
@Serdeable
public record ConnectionTestRequest(@Nullable String customerId) {

    /**
     * The customer to test. A missing or unknown id is a 422 naming the {@code customerId} field,
     * as when starting a run (the id comes from the body, not the path).
     */
    public Customer customerIn(CustomerService customers) {
        if (customerId == null || customerId.isBlank()) {
            throw InvalidInputException.of("customerId", "is required");
        }
        return customers.find(customerId).orElseThrow(() ->
                InvalidInputException.of("customerId", "names no known customer ('" + customerId + "')"));
    }
}
