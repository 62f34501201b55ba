package com.bookmarked.cdt.local;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code cdt.web.auth.*}: sign-in through an OpenID Connect identity provider instead of the dev
 * login, so that the AWS sign-in flow can be tried locally ({@code cdt serve --oidc-issuer …}).
 * When {@code issuer} is set, {@code /config.json} names the provider, the API trusts only its
 * tokens ({@link ApiTrustsProvider}) and {@code /api/dev/login} does not exist.
 */
@ConfigurationProperties(HostedSignIn.PREFIX)
public class HostedSignIn {

    static final String PREFIX = "cdt.web.auth";
    static final String ISSUER = PREFIX + ".issuer";
    static final String CLIENT_ID = PREFIX + ".client-id";
    static final String AUDIENCE = PREFIX + ".audience";
    static final String SCOPE = PREFIX + ".scope";
    /** offline_access asks for a refresh token; Cognito refuses that scope and needs "openid profile". */
    static final String DEFAULT_SCOPE = "openid profile offline_access";

    private String issuer;
    private String clientId;
    private String audience;
    private String scope = DEFAULT_SCOPE;

    /** True when the gateway signs people in at the identity provider. */
    public boolean isOn() {
        return issuer != null && !issuer.isBlank();
    }

    @Nullable
    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(@Nullable String issuer) {
        this.issuer = issuer;
    }

    @Nullable
    public String getClientId() {
        return clientId;
    }

    public void setClientId(@Nullable String clientId) {
        this.clientId = clientId;
    }

    /** The {@code aud} the API expects in access tokens; null: the client id. */
    @Nullable
    public String getAudience() {
        return audience;
    }

    public void setAudience(@Nullable String audience) {
        this.audience = audience;
    }

    /** The audience the API checks: the one configured, else the client id. */
    String expectedAudience() {
        return audience == null || audience.isBlank() ? clientId : audience;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(@Nullable String scope) {
        this.scope = scope == null || scope.isBlank() ? DEFAULT_SCOPE : scope.trim();
    }
}
