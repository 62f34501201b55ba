package com.bookmarked.cdt.connector.oneroster.rest;

import java.io.IOException;

/**
 * The SIS's API could not give CDT what it asked for. The message is written for a support agent
 * ("The SIS refused the client secret (401): update the secret in settings.") and holds no
 * secret, token or roster value; {@link #kind()} lets callers react without parsing words.
 */
public class SisApiException extends IOException {

    /** What went wrong, broadly. */
    public enum Kind {
        /** The credentials were refused (401, invalid_client). */
        REFUSED,
        /** The credentials were accepted but this data is not allowed (403, invalid_scope). */
        FORBIDDEN,
        /** The endpoint does not exist (404): wrong location or version. */
        NOT_FOUND,
        /** The SIS kept answering 429, or asked for a longer wait than CDT gives it. */
        RATE_LIMITED,
        /** The SIS kept failing (5xx) or timing out. */
        UNAVAILABLE,
        /** The SIS could not be reached at all (unknown host, refused connection, TLS). */
        UNREACHABLE,
        /** The SIS answered something that is not OneRoster JSON. */
        NOT_ONEROSTER,
        /** Any other answer CDT cannot use (an unexpected 4xx). */
        REJECTED
    }

    private final Kind kind;
    private final int status;

    public SisApiException(Kind kind, String message) {
        this(kind, 0, message);
    }

    /** @param status the HTTP status the SIS answered, 0 when there was no answer */
    public SisApiException(Kind kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    public SisApiException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = 0;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status behind the failure, 0 when the SIS gave none. */
    public int status() {
        return status;
    }
}
