package com.bookmarked.cdt.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code GET /config.json}: how the web app signs in, read before the sign-in screen shows. By
 * default the dev login; with {@code cdt.web.auth.issuer} ({@link HostedSignIn}) the identity
 * provider, as the file deployed next to the app in AWS says. Outside {@code /api/**}, so it
 * needs no token.
 */
@Controller
class ConfigController {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Auth(String mode, @Nullable String authority, @Nullable String clientId, @Nullable String scope,
                @Nullable String audience) {
    }

    @Serdeable
    record WebConfig(Auth auth) {
    }

    private final WebConfig config;

    ConfigController(HostedSignIn signIn) {
        this.config = new WebConfig(signIn.isOn()
                ? new Auth("oidc", signIn.getIssuer(), signIn.getClientId(), signIn.getScope(), signIn.getAudience())
                : new Auth("dev", null, null, null, null));
    }

    @Get(uri = "/config.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<WebConfig> config() {
        // Not cached: a browser must not keep an old sign-in mode after the gateway changes.
        return HttpResponse.ok(config).header("Cache-Control", "no-store");
    }
}
