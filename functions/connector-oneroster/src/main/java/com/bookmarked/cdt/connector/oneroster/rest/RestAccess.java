package com.bookmarked.cdt.connector.oneroster.rest;

import java.net.URI;

/**
 * How CDT signs in to a OneRoster API. Secret parts are never printed: {@code toString} hides them.
 */
public sealed interface RestAccess {

    /** The authorizer for one open connection (a token is shared by the pages of one fetch). */
    Authorizer authorizer(SisHttp http, Ticker ticker);

    /** How CDT signs in, in words (no secret). */
    String describe();

    /** OAuth 1.0a signatures with HMAC-SHA256 (OneRoster 1.1, ClassLink Roster Server). */
    record OAuth1(String clientId, String clientSecret) implements RestAccess {
        @Override
        public Authorizer authorizer(SisHttp http, Ticker ticker) {
            return new OAuth1Signature(clientId, clientSecret, ticker);
        }

        @Override
        public String describe() {
            return "OAuth 1.0a signatures (HMAC-SHA256) with client id " + clientId;
        }

        @Override
        public String toString() {
            return "OAuth1[clientId=" + clientId + ", secret hidden]";
        }
    }

    /** OAuth 2.0 client credentials at a token endpoint, with scopes (OneRoster 1.2). */
    record OAuth2(URI tokenUrl, String clientId, String clientSecret, String scope,
                  ClientCredentialsToken.ClientAuth clientAuth) implements RestAccess {
        @Override
        public Authorizer authorizer(SisHttp http, Ticker ticker) {
            return new ClientCredentialsToken(http, tokenUrl, clientId, clientSecret, scope, clientAuth, ticker);
        }

        @Override
        public String describe() {
            return "OAuth 2.0 client credentials with client id " + clientId
                    + (scope == null || scope.isBlank() ? "" : " and scope \"" + scope + "\"");
        }

        @Override
        public String toString() {
            return "OAuth2[" + tokenUrl + ", clientId=" + clientId + ", scope=" + scope + ", secret hidden]";
        }
    }

    /** A fixed bearer token (ClassLink's OneRoster proxy). */
    record Bearer(String token) implements RestAccess {
        @Override
        public Authorizer authorizer(SisHttp http, Ticker ticker) {
            return new BearerToken(token);
        }

        @Override
        public String describe() {
            return "a bearer token";
        }

        @Override
        public String toString() {
            return "Bearer[hidden]";
        }
    }
}
