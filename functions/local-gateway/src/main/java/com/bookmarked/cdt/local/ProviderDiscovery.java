package com.bookmarked.cdt.local;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/**
 * Reads an identity provider's discovery document ({@code /.well-known/openid-configuration}) for
 * what the API needs to verify its tokens: the exact issuer and where its signing keys are.
 */
final class ProviderDiscovery {

    static final String WELL_KNOWN = "/.well-known/openid-configuration";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What the API takes from discovery. */
    record Provider(String issuer, String jwksUri) {
    }

    private ProviderDiscovery() {
    }

    static Provider read(String issuer) {
        URI base = secureUri(issuer, "The identity provider address (" + issuer + ")");
        URI document = URI.create(issuer.replaceAll("/+$", "") + WELL_KNOWN);
        String body;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(document).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The identity provider's discovery document " + document
                        + " answered " + response.statusCode() + "; check the issuer address.");
            }
            body = response.body();
        } catch (IOException e) {
            throw new IllegalStateException("The identity provider could not be reached at " + document + " ("
                    + e.getClass().getSimpleName() + "); check the issuer address and that the provider is running.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + document, e);
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("The identity provider's discovery document " + document + " is not JSON.", e);
        }
        // OIDC Discovery §4.3: the document must name the issuer it was fetched for; tokens carry it verbatim.
        Object named = json.get("issuer");
        if (!(named instanceof String declared) || !stripSlash(declared).equals(stripSlash(base.toString()))) {
            throw new IllegalStateException("The identity provider at " + issuer + " calls itself \"" + named
                    + "\"; the issuer option must be exactly the provider's issuer.");
        }
        if (!(json.get("jwks_uri") instanceof String jwks) || jwks.isBlank()) {
            throw new IllegalStateException("The identity provider's discovery document " + document
                    + " has no jwks_uri, so its tokens cannot be verified.");
        }
        secureUri(jwks, "The identity provider's key address (jwks_uri " + jwks + ")");
        return new Provider(declared, jwks);
    }

    /** https, or http on this computer only (a test provider): keys fetched in clear text could be swapped. */
    static URI secureUri(String value, String what) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not a URL.", e);
        }
        String host = uri.getHost();
        boolean loopback = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new IllegalStateException(what + " must use https (http is accepted on this computer only).");
        }
        return uri;
    }

    private static String stripSlash(String s) {
        return s.replaceAll("/+$", "");
    }
}
