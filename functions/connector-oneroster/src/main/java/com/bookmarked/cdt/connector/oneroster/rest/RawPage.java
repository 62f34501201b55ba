package com.bookmarked.cdt.connector.oneroster.rest;

import java.net.URI;

/**
 * One page as the SIS sent it, before it is read.
 *
 * @param offset the offset asked for (0 when the page came from a next link whose offset is unknown)
 * @param total {@code X-Total-Count}, or null when the SIS did not send it
 * @param next the {@code Link: <…>; rel="next"} target, or null
 */
record RawPage(RosterCollection collection, int offset, Integer total, URI next, byte[] body) {
}
