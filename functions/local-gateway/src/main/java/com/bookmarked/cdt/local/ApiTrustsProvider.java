package com.bookmarked.cdt.local;

import com.bookmarked.cdt.core.auth.AuthSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * With {@code cdt.web.auth.issuer} set, points the API's token checks ({@code cdt.auth.*}) at the
 * identity provider: its issuer, the expected audience, and its keys from discovery's
 * {@code jwks_uri}. This replaces the dev login's key, so no dev token is accepted in that mode.
 */
@Singleton
@Requires(property = HostedSignIn.ISSUER)
final class ApiTrustsProvider implements BeanCreatedEventListener<AuthSettings> {

    private final HostedSignIn signIn;

    ApiTrustsProvider(HostedSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public AuthSettings onCreated(BeanCreatedEvent<AuthSettings> event) {
        if (signIn.getClientId() == null || signIn.getClientId().isBlank()) {
            throw new IllegalStateException("Signing in at an identity provider needs its client id for this app "
                    + "(--oidc-client-id or " + HostedSignIn.CLIENT_ID + ").");
        }
        ProviderDiscovery.Provider provider = ProviderDiscovery.read(signIn.getIssuer());
        AuthSettings settings = event.getBean();
        settings.setIssuer(provider.issuer());
        settings.setAudience(signIn.expectedAudience());
        settings.setJwks(null);
        settings.setJwksUrl(provider.jwksUri());
        return settings;
    }
}
