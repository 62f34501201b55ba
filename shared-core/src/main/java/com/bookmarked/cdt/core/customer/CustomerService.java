package com.bookmarked.cdt.core.customer;

import io.micronaut.context.annotation.Requires;
import com.bookmarked.cdt.core.http.FieldError;
import com.bookmarked.cdt.core.http.InvalidInputException;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.store.AuditEvent;
import com.bookmarked.cdt.core.http.NotFoundException;
import com.bookmarked.cdt.core.store.AuditLog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Comparator;
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
    /** How a 409 names the time of the other save: UTC, to the second, as an agent reads it. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final CustomerRepository repository;
    private final CustomerSettingsCheck check;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;

    public CustomerService(CustomerRepository repository, CustomerSettingsCheck check, AuditLog audit,
                           TransactionOperations<Connection> transactions, JdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.check = check;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Customers whose id or name contains {@code q} (any case), by name; all when q is blank. */
    public List<CustomerSummary> list(String q) {
        String pattern = q == null || q.isBlank() ? "%" : "%" + escapeLike(q.trim()) + "%";
        List<CustomerRecord> rows = repository.search(pattern, LIST_LIMIT);
        Map<String, Instant> lastRuns = lastRunAt(rows.stream().map(CustomerRecord::id).toList());
        return rows.stream().map(r -> r.toCustomer().summary(lastRuns.get(r.id()))).toList();
    }

    /** When the latest run of each customer was started, in one query on the (customer_id, created_at) index. */
    private Map<String, Instant> lastRunAt(List<String> ids) {
        Map<String, Instant> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT c.id, (SELECT max(created_at) FROM runs r WHERE r.customer_id = c.id) "
                        + "FROM unnest(?) AS c(id)", ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("text", ids.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Timestamp at = rs.getTimestamp(2);
                            if (at != null) {
                                out.put(rs.getString(1), at.toInstant());
                            }
                        }
                    }
                    return out;
                }));
    }

    /** A customer as its page shows it: with the latest connection test of each of its connectors. */
    public Customer details(String id) {
        Customer customer = get(id);
        List<String> served = customer.connectors();
        // latestConnectionTests gives one event per connector; the customer's own connectors first, in
        // their order, then any it no longer uses (its SIS type changed), so their last test still shows
        List<Customer.ConnectionTestSeen> tests = audit.latestConnectionTests("customer:" + customer.id()).stream()
                .filter(e -> e.details().get("connector") instanceof String)
                .sorted(Comparator.comparingInt(e -> {
                    int at = served.indexOf((String) e.details().get("connector"));
                    return at < 0 ? served.size() : at;
                }))
                .map(e -> new Customer.ConnectionTestSeen((String) e.details().get("connector"),
                        Boolean.TRUE.equals(e.details().get("ok")),
                        e.details().get("verdict") instanceof String v ? v : null, e.at(), e.actor()))
                .toList();
        return customer.withLastTests(tests);
    }

    /** The customer's audit trail, newest first: settings changes, connection tests, refreshes. */
    public List<AuditEvent> trail(String id, int limit) {
        Customer customer = get(id);
        return audit.recent("customer:" + customer.id(), limit);
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
        return save(id, name, settings, actor, null);
    }

    /**
     * As {@link #save(String, String, CustomerSettings, String)}, refusing with 409 when
     * {@code expectedUpdatedAt} is given and the stored customer's {@code updatedAt} is not that
     * (someone else saved in between). Every invalid value is reported at once, as a 422.
     */
    public Customer save(String id, String name, CustomerSettings settings, String actor,
                         @Nullable String expectedUpdatedAt) {
        List<FieldError> errors = new ArrayList<>(check.check(id, name, settings));
        Instant expected = null;
        if (expectedUpdatedAt != null && !expectedUpdatedAt.isBlank()) {
            try {
                expected = Instant.parse(expectedUpdatedAt.trim());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("expectedUpdatedAt", "must be the updatedAt these settings were loaded with "
                        + "(e.g. 2026-11-29T14:30:00.123456Z)"));
            }
        }
        InvalidInputException.throwIfAny("The customer settings cannot be saved", errors);
        Instant expectedAt = expected;
        return transactions.executeWrite(status -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Optional<CustomerRecord> existing = repository.lockById(id);
            if (expectedAt != null && (existing.isEmpty() || !existing.get().updatedAt().equals(expectedAt))) {
                String when = existing.map(r -> WHEN.format(r.updatedAt())).orElse("an unknown time");
                throw new UserFacingException("Changed by someone else", "Someone else changed these settings at "
                        + when + "; reload them and make your change again.", 409);
            }
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
        compare("settings.sis.options", bs == null ? Map.of() : bs.options(), as.options(), changed);
        CustomerSettings.Schedule bsc = b.schedule();
        CustomerSettings.Schedule asc = after.schedule();
        compare("settings.schedule.cron", bsc == null ? null : bsc.cron(), asc == null ? null : asc.cron(), changed);
        compare("settings.schedule.timezone", bsc == null ? null : bsc.timezone(), asc == null ? null : asc.timezone(), changed);
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
