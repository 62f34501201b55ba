package com.bookmarked.cdt.connector.ftp;

import java.time.Instant;

/**
 * A file in the district's folder as the server lists it.
 *
 * @param size bytes, or -1 when the server did not say
 * @param modified when it was last written, or null when the server did not say
 */
public record RemoteFile(String name, long size, Instant modified) {
}
