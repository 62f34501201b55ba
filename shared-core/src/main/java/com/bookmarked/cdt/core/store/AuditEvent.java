package com.bookmarked.cdt.core.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the audit trail: who did what to which thing.
 *
 * @param action dotted verb, e.g. {@code run.start}, {@code run.cancel}, {@code customer.update}
 * @param target what it was done to, e.g. {@code run:<uuid>}, {@code customer:demo}
 * @param details what changed; never secret values
 */
@Serdeable
@MappedEntity("audit_events")
public record AuditEvent(
        @Id @GeneratedValue @Nullable Long id,
        Instant at,
        String actor,
        String action,
        String target,
        @TypeDef(type = DataType.JSON) Map<String, Object> details) {
}
