package com.bookmarked.cdt.connector.ftp;

import java.time.Duration;

/**
 * How long CDT waits on a district's server: to connect (and finish the TLS or SSH handshake
 * and the login), and for each read once connected (a listing, each block of a download).
 */
public record FileServerTimeouts(Duration connect, Duration read) {

    public static final FileServerTimeouts DEFAULT = new FileServerTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(60));

    public FileServerTimeouts {
        if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    int connectMillis() {
        return (int) Math.min(Integer.MAX_VALUE, connect.toMillis());
    }

    int readMillis() {
        return (int) Math.min(Integer.MAX_VALUE, read.toMillis());
    }

    /** "20 seconds", for messages. */
    static String describe(Duration d) {
        long s = d.toSeconds();
        return s == 0 ? d.toMillis() + " ms" : s == 1 ? "1 second" : s + " seconds";
    }
}
