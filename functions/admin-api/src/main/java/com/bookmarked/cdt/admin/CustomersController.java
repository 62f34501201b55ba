package com.bookmarked.cdt.admin;

import com.bookmarked.cdt.core.auth.RequiresRole;
import com.bookmarked.cdt.core.auth.SignedInUser;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.customer.CustomerSettingsCheck;
import com.bookmarked.cdt.core.customer.CustomerSummary;
import com.bookmarked.cdt.core.http.InvalidInputException;
import com.bookmarked.cdt.core.snapshot.cache.SnapshotCache;
import com.bookmarked.cdt.core.http.WholeQueryValue;
import com.bookmarked.cdt.core.store.AuditLog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Customers and their settings; changing them is for admins. */
@Controller("/api/customers")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CustomersController {

    static final int MAX_AUDIT = 50;

    private final CustomerService customers;
    private final SnapshotCache snapshots;
    private final AuditLog audit;
    private final CustomerSettingsCheck settingsCheck;

    public CustomersController(CustomerService customers, SnapshotCache snapshots, AuditLog audit,
                               CustomerSettingsCheck settingsCheck) {
        this.customers = customers;
        this.snapshots = snapshots;
        this.audit = audit;
        this.settingsCheck = settingsCheck;
    }

    @Serdeable
    public record SnapshotsRefreshed(String customerId, String detail) {
    }

    /**
     * @param ourInstances the Bookmarked database instances this server knows
     *        ({@code cdt.ours.instances}), so that the settings form offers exactly those
     */
    @Serdeable
    public record CustomerList(List<CustomerSummary> items, List<String> ourInstances) {
    }

    /**
     * @param expectedUpdatedAt the {@code updatedAt} the settings were loaded with; when given and
     *        the customer has changed since, the save is refused with 409
     */
    @Serdeable
    public record CustomerUpdate(@Nullable String name, @Nullable CustomerSettings settings,
                                 @Nullable String expectedUpdatedAt) {
    }

    /** One entry of a customer's audit trail. */
    @Serdeable
    public record AuditEntry(Instant at, String actor, String action, Map<String, Object> details) {
    }

    @Serdeable
    public record AuditTrail(List<AuditEntry> items) {
    }

    @Get
    public CustomerList list(HttpRequest<?> request) {
        return new CustomerList(customers.list(WholeQueryValue.of(request, "q")), settingsCheck.instances());
    }

    @Get("/{id}")
    public Customer get(String id) {
        return customers.details(id);
    }

    /** Creates the customer when the id is new. */
    @Put("/{id}")
    @RequiresRole("admin")
    public Customer put(String id, @Body CustomerUpdate body, SignedInUser user) {
        Customer saved = customers.save(id, body.name(), body.settings(), user.username(), body.expectedUpdatedAt());
        return customers.details(saved.id());
    }

    /** The customer's trail, newest first: settings changes, connection tests, refreshes. */
    @Get("/{id}/audit")
    public AuditTrail audit(String id, @Nullable @QueryValue Integer limit) {
        int size = limit == null ? MAX_AUDIT : limit;
        if (size < 1 || size > MAX_AUDIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_AUDIT);
        }
        return new AuditTrail(customers.trail(id, size).stream()
                .map(e -> new AuditEntry(e.at(), e.actor(), e.action(), e.details())).toList());
    }

    /** "Refresh now": the next run on this customer fetches both sides afresh instead of using the cache. */
    @Post("/{id}/snapshots/refresh")
    @Status(HttpStatus.ACCEPTED)
    public SnapshotsRefreshed refreshSnapshots(String id, SignedInUser user) throws IOException {
        Customer customer = customers.get(id);
        snapshots.evict(customer.id());
        audit.record(user.username(), "snapshots.refresh", "customer:" + customer.id(), Map.of());
        return new SnapshotsRefreshed(customer.id(), "The next run on " + customer.name()
                + " will fetch the SIS roster and our database afresh.");
    }
}
