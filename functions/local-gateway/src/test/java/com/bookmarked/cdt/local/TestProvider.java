package com.bookmarked.cdt.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A real HTTP identity provider on 127.0.0.1 for the gateway's tests: discovery and JWKS only (the
 * browser's side of sign-in is proven by the web app's end-to-end spec). Records the paths asked.
 */
final class TestProvider implements AutoCloseable {

    final List<String> calls = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final RSAKey key = newKey();
    /** What discovery says the issuer is; the test may make it lie. */
    volatile String declaredIssuer;

    TestProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        declaredIssuer = issuer();
        server.createContext("/", this::answer);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realm";
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        calls.add(path);
        String body;
        if (path.equals("/realm/.well-known/openid-configuration")) {
            body = "{\"issuer\":\"" + declaredIssuer + "\",\"authorization_endpoint\":\"" + issuer() + "/authorize\","
                    + "\"token_endpoint\":\"" + issuer() + "/token\",\"jwks_uri\":\"" + issuer() + "/jwks\"}";
        } else if (path.equals("/realm/jwks")) {
            body = new JWKSet(key.toPublicJWK()).toString();
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** An access token as the provider issues it; {@code edit} changes claims before signing. */
    String token(String subject, String audience, List<String> roles, Consumer<JWTClaimsSet.Builder> edit) {
        return sign(key, subject, audience, roles, edit);
    }

    /** The same, signed by a key the provider never published. */
    static String forged(String issuer, String subject, String audience, List<String> roles) {
        return sign(newKey(), subject, audience, roles, c -> c.issuer(issuer));
    }

    private static String sign(RSAKey key, String subject, String audience, List<String> roles,
                               Consumer<JWTClaimsSet.Builder> edit) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("cdt:roles", roles).claim("name", "Ana Núñez");
        edit.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
