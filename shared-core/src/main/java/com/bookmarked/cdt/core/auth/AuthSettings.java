package com.bookmarked.cdt.core.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * {@code cdt.auth.*}: who may issue tokens, for which audience, with which keys, and where the
 * roles are. Keys come either inline ({@code jwks}, a JWKS JSON document) or from
 * {@code jwks-url} (fetched and cached).
 */
@ConfigurationProperties("cdt.auth")
public class AuthSettings {

    private String issuer;
    private String audience;
    private String jwks;
    private String jwksUrl;
    private List<String> publicPaths = List.of();
    private List<String> rolesClaims = List.of("cdt:roles", "cognito:groups");

    @Nullable
    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(@Nullable String issuer) {
        this.issuer = issuer;
    }

    @Nullable
    public String getAudience() {
        return audience;
    }

    public void setAudience(@Nullable String audience) {
        this.audience = audience;
    }

    @Nullable
    public String getJwks() {
        return jwks;
    }

    public void setJwks(@Nullable String jwks) {
        this.jwks = jwks;
    }

    @Nullable
    public String getJwksUrl() {
        return jwksUrl;
    }

    public void setJwksUrl(@Nullable String jwksUrl) {
        this.jwksUrl = jwksUrl;
    }

    /** Paths under /api that need no token besides /api/health: exact, or a prefix ending in {@code /**}. */
    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }

    /** Claims that hold roles, read in order and merged. */
    public List<String> getRolesClaims() {
        return rolesClaims;
    }

    public void setRolesClaims(List<String> rolesClaims) {
        this.rolesClaims = rolesClaims == null ? List.of() : List.copyOf(rolesClaims);
    }
}
