package com.bookmarked.cdt.core.store;

import com.bookmarked.cdt.core.customer.*;
import com.bookmarked.cdt.core.run.*;
import com.bookmarked.cdt.core.testing.TestDatabases;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

class SpikeTest {
    @Test
    void spike() {
        try (ApplicationContext ctx = ApplicationContext.run(TestDatabases.fresh().micronautProperties())) {
            CustomerRepository customers = ctx.getBean(CustomerRepository.class);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            customers.save(new CustomerRecord("demo", "Demo", new CustomerSettings(new CustomerSettings.Sis("oneroster-csv", "/x", null), new CustomerSettings.Ours("production", "demo"), new CustomerSettings.SnapshotTtl(60, 60)), now, now));
            System.out.println(customers.findById("demo"));
            System.out.println(customers.search("%dem%", 10));
            RunRepository runs = ctx.getBean(RunRepository.class);
            UUID id = UUID.randomUUID();
            runs.save(new RunRecord(id, "t", "demo", null, "agent", Map.of("a", 1, "b", "x"), RunStatus.QUEUED, null, 0, now, null, null, null, null, null, false));
            System.out.println(runs.markRunning(id, now, "x"));
            System.out.println(runs.finishSucceeded(id, now, 5, "{\"total\":3,\"bySeverity\":{\"error\":1},\"byCategory\":{}}"));
            System.out.println(runs.findById(id));
            System.out.println(runs.history(null, null, null, null, null, null, null, 10));
            System.out.println(runs.history("demo", null, "SUCCEEDED", null, null, now.plusSeconds(1), UUID.randomUUID(), 10));
            System.out.println(runs.findCancelRequestedById(id));
            ctx.getBean(AuditLog.class).record("agent", "x.y", "run:1", Map.of("k", "v"));
            System.out.println(ctx.getBean(AuditLog.class).trailOf("run:1"));
        }
    }
}
