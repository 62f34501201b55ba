package com.bookmarked.cdt.admin;

import com.bookmarked.cdt.core.auth.SignedInUser;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /api/me}: who the token says you are. */
@Controller("/api/me")
public class MeController {

    @Get
    public SignedInUser me(SignedInUser user) {
        return user;
    }
}
