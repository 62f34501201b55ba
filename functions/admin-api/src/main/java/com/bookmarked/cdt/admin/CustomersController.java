package com.bookmarked.cdt.admin;

import com.bookmarked.cdt.core.auth.RequiresRole;
import com.bookmarked.cdt.core.auth.SignedInUser;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.customer.CustomerSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Customers and their settings; changing them is for admins. */
@Controller("/api/customers")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CustomersController {

    private final CustomerService customers;

    public CustomersController(CustomerService customers) {
        this.customers = customers;
    }

    @Serdeable
    public record CustomerList(List<CustomerSummary> items) {
    }

    @Serdeable
    public record CustomerUpdate(@Nullable String name, @Nullable CustomerSettings settings) {
    }

    @Get
    public CustomerList list(@Nullable @QueryValue String q) {
        return new CustomerList(customers.list(q));
    }

    @Get("/{id}")
    public Customer get(String id) {
        return customers.get(id);
    }

    /** Creates the customer when the id is new. */
    @Put("/{id}")
    @RequiresRole("admin")
    public Customer put(String id, @Body CustomerUpdate body, SignedInUser user) {
        return customers.save(id, body.name(), body.settings(), user.username());
    }
}
