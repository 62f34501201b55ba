package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.connector.oneroster.rest.SisApiException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Sends requests to one SIS and retries what is worth retrying: 429 and 5xx answers, timeouts and
 * dropped connections, with the {@link RetryPolicy}'s backoff and jitter or the SIS's
 * {@code Retry-After}. A 429 pauses every request of this client until the wait is over, so
 * parallel page fetches back off together. Other answers (2xx, 4xx) are returned to the caller,
 * which knows what they mean. Failures become {@link SisApiException}s in an agent's words; the
 * log gets method, path and status only, never a query, header or body.
 */
public final class SisHttp implements AutoCloseable {

    /** Bodies above this are not a page of roster data; reading stops there. */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SisHttp.class);
    private static final long JITTER_ON_RETRY_AFTER_MILLIS = 250;

    /** Builds a fresh request for each try (new nonce, timestamp and token). */
    @FunctionalInterface
    public interface RequestMaker {
        HttpRequest make() throws SisApiException;
    }

    /** An answer with its status, headers and body. */
    public record Response(int status, HttpHeaders headers, byte[] body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final SisName name;
    private final Duration readTimeout;
    private final RetryPolicy policy;
    private final Ticker ticker;
    private final RandomGenerator random;
    private final AtomicLong pausedUntil = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    SisHttp(HttpClient client, SisName name, Duration readTimeout, RetryPolicy policy, Ticker ticker, RandomGenerator random) {
        this.client = client;
        this.name = name;
        this.readTimeout = readTimeout;
        this.policy = policy;
        this.ticker = ticker;
        this.random = random;
    }

    public static SisHttp open(SisName name, Duration connectTimeout, Duration readTimeout, RetryPolicy policy, Ticker ticker) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new SisHttp(client, name, readTimeout, policy, ticker, RandomGenerator.of("L64X128MixRandom"));
    }

    public SisName name() {
        return name;
    }

    /** A GET request with the client's read timeout, over HTTP/1.1 for plain http (no h2c upgrade). */
    public HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", "application/json");
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            b.version(HttpClient.Version.HTTP_1_1);
        }
        return b;
    }

    /** Retries made so far (not counting first tries), for logs and benchmarks. */
    public int retries() {
        return retries.get();
    }

    /** Requests sent so far, tries included. */
    public int requests() {
        return requests.get();
    }

    /**
     * Sends the request until it gets an answer that is not worth retrying, and returns it.
     *
     * @param what the request in an agent's words, e.g. "users (from record 12,001)"
     */
    public Response send(RequestMaker maker, String what) throws SisApiException {
        long started = ticker.nanoTime();
        for (int attempt = 1; ; attempt++) {
            waitWhilePaused();
            HttpRequest request = maker.make();
            requests.incrementAndGet();
            Duration wait;
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                byte[] body = read(response, what);
                if (status != 429 && (status < 500 || status == 501)) {
                    return new Response(status, response.headers(), body);
                }
                LOG.info("SIS answered {} to {} {} (try {} of {})", status, request.method(), request.uri().getPath(),
                        attempt, policy.maxAttempts());
                Duration asked = RetryPolicy.retryAfter(response.headers().firstValue("Retry-After").orElse(null), ticker.now());
                if (asked != null && asked.compareTo(policy.longestWait()) > 0) {
                    throw new SisApiException(Kind.RATE_LIMITED, name.subject() + " asked CDT to wait " + words(asked)
                            + " before trying again (" + status + "); try again later.");
                }
                if (attempt >= policy.maxAttempts()) {
                    throw gaveUp(status, attempt, started);
                }
                wait = asked != null ? asked.plusMillis(random.nextLong(JITTER_ON_RETRY_AFTER_MILLIS + 1))
                        : policy.backoff(attempt, random);
                if (status == 429) {
                    pauseEveryone(wait);
                    wait = Duration.ZERO;
                }
            } catch (SisApiException e) {
                throw e;
            } catch (HttpConnectTimeoutException e) {
                throw new SisApiException(Kind.UNREACHABLE, "CDT could not reach " + name.object() + " at " + where(request.uri())
                        + " (no answer to the connection within the connect timeout): check the SIS location in settings.", e);
            } catch (HttpTimeoutException e) {
                LOG.info("SIS did not answer {} {} within {} s (try {} of {})", request.method(), request.uri().getPath(),
                        readTimeout.toSeconds(), attempt, policy.maxAttempts());
                if (attempt >= policy.maxAttempts()) {
                    throw new SisApiException(Kind.UNAVAILABLE, name.subject() + " did not answer within "
                            + words(readTimeout) + ", " + attempt + " times over " + words(elapsed(started))
                            + " (" + what + "); try again later.", e);
                }
                wait = policy.backoff(attempt, random);
            } catch (ConnectException | UnresolvedAddressException e) {
                throw unreachable(request.uri(), e);
            } catch (IOException e) {
                if (unreachableCause(e)) {
                    throw unreachable(request.uri(), e);
                }
                LOG.info("connection to the SIS failed during {} {}: {} (try {} of {})", request.method(),
                        request.uri().getPath(), e.getClass().getSimpleName(), attempt, policy.maxAttempts());
                if (attempt >= policy.maxAttempts()) {
                    throw new SisApiException(Kind.UNAVAILABLE, "The connection to " + name.object() + " kept failing ("
                            + e.getClass().getSimpleName() + ") after " + attempt + " tries over " + words(elapsed(started))
                            + " (" + what + "); try again later.", e);
                }
                wait = policy.backoff(attempt, random);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SisApiException(Kind.UNAVAILABLE, "CDT stopped waiting for " + name.object() + " (" + what + ").", e);
            }
            retries.incrementAndGet();
            sleep(wait);
        }
    }

    private SisApiException gaveUp(int status, int attempts, long started) {
        String over = attempts + " tries over " + words(elapsed(started));
        if (status == 429) {
            return new SisApiException(Kind.RATE_LIMITED, name.subject() + " kept answering 429 after " + over
                    + " (too many requests); try again later, or lower options.parallelism in settings.");
        }
        return new SisApiException(Kind.UNAVAILABLE, name.subject() + " kept failing with " + status + " after " + over
                + "; it seems to be down or overloaded: try again later.");
    }

    private SisApiException unreachable(URI uri, Exception e) {
        String why = e instanceof UnresolvedAddressException || has(e, UnknownHostException.class) ? "no such host name"
                : has(e, SSLException.class) ? "its TLS certificate or protocol was not accepted"
                : "connection refused";
        LOG.info("SIS unreachable at {}: {}", where(uri), e.getClass().getSimpleName());
        return new SisApiException(Kind.UNREACHABLE, "CDT could not reach " + name.object() + " at " + where(uri) + " (" + why
                + "): check the SIS location in settings.", e);
    }

    private static boolean unreachableCause(IOException e) {
        return has(e, ConnectException.class) || has(e, UnknownHostException.class) || has(e, SSLException.class)
                || has(e, UnresolvedAddressException.class);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private byte[] read(HttpResponse<InputStream> response, String what) throws IOException, SisApiException {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new SisApiException(Kind.NOT_ONEROSTER, name.subject() + " sent more than "
                        + MAX_BODY_BYTES / (1024 * 1024) + " MB for one page (" + what + "); lower options.pageSize in settings.");
            }
            return body;
        }
    }

    private void pauseEveryone(Duration wait) {
        long until = ticker.nanoTime() + wait.toNanos();
        pausedUntil.accumulateAndGet(until, Math::max);
    }

    private void waitWhilePaused() throws SisApiException {
        while (true) {
            long left = pausedUntil.get() - ticker.nanoTime();
            if (pausedUntil.get() == Long.MIN_VALUE || left <= 0) {
                return;
            }
            sleep(Duration.ofNanos(left));
        }
    }

    private void sleep(Duration wait) throws SisApiException {
        try {
            ticker.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SisApiException(Kind.UNAVAILABLE, "CDT stopped waiting for " + name.object() + ".", e);
        }
    }

    private Duration elapsed(long started) {
        return Duration.ofNanos(ticker.nanoTime() - started);
    }

    /** scheme://host[:port] — where, without path or query. */
    public static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** "45 seconds", "2 minutes", "1 hour": how long, in words an agent reads at a glance. */
    static String words(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 90) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = seconds / 60;
        if (minutes < 90) {
            return minutes + " minutes";
        }
        long hours = minutes / 60;
        return hours == 1 ? "1 hour" : String.format(Locale.ROOT, "%d hours", hours);
    }

    @Override
    public void close() {
        client.close();
    }
}
