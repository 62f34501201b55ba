package com.bookmarked.cdt.core.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers {@link UserFacingException}s with their own status, title, detail and field errors. */
@Singleton
public class UserFacingExceptionHandler implements ExceptionHandler<UserFacingException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, UserFacingException exception) {
        return Problems.response(exception.status(), exception.title(), exception.detail(), request,
                exception instanceof InvalidInputException invalid ? invalid.errors() : null);
    }
}
