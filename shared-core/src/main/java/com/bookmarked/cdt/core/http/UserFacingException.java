package com.bookmarked.cdt.core.http;

/**
 * An error whose message is written for a support agent: the HTTP layer answers it as
 * problem+json with its status, and a run that fails with it shows the message as its error.
 * Connectors and tools throw it (or a subclass) when they know what went wrong in the
 * district's terms; anything else is treated as an internal error and its text is hidden.
 */
public class UserFacingException extends RuntimeException {

    private final int status;
    private final String title;

    public UserFacingException(String title, String detail, int status) {
        super(detail);
        this.title = title;
        this.status = status;
    }

    public UserFacingException(String title, String detail, int status, Throwable cause) {
        super(detail, cause);
        this.title = title;
        this.status = status;
    }

    /** A failure the agent can act on, e.g. "the SIS refused the password" (HTTP 422). */
    public UserFacingException(String detail) {
        this("The request could not be completed", detail, 422);
    }

    public UserFacingException(String detail, Throwable cause) {
        this("The request could not be completed", detail, 422, cause);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The agent-readable explanation. */
    public String detail() {
        return getMessage();
    }
}
