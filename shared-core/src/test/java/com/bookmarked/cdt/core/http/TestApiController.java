package com.bookmarked.cdt.core.http;

import com.bookmarked.cdt.core.auth.RequiresRole;
import com.bookmarked.cdt.core.auth.SignedInUser;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

import java.util.List;
import java.util.Map;

/** Routes that exercise the filter and the error handlers; only in HttpTest's context. */
@Controller("/api")
@Requires(property = "cdt.test.http-controllers", value = "true")
class TestApiController {

    @Get("/health")
    Map<String, String> health() {
        return Map.of("status", "UP");
    }

    @Post("/dev/login")
    Map<String, String> login() {
        return Map.of("token", "dev");
    }

    @Get("/test/me")
    SignedInUser me(SignedInUser user) {
        return user;
    }

    @Get("/test/admin")
    @RequiresRole("admin")
    Map<String, String> adminOnly(SignedInUser user) {
        return Map.of("hello", user.username());
    }

    @Get("/test/count")
    Map<String, Integer> count(@QueryValue int n) {
        return Map.of("n", n);
    }

    @Get("/test/user-error")
    void userError() {
        throw new UserFacingException("Already running", "A run for this customer is already running.", 409);
    }

    @Get("/test/invalid")
    void invalid() {
        throw new InvalidInputException("2 values need fixing",
                List.of(new FieldError("settings.sis.type", "must be one of a, b"), new FieldError("name", "is required")));
    }

    @Get("/test/missing")
    void missing() {
        throw new NotFoundException("There is no run with the id 'x'.");
    }

    @Get("/test/crash")
    void crash() {
        throw new IllegalStateException("jdbc:postgresql://prod-db password=hunter2 failed");
    }

    @Post("/test/echo")
    StartRunRequest echo(@Body StartRunRequest body) {
        return body;
    }
}
