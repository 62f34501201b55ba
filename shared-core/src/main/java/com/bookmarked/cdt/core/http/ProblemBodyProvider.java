package com.bookmarked.cdt.core.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * The body of every error Micronaut answers by itself (unknown route, wrong method, a body that
 * is not JSON, a query value of the wrong type) as problem+json, like CDT's own errors. Server
 * errors never show their technical message.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public String contentType() {
        return Problem.CONTENT_TYPE;
    }

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        String detail;
        if (status >= 500) {
            detail = "CDT hit an internal error. Engineers can find it in the logs.";
        } else if (status == 404) {
            detail = "There is nothing at " + context.getRequest().getPath() + ".";
        } else if (status == 405) {
            detail = context.getRequest().getMethodName() + " is not allowed on " + context.getRequest().getPath() + ".";
        } else if (context.hasErrors()) {
            detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        } else {
            detail = null;
        }
        return new Problem("about:blank", Problems.titleFor(status), status, detail, context.getRequest().getPath(), null);
    }
}
