package com.bookmarked.cdt.core.roster;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * A OneRoster org: the district or one of its schools (a campus).
 *
 * @param sourcedId key of the org in the source that produced the snapshot (our {@code campus_key} on our side)
 * @param sisId the SIS sourcedId this org corresponds to ({@code sis_org_id} on our side; equals sourcedId on the SIS side)
 * @param extensions columns the source had beyond the model, by name
 */
public record Org(
        String sourcedId,
        @Nullable String sisId,
        @Nullable String name,
        OrgType type,
        @Nullable String identifier,
        @Nullable String parentSourcedId,
        RecordStatus status,
        Map<String, String> extensions) {

    public Org {
        extensions = Extensions.copyOf(extensions);
    }

    public Org(String sourcedId, @Nullable String sisId, @Nullable String name, OrgType type, @Nullable String identifier,
               @Nullable String parentSourcedId, RecordStatus status) {
        this(sourcedId, sisId, name, type, identifier, parentSourcedId, status, Map.of());
    }

    public enum OrgType { DISTRICT, SCHOOL, OTHER }

    public boolean isCampus() {
        return type == OrgType.SCHOOL;
    }
}
