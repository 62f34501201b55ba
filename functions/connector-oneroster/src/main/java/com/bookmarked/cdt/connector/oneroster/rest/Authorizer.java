package com.bookmarked.cdt.connector.oneroster.rest;

import java.net.URI;

/** Puts the credentials on each request: an OAuth 1.0a signature, or a bearer token. */
public interface Authorizer {

    /** The {@code Authorization} header for this request. */
    String authorize(String method, URI uri) throws SisApiException;

    /**
     * After a 401 to a request that carried {@code header}: whether one more try is worth it
     * (a token that may have expired is dropped, so the next try gets a new one).
     */
    default boolean renewAfterRejection(String header) {
        return false;
    }

    /** What an agent reads when the SIS refuses these credentials (401). */
    String refusal(SisName name);
}
