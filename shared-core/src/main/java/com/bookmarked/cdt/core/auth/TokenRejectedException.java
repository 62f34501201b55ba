package com.bookmarked.cdt.core.auth;

/**
 * A token that cannot be trusted. {@link #getMessage()} is safe to show ("the sign-in has
 * expired"); {@link #reason()} is the technical reason for the logs, without the token.
 */
public class TokenRejectedException extends Exception {

    private final String reason;

    public TokenRejectedException(String message, String reason) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
