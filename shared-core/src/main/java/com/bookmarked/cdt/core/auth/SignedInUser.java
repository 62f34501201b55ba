package com.bookmarked.cdt.core.auth;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Who made the request, from a verified token. Controllers take it as a parameter.
 *
 * @param roles lower-case, e.g. {@code agent}, {@code engineer}, {@code admin}
 */
@Serdeable
public record SignedInUser(String username, List<String> roles) {

    /** The request attribute under which the filter leaves the user. */
    public static final String ATTRIBUTE = "cdt.signed-in-user";

    public SignedInUser {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
