package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.core.auth.SignedInUser;
import com.bookmarked.cdt.core.connector.ConnectionTestRequest;
import com.bookmarked.cdt.core.connector.ConnectionTestResult;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.store.AuditLog;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import javax.sql.DataSource;

/** {@code POST /api/connectors/ftp/test}: any signed-in user may test a customer's FTP, FTPS or SFTP export drop. */
@Controller("/api/connectors/" + FileServerConnectionController.TYPE)
@Requires(beans = DataSource.class)
@ExecuteOn(TaskExecutors.BLOCKING)
public class FileServerConnectionController {

    public static final String TYPE = "ftp";

    private final CustomerService customers;
    private final FileServerConnectionCheck check;
    private final AuditLog audit;

    public FileServerConnectionController(CustomerService customers, FileServerConnectionCheck check, AuditLog audit) {
        this.customers = customers;
        this.check = check;
        this.audit = audit;
    }

    @Post("/test")
    public ConnectionTestResult test(@Nullable @Body ConnectionTestRequest body, SignedInUser user) {
        Customer customer = (body == null ? new ConnectionTestRequest(null) : body).customerIn(customers);
        ConnectionTestResult result = check.test(customer);
        audit.record(user.username(), "connector.test", "customer:" + customer.id(), result.auditDetails(TYPE));
        return result;
    }
}
