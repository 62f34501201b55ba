package com.bookmarked.cdt.core.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The last resort: any exception no other handler knows becomes a 500 that shows nothing
 * internal, only a reference that engineers find in the logs next to the stack trace.
 */
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
        String reference = UUID.randomUUID().toString();
        LOG.error("internal error {} on {} {}", reference, request.getMethodName(), request.getPath(), exception);
        return Problems.response(500, Problems.titleFor(500),
                "CDT hit an internal error. Engineers can find it in the logs under reference " + reference + ".",
                request, null);
    }
}
