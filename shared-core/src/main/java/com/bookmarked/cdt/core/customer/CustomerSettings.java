package com.bookmarked.cdt.core.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * How CDT reaches a customer's two sides (docs/api.md, "CustomerSettings"). Secrets appear only
 * as references ({@code env:NAME}, {@code file:/path}, {@code aws-sm:NAME}), never as values.
 */
@Serdeable
public record CustomerSettings(
        @Nullable Sis sis,
        @Nullable Ours ours,
        @Nullable SnapshotTtl snapshotTtlMinutes,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Schedule schedule) {

    @Creator
    public CustomerSettings {
    }

    public CustomerSettings(@Nullable Sis sis, @Nullable Ours ours, @Nullable SnapshotTtl snapshotTtlMinutes) {
        this(sis, ours, snapshotTtlMinutes, null);
    }

    /**
     * When the district's SIS sync runs, shown to agents next to the snapshot's data-as-of time.
     *
     * @param cron five fields: minute, hour, day of month, month, day of week (e.g. {@code 0 6 * * 1-5})
     * @param timezone an IANA time zone, e.g. {@code America/Chicago}
     */
    @Serdeable
    public record Schedule(@Nullable String cron, @Nullable String timezone) {
    }

    /**
     * The district's student information system.
     *
     * @param type one of {@link CustomerSettingsCheck#SIS_TYPES}
     * @param location a URL, a host, or a path, depending on the type
     * @param secretRef where the SIS credentials are kept; a reference, not the secret
     * @param options settings that only one connector type understands (validated by that connector)
     */
    @Serdeable
    public record Sis(@Nullable String type, @Nullable String location, @Nullable String secretRef,
                      @Nullable Map<String, String> options) {

        @Creator
        public Sis {
            options = options == null ? Map.of() : Map.copyOf(options);
        }

        public Sis(@Nullable String type, @Nullable String location, @Nullable String secretRef) {
            this(type, location, secretRef, Map.of());
        }

        /** A connector-specific setting (e.g. {@code hostKeyFingerprint}, {@code scope}), or null. */
        @Nullable
        public String option(String name) {
            return options.get(name);
        }
    }

    /**
     * Our own database.
     *
     * @param instance a configured instance name ({@code cdt.ours.instances})
     * @param customerKey the district's key in our database ({@code :customer} in the mapping)
     */
    @Serdeable
    public record Ours(@Nullable String instance, @Nullable String customerKey) {
    }

    /** How old a cached snapshot may be, per side, before a run fetches a fresh one. */
    @Serdeable
    public record SnapshotTtl(@Nullable Integer sis, @Nullable Integer ours) {
    }
}
