package com.bookmarked.cdt.core.roster;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * One of a user's roles at one org, as OneRoster 1.2's roles.csv gives them (a teacher at one
 * school and an administrator at another). A 1.1 export says a user's role once, in the user.
 *
 * @param roleName the role as the source wrote it (e.g. {@code principal}), which {@code role} folds
 * @param primary whether this is the user's primary role ({@code roleType} primary)
 */
public record UserRole(
        @Nullable String orgSourcedId,
        RoleType role,
        @Nullable String roleName,
        boolean primary,
        @Nullable LocalDate beginDate,
        @Nullable LocalDate endDate,
        RecordStatus status) {

    public UserRole {
        status = status == null ? RecordStatus.ACTIVE : status;
    }
}
