package com.bookmarked.cdt.core.customer;

import com.bookmarked.cdt.core.http.FieldError;
import com.bookmarked.cdt.core.http.InvalidInputException;
import com.bookmarked.cdt.core.http.NotFoundException;
import com.bookmarked.cdt.core.store.AuditEvent;
import com.bookmarked.cdt.core.store.AuditLog;
import com.bookmarked.cdt.core.testing.TestDatabases;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerServiceTest {

    static ApplicationContext ctx;
    static CustomerService customers;

    @BeforeAll
    static void start() {
        Map<String, Object> props = new HashMap<>(TestDatabases.fresh().micronautProperties());
        props.put("cdt.ours.instances", "production,staging,sandbox");
        ctx = ApplicationContext.run(props);
        customers = ctx.getBean(CustomerService.class);
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    static CustomerSettings settings(String type, String location, String secretRef, String instance, int ttl) {
        return new CustomerSettings(new CustomerSettings.Sis(type, location, secretRef),
                new CustomerSettings.Ours(instance, "key-1"), new CustomerSettings.SnapshotTtl(ttl, ttl));
    }

    static List<String> badFields(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("expected the values to be refused");
    }

    @Test
    void createThenUpdateIsAuditedWithTheNamesOfWhatChanged() {
        Customer created = customers.save("maple", "Maple District", settings("oneroster-csv", "/srv/maple.zip", null, "production", 60), "admin1");
        assertThat(created.summary()).isEqualTo(new CustomerSummary("maple", "Maple District", "oneroster-csv", "production"));

        Customer updated = customers.save("maple", "Maple District", settings("classlink", "https://classlink.example/maple",
                "env:MAPLE_CLASSLINK", "sandbox", 120), "admin2");
        assertThat(updated.settings().sis().secretRef()).isEqualTo("env:MAPLE_CLASSLINK");
        assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(customers.get("maple")).isEqualTo(updated);

        List<AuditEvent> trail = ctx.getBean(AuditLog.class).trailOf("customer:maple");
        assertThat(trail).extracting(AuditEvent::action).containsExactly("customer.create", "customer.update");
        assertThat(trail.get(1).actor()).isEqualTo("admin2");
        assertThat(trail.get(1).details().get("changed")).isEqualTo(List.of("settings.sis.type", "settings.sis.location",
                "settings.sis.secretRef", "settings.ours.instance", "settings.snapshotTtlMinutes.sis",
                "settings.snapshotTtlMinutes.ours"));
    }

    @Test
    void everyBadValueIsNamed() {
        assertThat(badFields(() -> customers.save("Bad Id!", " ", settings("csv", " ", "hunter2", "prod", 0), "admin1")))
                .containsExactlyInAnyOrder("id", "name", "settings.sis.type", "settings.sis.location",
                        "settings.sis.secretRef", "settings.ours.instance", "settings.snapshotTtlMinutes.sis",
                        "settings.snapshotTtlMinutes.ours");
        assertThat(badFields(() -> customers.save("ok", "Ok", settings("classlink", "https://launchpad.classlink.com", null,
                "staging", 10_081), "a")))
                .containsExactly("settings.snapshotTtlMinutes.sis", "settings.snapshotTtlMinutes.ours");
        // the location must suit the SIS type (the connector's own rules, checked before saving)
        assertThat(badFields(() -> customers.save("ok", "Ok", settings("oneroster-rest", "http://sis.example/ims", null,
                "staging", 10), "a")))
                .containsExactly("settings.sis.location");
        assertThat(badFields(() -> customers.save("ok", "Ok", new CustomerSettings(null, null, null), "a")))
                .containsExactly("settings.sis", "settings.ours", "settings.snapshotTtlMinutes");
        assertThat(customers.find("ok")).isEmpty();
    }

    @Test
    void aRefusedSecretIsNeverEchoed() {
        assertThatThrownBy(() -> customers.save("echo", "Echo", settings("classlink", "x", "hunter2-password", "staging", 5), "a"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("hunter2");
                    assertThat(e.errors()).allSatisfy(f -> assertThat(f.message()).doesNotContain("hunter2"));
                });
    }

    @Test
    void searchMatchesIdOrNameInAnyCaseAndTreatsWildcardsAsText() {
        customers.save("oak-valley", "Oak Valley USD", settings("oneroster-rest", "https://sis.example/ov", null, "production", 30), "a");
        customers.save("pine", "Pine_Ridge 100%", settings("oneroster-rest", "https://sis.example/pr", null, "staging", 30), "a");
        assertThat(customers.list("VALLEY")).extracting(CustomerSummary::id).containsExactly("oak-valley");
        assertThat(customers.list("oak-")).extracting(CustomerSummary::id).containsExactly("oak-valley");
        assertThat(customers.list("100%")).extracting(CustomerSummary::id).containsExactly("pine");
        assertThat(customers.list("_")).extracting(CustomerSummary::id).containsExactly("pine");
        assertThat(customers.list(null)).extracting(CustomerSummary::id).contains("oak-valley", "pine");
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        assertThatThrownBy(() -> customers.get("nobody")).isInstanceOf(NotFoundException.class).hasMessageContaining("nobody");
    }
}
