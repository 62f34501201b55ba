package com.bookmarked.cdt.core.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks bearer tokens: RS256 signatures only (so {@code alg: none} and HMAC tricks with the
 * public key fail), the configured issuer and audience, and expiry with at most
 * {@value #MAX_SKEW_SECONDS} s of clock skew. Roles are read from the configured claims.
 */
@Singleton
public class JwtVerifier {

    public static final int MAX_SKEW_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(JwtVerifier.class);

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final List<String> rolesClaims;

    public JwtVerifier(AuthSettings settings) {
        this.rolesClaims = settings.getRolesClaims();
        JWKSource<SecurityContext> keys = keys(settings);
        if (keys == null || blank(settings.getIssuer()) || blank(settings.getAudience())) {
            LOG.warn("cdt.auth is incomplete (issuer, audience and jwks or jwks-url are needed): every token will be refused");
            this.processor = null;
            return;
        }
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                Set.of(settings.getAudience()),
                new JWTClaimsSet.Builder().issuer(settings.getIssuer()).build(),
                Set.of("exp", "iss", "aud"),
                null);
        claims.setMaxClockSkew(MAX_SKEW_SECONDS);
        p.setJWTClaimsSetVerifier(claims);
        this.processor = p;
    }

    public SignedInUser verify(String token) throws TokenRejectedException {
        if (processor == null) {
            throw new TokenRejectedException("Sign-in is not set up on this server.", "no keys, issuer or audience configured");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ExpiredJWTException e) {
            throw new TokenRejectedException("Your sign-in has expired. Sign in again.", "expired");
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw new TokenRejectedException("The sign-in token is not valid. Sign in again.", e.getClass().getSimpleName()
                    + ": " + e.getMessage());
        }
        String username = firstString(claims, "cognito:username", "sub");
        if (username == null) {
            throw new TokenRejectedException("The sign-in token names no user. Sign in again.", "no sub or cognito:username");
        }
        return new SignedInUser(username, firstString(claims, "name"), roles(claims));
    }

    private List<String> roles(JWTClaimsSet claims) {
        Set<String> roles = new LinkedHashSet<>();
        for (String claim : rolesClaims) {
            Object value = claims.getClaim(claim);
            if (value instanceof Collection<?> list) {
                list.forEach(v -> addRole(roles, String.valueOf(v)));
            } else if (value instanceof String s) {
                for (String part : s.split("[,\\s]+")) {
                    addRole(roles, part);
                }
            }
        }
        return new ArrayList<>(roles);
    }

    private static void addRole(Set<String> roles, String role) {
        String r = role.trim().toLowerCase(Locale.ROOT);
        if (!r.isEmpty()) {
            roles.add(r);
        }
    }

    private static String firstString(JWTClaimsSet claims, String... names) {
        for (String name : names) {
            if (claims.getClaim(name) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    private static JWKSource<SecurityContext> keys(AuthSettings settings) {
        try {
            if (!blank(settings.getJwks())) {
                return new ImmutableJWKSet<>(JWKSet.parse(settings.getJwks()).toPublicJWKSet());
            }
            if (!blank(settings.getJwksUrl())) {
                return JWKSourceBuilder.create(URI.create(settings.getJwksUrl()).toURL()).retrying(true).build();
            }
        } catch (ParseException | MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("cdt.auth.jwks / jwks-url cannot be read: " + e.getMessage(), e);
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
