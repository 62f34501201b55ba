package com.bookmarked.cdt.core.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens for tests: one RSA key per JVM, its JWKS, the matching {@code cdt.auth.*} settings, and
 * minting with whatever claims a test needs (including broken tokens).
 *
 * <pre>{@code
 * ApplicationContext.run(TestTokens.authProperties());
 * String token = TestTokens.token("agent1", "agent");
 * String expired = TestTokens.builder().subject("x").expiresIn(Duration.ofMinutes(-5)).build();
 * }</pre>
 */
public final class TestTokens {

    public static final String ISSUER = "https://cdt.test/issuer";
    public static final String AUDIENCE = "cdt-test";
    private static final RSAKey KEY = generate("cdt-test-key");
    private static final RSAKey OTHER_KEY = generate("cdt-test-key");

    private TestTokens() {
    }

    /** The signing key (with its private part). */
    public static RSAKey key() {
        return KEY;
    }

    /** A different key with the same key id, as an attacker's would be. */
    public static RSAKey otherKey() {
        return OTHER_KEY;
    }

    /** The public JWKS that verifies tokens from {@link #key()}. */
    public static String jwksJson() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    /** {@code cdt.auth.issuer}, {@code cdt.auth.audience} and {@code cdt.auth.jwks} for this key. */
    public static Map<String, Object> authProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("cdt.auth.issuer", ISSUER);
        p.put("cdt.auth.audience", AUDIENCE);
        p.put("cdt.auth.jwks", jwksJson());
        return p;
    }

    /** A valid token for an hour, roles in the {@code cdt:roles} claim. */
    public static String token(String username, String... roles) {
        return builder().subject(username).roles(roles).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Assembles a token; every default is valid, so a test changes only what it is about. */
    public static final class Builder {
        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject("tester");
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        private RSAKey signingKey = KEY;

        public Builder subject(String value) { claims.subject(value); return this; }
        public Builder issuer(String value) { claims.issuer(value); return this; }
        public Builder audience(String value) { claims.audience(value); return this; }
        public Builder noAudience() { claims.audience((String) null); return this; }
        public Builder roles(String... values) { claims.claim("cdt:roles", Arrays.asList(values)); return this; }
        public Builder claim(String name, Object value) { claims.claim(name, value); return this; }
        public Builder expiresIn(Duration d) { expiresAt = Instant.now().plus(d); return this; }
        public Builder noExpiry() { expiresAt = null; return this; }
        public Builder signedWith(RSAKey key) { signingKey = key; return this; }

        public JWTClaimsSet claims() {
            return claims.issueTime(new Date()).expirationTime(expiresAt == null ? null : Date.from(expiresAt)).build();
        }

        /** RS256-signed. */
        public String build() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims());
                jwt.sign(new RSASSASigner(signingKey));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** {@code alg: none}: no signature at all. */
        public String buildUnsigned() {
            return new PlainJWT(claims()).serialize();
        }

        /** HS256 with the public key's bytes as the HMAC secret (the classic algorithm confusion). */
        public String buildHs256WithPublicKey() {
            try {
                byte[] secret = KEY.toPublicJWK().toRSAPublicKey().getEncoded();
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(), claims());
                jwt.sign(new MACSigner(secret));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

}
