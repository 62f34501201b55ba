package com.bookmarked.cdt.core.roster;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A person in a roster: student, staff member or guardian.
 *
 * @param sourcedId key in the source (our {@code student_key}/{@code staff_key}/{@code guardian_key} on our side)
 * @param sisId the SIS sourcedId this record is linked to (our {@code sis_id}; equals sourcedId on the SIS side)
 * @param identifier the district's local number (student number)
 * @param orgSourcedIds the campuses the person belongs to (first one is the primary campus)
 * @param agentSourcedIds guardians of a student, or students of a guardian
 * @param preferredGivenName the name the person goes by, when the source has one (OneRoster 1.2)
 * @param userMasterIdentifier the person's id across the district's systems (OneRoster 1.2), e.g. a state id
 * @param roles the user's roles per org as OneRoster 1.2's roles.csv gives them; empty when the source says
 *              the role once ({@code role} and {@code orgSourcedIds} always hold the primary role and orgs)
 * @param extensions columns the source had beyond the model, by name
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
        @Nullable Instant dateLastModified,
        @Nullable String middleName,
        @Nullable String preferredGivenName,
        @Nullable String preferredMiddleName,
        @Nullable String preferredFamilyName,
        @Nullable String userMasterIdentifier,
        List<UserRole> roles,
        Map<String, String> extensions) {

    public RosterUser {
        grades = grades == null ? List.of() : List.copyOf(grades);
        orgSourcedIds = orgSourcedIds == null ? List.of() : List.copyOf(orgSourcedIds);
        agentSourcedIds = agentSourcedIds == null ? List.of() : List.copyOf(agentSourcedIds);
        status = status == null ? RecordStatus.ACTIVE : status;
        roles = roles == null ? List.of() : List.copyOf(roles);
        extensions = Extensions.copyOf(extensions);
    }

    public RosterUser(String sourcedId, @Nullable String sisId, RoleType role, @Nullable String identifier,
                      @Nullable String givenName, @Nullable String familyName, @Nullable String email,
                      @Nullable String username, List<String> grades, List<String> orgSourcedIds,
                      List<String> agentSourcedIds, @Nullable LocalDate birthDate, boolean enabled, RecordStatus status,
                      @Nullable Instant dateLastModified) {
        this(sourcedId, sisId, role, identifier, givenName, familyName, email, username, grades, orgSourcedIds,
                agentSourcedIds, birthDate, enabled, status, dateLastModified, null, null, null, null, null, List.of(),
                Map.of());
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
