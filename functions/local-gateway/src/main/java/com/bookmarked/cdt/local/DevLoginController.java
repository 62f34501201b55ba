package com.bookmarked.cdt.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/dev/login}: the local gateway's sign-in for the three development users. Absent
 * (404) when the gateway signs people in at an identity provider ({@link HostedSignIn}).
 */
@Controller("/api/dev")
@Requires(missingProperty = HostedSignIn.ISSUER)
class DevLoginController {

    private final DevTokens tokens;

    DevLoginController(DevTokens tokens) {
        this.tokens = tokens;
    }

    @Serdeable
    record Credentials(String username, String password) {
    }

    @Serdeable
    record SignedIn(String token, String username, List<String> roles, Instant expiresAt) {
    }

    @Post(uri = "/login", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> login(@Body Credentials credentials) {
        return tokens.signIn(credentials.username(), credentials.password())
                .<HttpResponse<?>>map(t -> HttpResponse.ok(new SignedIn(t.token(), t.username(), t.roles(), t.expiresAt())))
                .orElseGet(() -> HttpResponse.status(HttpStatus.UNAUTHORIZED)
                        .contentType(MediaType.APPLICATION_JSON_PROBLEM)
                        .body(Map.of("type", "about:blank", "title", "Sign-in failed", "status", 401,
                                "detail", "That username and password do not match a local user "
                                        + "(agent, engineer or admin; the password is the username).")));
    }
}
