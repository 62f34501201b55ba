package com.bookmarked.cdt.connector.oneroster;

import java.io.IOException;

/**
 * The export cannot be imported at all (no manifest, an unsupported version, a missing required
 * column). The message names the file and what is wrong, for the agent to pass on.
 */
public class OneRosterFormatException extends IOException {

    public OneRosterFormatException(String message) {
        super(message);
    }
}
