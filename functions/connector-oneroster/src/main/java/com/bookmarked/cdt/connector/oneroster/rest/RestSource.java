package com.bookmarked.cdt.connector.oneroster.rest;

import java.net.URI;
import java.time.Duration;

/**
 * Everything the client needs to read one district's OneRoster API: who it is (for messages),
 * the versioned base URL, how to sign in, and how to page.
 *
 * @param baseUrl the base of the version's endpoints, e.g. {@code https://sis.example/ims/oneroster/v1p1}
 * @param pageSize records asked for per page ({@code limit})
 * @param parallelism pages in flight at once for one customer, once the total is known
 * @param filter a OneRoster filter applied to every collection (e.g. {@code status='active'}), or null
 */
public record RestSource(SisName name, URI baseUrl, RestVersion version, RestAccess access, int pageSize,
                         int parallelism, String filter, Duration connectTimeout, Duration readTimeout,
                         RetryPolicy retry) {

    public static final int DEFAULT_PAGE_SIZE = 1_000;
    public static final int MAX_PAGE_SIZE = 10_000;
    public static final int DEFAULT_PARALLELISM = 4;
    public static final int MAX_PARALLELISM = 16;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    public RestSource {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE_SIZE);
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1 to " + MAX_PARALLELISM);
        }
    }

    /** A source with the defaults for paging, timeouts and retries. */
    public static RestSource of(SisName name, URI baseUrl, RestVersion version, RestAccess access) {
        return new RestSource(name, baseUrl, version, access, DEFAULT_PAGE_SIZE, DEFAULT_PARALLELISM, null,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, RetryPolicy.DEFAULT);
    }

    /**
     * The base URL of a version's endpoints under {@code location}: the location itself when it
     * already ends with the version's path, else the location with that path added.
     */
    public static URI versionedBase(String location, RestVersion version) {
        String base = location.trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.toLowerCase(java.util.Locale.ROOT).endsWith(version.basePath().toLowerCase(java.util.Locale.ROOT))) {
            base = base + version.basePath();
        }
        return URI.create(base);
    }

    public RestSource withPaging(int newPageSize, int newParallelism) {
        return new RestSource(name, baseUrl, version, access, newPageSize, newParallelism, filter, connectTimeout, readTimeout, retry);
    }

    public RestSource withFilter(String newFilter) {
        return new RestSource(name, baseUrl, version, access, pageSize, parallelism, newFilter, connectTimeout, readTimeout, retry);
    }

    public RestSource withTimeouts(Duration connect, Duration read) {
        return new RestSource(name, baseUrl, version, access, pageSize, parallelism, filter, connect, read, retry);
    }

    public RestSource withRetry(RetryPolicy policy) {
        return new RestSource(name, baseUrl, version, access, pageSize, parallelism, filter, connectTimeout, readTimeout, policy);
    }

    /** Where the API is, for messages: the base URL (it holds no secret). */
    public String where() {
        return baseUrl.toString();
    }
}
