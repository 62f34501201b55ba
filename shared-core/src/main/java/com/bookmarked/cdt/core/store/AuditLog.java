package com.bookmarked.cdt.core.store;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Records who did what. Details name what changed, never secret values or personal data. */
@Singleton
@Requires(beans = DataSource.class)
public class AuditLog {

    private final AuditEventRepository repository;

    public AuditLog(AuditEventRepository repository) {
        this.repository = repository;
    }

    public void record(String actor, String action, String target, Map<String, Object> details) {
        repository.save(new AuditEvent(null, Instant.now().truncatedTo(ChronoUnit.MICROS), actor, action, target,
                details == null ? Map.of() : details));
    }

    /** The latest {@code limit} events of one target, newest first. */
    public List<AuditEvent> recent(String target, int limit) {
        return repository.recent(target, limit);
    }

    /** The latest {@code connector.test} event of each connector tested on a target. */
    public List<AuditEvent> latestConnectionTests(String target) {
        return repository.latestConnectionTests(target);
    }

    /** The trail of one target, oldest first (e.g. {@code customer:demo}). */
    public List<AuditEvent> trailOf(String target) {
        return repository.findByTargetOrderByIdAsc(target);
    }
}
