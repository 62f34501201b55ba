package com.bookmarked.cdt.connector.ftp;

import java.io.IOException;

/**
 * A step of reaching the district's file server failed, for a reason the agent can act on. The
 * message is written for the agent and never holds a secret; {@link #check} names the step (the
 * connection test's check), and {@link #status} is the HTTP status a run failure maps to:
 * 422 when the settings or the district must change something, 503 when trying again may help.
 */
public class FileServerException extends IOException {

    private final String check;
    private final int status;

    public FileServerException(String check, String message, int status) {
        super(message);
        this.check = check;
        this.status = status;
    }

    public FileServerException(String check, String message, int status, Throwable cause) {
        super(message, cause);
        this.check = check;
        this.status = status;
    }

    /** Settings, credentials, keys and files the district must fix: trying again will not help. */
    static FileServerException fix(String check, String message) {
        return new FileServerException(check, message, 422);
    }

    /** The server could not be reached or broke off: it may work in a while. */
    static FileServerException retry(String check, String message, Throwable cause) {
        return new FileServerException(check, message, 503, cause);
    }

    public String check() {
        return check;
    }

    public int status() {
        return status;
    }
}
