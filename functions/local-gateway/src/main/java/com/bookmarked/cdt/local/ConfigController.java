package com.bookmarked.cdt.local;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code GET /config.json}: how the web app signs in, read before the sign-in screen shows. The
 * local gateway always uses the dev login; in AWS a file deployed next to the app names the
 * identity provider instead. Outside {@code /api/**}, so it needs no token.
 */
@Controller
class ConfigController {

    @Serdeable
    record Auth(String mode) {
    }

    @Serdeable
    record WebConfig(Auth auth) {
    }

    private static final WebConfig LOCAL = new WebConfig(new Auth("dev"));

    @Get(uri = "/config.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<WebConfig> config() {
        // Not cached: a browser must not keep an old sign-in mode after the gateway changes.
        return HttpResponse.ok(LOCAL).header("Cache-Control", "no-store");
    }
}
