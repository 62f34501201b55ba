package com.bookmarked.cdt.core.roster;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person in a roster: student, staff member or guardian.
 *
 * @param sourcedId key in the source (our {@code student_key}/{@code staff_key}/{@code guardian_key} on our side)
 * @param sisId the SIS sourcedId this record is linked to (our {@code sis_id}; equals sourcedId on the SIS side)
 * @param identifier the district's local number (student number)
 * @param orgSourcedIds the campuses the person belongs to (first one is the primary campus)
 * @param agentSourcedIds guardians of a student, or students of a guardian
 */
public record RosterUser(
        String sourcedId,
        @Nullable String sisId,
        RoleType role,
        @Nullable String identifier,
        @Nullable String givenName,
        @Nullable String familyName,
        @Nullable String email,
        @Nullable String username,
        List<String> grades,
        List<String> orgSourcedIds,
        List<String> agentSourcedIds,
        @Nullable LocalDate birthDate,
        boolean enabled,
        RecordStatus status,
        @Nullable Instant dateLastModified) {

    public RosterUser {
        grades = grades == null ? List.of() : List.copyOf(grades);
        orgSourcedIds = orgSourcedIds == null ? List.of() : List.copyOf(orgSourcedIds);
        agentSourcedIds = agentSourcedIds == null ? List.of() : List.copyOf(agentSourcedIds);
        status = status == null ? RecordStatus.ACTIVE : status;
    }

    /** Active in the sense support agents mean: enabled and not marked for deletion. */
    public boolean isActive() {
        return enabled && status == RecordStatus.ACTIVE;
    }

    @Nullable
    public String primaryOrg() {
        return orgSourcedIds.isEmpty() ? null : orgSourcedIds.get(0);
    }

    @Nullable
    public String grade() {
        return grades.isEmpty() ? null : grades.get(0);
    }
}
