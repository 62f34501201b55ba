package com.bookmarked.cdt.core.customer;

import io.micronaut.context.annotation.Requires;
import com.bookmarked.cdt.core.http.InvalidInputException;
import com.bookmarked.cdt.core.http.NotFoundException;
import com.bookmarked.cdt.core.store.AuditLog;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** Customers and their settings: listing, reading, and audited, validated saving. */
@Singleton
@Requires(beans = DataSource.class)
public class CustomerService {

    static final int LIST_LIMIT = 200;

    private final CustomerRepository repository;
    private final CustomerSettingsCheck check;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;

    public CustomerService(CustomerRepository repository, CustomerSettingsCheck check, AuditLog audit,
                           TransactionOperations<Connection> transactions) {
        this.repository = repository;
        this.check = check;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Customers whose id or name contains {@code q} (any case), by name; all when q is blank. */
    public List<CustomerSummary> list(String q) {
        String pattern = q == null || q.isBlank() ? "%" : "%" + escapeLike(q.trim()) + "%";
        return repository.search(pattern, LIST_LIMIT).stream().map(r -> r.toCustomer().summary()).toList();
    }

    public Optional<Customer> find(String id) {
        return id == null ? Optional.empty() : repository.findById(id).map(CustomerRecord::toCustomer);
    }

    public Customer get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("There is no customer with the id '" + id + "'."));
    }

    /**
     * Creates or replaces a customer's name and settings, recording {@code customer.create} or
     * {@code customer.update} with the names of the fields that changed (no values).
     */
    public Customer save(String id, String name, CustomerSettings settings, String actor) {
        InvalidInputException.throwIfAny("The customer settings cannot be saved", check.check(id, name, settings));
        return transactions.executeWrite(status -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Optional<CustomerRecord> existing = repository.findById(id);
            CustomerRecord saved;
            if (existing.isPresent()) {
                CustomerRecord before = existing.get();
                List<String> changed = changedFields(before, name, settings);
                saved = repository.update(new CustomerRecord(id, name.trim(), settings, before.createdAt(), now));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("changed", changed);
                audit.record(actor, "customer.update", "customer:" + id, details);
            } else {
                saved = repository.save(new CustomerRecord(id, name.trim(), settings, now, now));
                audit.record(actor, "customer.create", "customer:" + id, Map.of());
            }
            return saved.toCustomer();
        });
    }

    static List<String> changedFields(CustomerRecord before, String name, CustomerSettings after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.name(), name.trim())) {
            changed.add("name");
        }
        CustomerSettings b = before.settings();
        CustomerSettings.Sis bs = b.sis();
        CustomerSettings.Sis as = after.sis();
        compare("settings.sis.type", bs == null ? null : bs.type(), as.type(), changed);
        compare("settings.sis.location", bs == null ? null : bs.location(), as.location(), changed);
        compare("settings.sis.secretRef", bs == null ? null : bs.secretRef(), as.secretRef(), changed);
        CustomerSettings.Ours bo = b.ours();
        compare("settings.ours.instance", bo == null ? null : bo.instance(), after.ours().instance(), changed);
        compare("settings.ours.customerKey", bo == null ? null : bo.customerKey(), after.ours().customerKey(), changed);
        CustomerSettings.SnapshotTtl bt = b.snapshotTtlMinutes();
        compare("settings.snapshotTtlMinutes.sis", bt == null ? null : bt.sis(), after.snapshotTtlMinutes().sis(), changed);
        compare("settings.snapshotTtlMinutes.ours", bt == null ? null : bt.ours(), after.snapshotTtlMinutes().ours(), changed);
        return changed;
    }

    private static void compare(String field, Object before, Object after, List<String> changed) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
