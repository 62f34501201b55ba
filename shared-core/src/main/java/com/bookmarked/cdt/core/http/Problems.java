package com.bookmarked.cdt.core.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/** Builds problem+json responses. */
public final class Problems {

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(int status, String title, @Nullable String detail,
                                                        @Nullable HttpRequest<?> request,
                                                        @Nullable List<FieldError> errors) {
        Problem body = new Problem("about:blank", title, status, detail,
                request == null ? null : request.getPath(), errors == null || errors.isEmpty() ? null : errors);
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status)).contentType(Problem.MEDIA_TYPE).body(body);
    }

    /** A short title for a status, for errors that bring none of their own. */
    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> "The request is not valid";
            case 401 -> "Sign-in needed";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Format not available";
            case 409 -> "Conflict";
            case 413 -> "Request too large";
            case 415 -> "Unsupported format";
            case 422 -> "Some values are not valid";
            case 503 -> "Temporarily unavailable";
            default -> status >= 500 ? "Something went wrong in CDT" : "The request could not be completed";
        };
    }
}
