package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.connector.oneroster.rest.SisApiException.Kind;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * OAuth 2.0 client credentials (RFC 6749 section 4.4), as OneRoster 1.2 requires: a token asked
 * for with the configured scopes, kept until shortly before it expires (a tenth of its life, at
 * most a minute, at least five seconds), shared by parallel page fetches, and asked for again once
 * when the SIS answers 401 to it (an expired or revoked token).
 */
public final class ClientCredentialsToken implements Authorizer {

    /** How the client proves itself to the token endpoint. */
    public enum ClientAuth { BASIC, FORM }

    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);

    private final SisHttp http;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final ClientAuth clientAuth;
    private final Ticker ticker;

    private String token;
    private Instant renewAt = Instant.MIN;
    private String grantedScope;
    private int tokensFetched;

    public ClientCredentialsToken(SisHttp http, URI tokenUrl, String clientId, String clientSecret, String scope,
                                  ClientAuth clientAuth, Ticker ticker) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.clientAuth = clientAuth;
        this.ticker = ticker;
    }

    @Override
    public String authorize(String method, URI uri) throws SisApiException {
        return "Bearer " + current();
    }

    /** The token to use now: the kept one, or a new one when there is none or it is about to expire. */
    public synchronized String current() throws SisApiException {
        if (token == null || !ticker.now().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    @Override
    public synchronized boolean renewAfterRejection(String header) {
        if (token != null && header.equals("Bearer " + token)) {
            token = null;
        }
        return true;
    }

    @Override
    public String refusal(SisName name) {
        return name.subject() + " refused the access token its token endpoint gave CDT (401), even after a fresh sign-in:"
                + " ask the district to check that CDT's client may read the roster.";
    }

    /** The scopes the token endpoint granted (may be fewer than asked for), or null when it did not say. */
    public synchronized String grantedScope() {
        return grantedScope;
    }

    public synchronized int tokensFetched() {
        return tokensFetched;
    }

    private void fetch() throws SisApiException {
        SisName name = http.name();
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (scope != null && !scope.isBlank()) {
            form.append("&scope=").append(OAuth1Signature.encode(scope.trim()));
        }
        if (clientAuth == ClientAuth.FORM) {
            form.append("&client_id=").append(OAuth1Signature.encode(clientId))
                    .append("&client_secret=").append(OAuth1Signature.encode(clientSecret));
        }
        String body = form.toString();
        SisHttp.Response r = http.send(() -> {
            HttpRequest.Builder b = http.request(tokenUrl)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (clientAuth == ClientAuth.BASIC) {
                // RFC 6749 2.3.1: id and secret are form-encoded before they are joined
                String pair = OAuth1Signature.encode(clientId) + ":" + OAuth1Signature.encode(clientSecret);
                b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            return b.build();
        }, "a sign-in at the token endpoint");
        String code = Json.errorCode(r.body());
        if (r.status() == 401 || "invalid_client".equals(code) || "unauthorized_client".equals(code)) {
            // a 401 says it all; a 400 needs its OAuth error code to be understood
            throw new SisApiException(Kind.REFUSED, r.status(), name.subject() + " refused the client secret (" + r.status()
                    + (code == null || r.status() == 401 ? "" : " " + code) + "): update the secret in settings"
                    + " (the client id and secret must be the pair the district issued to CDT).");
        }
        if ("invalid_scope".equals(code)) {
            throw new SisApiException(Kind.FORBIDDEN, name.subject() + "'s token endpoint refused the scope CDT asked for ("
                    + r.status() + " invalid_scope): ask the district to allow \"" + scope
                    + "\" for CDT's client, or change options.scope in settings.");
        }
        if (r.status() == 404) {
            throw new SisApiException(Kind.NOT_FOUND, name.subject() + " has no token endpoint at " + tokenUrl.getPath()
                    + " (404): check options.tokenUrl in settings.");
        }
        if (!r.ok()) {
            throw new SisApiException(Kind.REJECTED, name.subject() + "'s token endpoint answered " + r.status()
                    + (code == null ? "" : " " + code) + " when CDT signed in; check options.tokenUrl and the secret in settings.");
        }
        JsonNode answer = Json.tree(r.body());
        String accessToken = answer == null ? null : answer.path("access_token").asText(null);
        String type = answer == null ? null : answer.path("token_type").asText("bearer");
        if (accessToken == null || accessToken.isBlank() || !"bearer".equals(type.toLowerCase(Locale.ROOT))) {
            throw new SisApiException(Kind.NOT_ONEROSTER, name.subject() + "'s token endpoint answered something that is not"
                    + " an OAuth bearer token; check options.tokenUrl in settings.");
        }
        Duration life = answer.path("expires_in").canConvertToLong() && answer.path("expires_in").asLong() > 0
                ? Duration.ofSeconds(answer.path("expires_in").asLong()) : DEFAULT_LIFETIME;
        Duration margin = Duration.ofMillis(Math.max(5_000, Math.min(60_000, life.toMillis() / 10)));
        token = accessToken;
        renewAt = ticker.now().plus(life.compareTo(margin) > 0 ? life.minus(margin) : Duration.ZERO);
        grantedScope = answer.path("scope").isTextual() ? answer.get("scope").asText() : null;
        tokensFetched++;
    }

    @Override
    public String toString() {
        return "ClientCredentialsToken[" + tokenUrl + ", client " + clientId + "]";
    }
}
