package com.bookmarked.cdt.core.auth;

import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Who made the request, from a verified token. Controllers take it as a parameter.
 *
 * @param name how to greet the user: the token's {@code name} claim, else the username
 * @param roles lower-case, e.g. {@code agent}, {@code engineer}, {@code admin}
 */
@Serdeable
public record SignedInUser(String username, String name, List<String> roles) {

    /** The request attribute under which the filter leaves the user. */
    public static final String ATTRIBUTE = "cdt.signed-in-user";

    @Creator
    public SignedInUser {
        name = name == null || name.isBlank() ? username : name;
        roles = List.copyOf(roles);
    }

    /** A user whose token carries no display name. */
    public SignedInUser(String username, List<String> roles) {
        this(username, username, roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
