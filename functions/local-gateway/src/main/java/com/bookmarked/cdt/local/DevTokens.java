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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local gateway's own sign-in: three fixed development users and a key made at start-up.
 * Exists only in this module, so no Lambda ever carries it.
 */
final class DevTokens {

    static final String ISSUER = "cdt-local";
    static final String AUDIENCE = "cdt";
    private static final Duration LIFETIME = Duration.ofHours(8);

    /** username → roles; each user's password is its own name. */
    private static final Map<String, List<String>> USERS = Map.of(
            "agent", List.of("agent"),
            "engineer", List.of("engineer"),
            "admin", List.of("admin"));

    private final RSAKey key;
    private final Clock clock;

    DevTokens(Clock clock) {
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make the local signing key", e);
        }
    }

    /** The public half, as the JWKS the verifier is configured with. */
    String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    record Issued(String token, String username, List<String> roles, Instant expiresAt) {
    }

    Optional<Issued> signIn(String username, String password) {
        List<String> roles = username == null ? null : USERS.get(username);
        if (roles == null || !username.equals(password)) {
            return Optional.empty();
        }
        return Optional.of(issue(username, roles));
    }

    Issued issue(String username, List<String> roles) {
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(username)
                .issueTime(Date.from(now)).expirationTime(Date.from(expires))
                // local users have no other name; /api/me reads it from here as it would from an identity provider
                .claim("name", username)
                .claim("cdt:roles", roles).jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a local token", e);
        }
        return new Issued(jwt.serialize(), username, roles, expires);
    }
}
