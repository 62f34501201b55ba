package com.bookmarked.cdt.core.connector;

import com.bookmarked.cdt.core.auth.SignedInUser;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.http.NotFoundException;
import com.bookmarked.cdt.core.store.AuditLog;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import javax.sql.DataSource;

/**
 * {@code POST /api/connectors/{connector}/test}: written once here, served by every function that
 * has a {@link ConnectionCheck} (in AWS each connector function has only its own). Any signed-in
 * user may test; every test is audited as {@code connector.test} on the customer.
 */
@Controller("/api/connectors/{connector}")
@Requires(beans = DataSource.class)
@Requires(beans = ConnectionCheck.class)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConnectionTestController {

    private final CustomerService customers;
    private final List<ConnectionCheck> checks;
    private final AuditLog audit;

    public ConnectionTestController(CustomerService customers, List<ConnectionCheck> checks, AuditLog audit) {
        this.customers = customers;
        this.checks = List.copyOf(checks);
        this.audit = audit;
    }

    @Post("/test")
    public ConnectionTestResult test(String connector, @Nullable @Body ConnectionTestRequest body, SignedInUser user) {
        ConnectionCheck check = checks.stream().filter(c -> c.connector().equals(connector)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no connector named '" + connector + "' here."));
        Customer customer = (body == null ? new ConnectionTestRequest(null) : body).customerIn(customers);
        ConnectionTestResult result = check.test(customer);
        audit.record(user.username(), "connector.test", "customer:" + customer.id(), result.auditDetails(connector));
        return result;
    }
}
