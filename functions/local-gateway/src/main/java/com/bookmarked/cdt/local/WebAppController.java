package com.bookmarked.cdt.local;

import com.bookmarked.cdt.core.http.Problems;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

import java.io.IOException;
import java.io.InputStream;

/**
 * The web app's client-side routes answered with its {@code index.html}, so that a shared link
 * to a run opens in the app. (CloudFront does the same in AWS.) Static files are served by
 * Micronaut's static resources from the web-spa jar. A browser opening an address that is no
 * screen (a mistyped or old link) gets the app too, with status 404, and the app says so; API
 * calls and files keep the problem+json 404.
 */
@Controller
class WebAppController {

    private static final String INDEX = "/META-INF/cdt-web/index.html";

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<?> nothingHere(HttpRequest<?> request) throws IOException {
        boolean pageOpenedByABrowser = request.getMethod() == HttpMethod.GET && !request.getPath().startsWith("/api/")
                && request.accept().stream().anyMatch(m -> m.equals(MediaType.TEXT_HTML_TYPE));
        if (pageOpenedByABrowser) {
            HttpResponse<byte[]> app = index();
            if (app.getStatus() == HttpStatus.OK) {
                return HttpResponse.<byte[]>status(HttpStatus.NOT_FOUND).body(app.body()).contentType(MediaType.TEXT_HTML_TYPE);
            }
        }
        // the same problem+json a missing route gets everywhere else (ProblemBodyProvider), whatever the Accept header
        return Problems.response(404, Problems.titleFor(404), "There is nothing at " + request.getPath() + ".", request, null);
    }

    // The app's screens (web-spa/src/router.ts). "/" itself is Micronaut's static index.html.
    @Get(uri = "/{screen:tools|history|customers}", produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> screen(@PathVariable String screen) throws IOException {
        return index();
    }

    @Get(uri = "/{screen:tools|customers}/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> item(@PathVariable String screen, @PathVariable String id) throws IOException {
        return index();
    }

    @Get(uri = "/runs/{runId}", produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> run(@PathVariable String runId) throws IOException {
        return index();
    }

    @Get(uri = "/runs/{runId}/compare/{withRunId}", produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> compare(@PathVariable String runId, @PathVariable String withRunId) throws IOException {
        return index();
    }

    private static HttpResponse<byte[]> index() throws IOException {
        try (InputStream in = WebAppController.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                return HttpResponse.notFound();
            }
            return HttpResponse.ok(in.readAllBytes()).contentType(MediaType.TEXT_HTML_TYPE);
        }
    }
}
