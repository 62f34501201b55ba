package com.bookmarked.cdt.connector.oneroster.rest;

import java.net.URI;

/** A fixed bearer token, as ClassLink's OneRoster proxy hands out in its developer console. */
public final class BearerToken implements Authorizer {

    private final String header;

    public BearerToken(String token) {
        this.header = "Bearer " + token;
    }

    @Override
    public String authorize(String method, URI uri) {
        return header;
    }

    @Override
    public String refusal(SisName name) {
        return name.subject() + " refused the access token (401): update the secret in settings.";
    }

    @Override
    public String toString() {
        return "BearerToken[hidden]";
    }
}
