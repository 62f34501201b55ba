package com.bookmarked.cdt.core.auth;

import com.bookmarked.cdt.core.http.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.RouteAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code /api/**} request needs a valid bearer token, except {@code /api/health} and the
 * paths in {@code cdt.auth.public-paths}. Without one: 401 with {@code WWW-Authenticate: Bearer};
 * with one but without a role that the route's {@link RequiresRole} asks for (by default any
 * of {@link #CDT_ROLES}): 403. The user is
 * left on the request for controllers ({@link SignedInUser} parameters).
 */
@ServerFilter("/api/**")
public class AuthFilter implements Ordered {

    public static final String HEALTH_PATH = "/api/health";
    /** A route without {@link RequiresRole} is open to anyone holding one of CDT's roles, no one else. */
    public static final List<String> CDT_ROLES = List.of("agent", "engineer", "admin");
    private static final Logger LOG = LoggerFactory.getLogger(AuthFilter.class);
    private static final String BEARER = "Bearer ";

    private final JwtVerifier verifier;
    private final List<String> publicPaths;

    public AuthFilter(JwtVerifier verifier, AuthSettings settings) {
        this.verifier = verifier;
        this.publicPaths = settings.getPublicPaths();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    /** Runs on the blocking pool: fetching keys from {@code jwks-url} is network I/O. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (isPublic(path)) {
            return null;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.length() <= BEARER.length()) {
            return unauthorized("Sign in to use CDT: this request carries no sign-in token.", "Bearer");
        }
        SignedInUser user;
        try {
            user = verifier.verify(header.substring(BEARER.length()).trim());
        } catch (TokenRejectedException e) {
            LOG.info("token refused on {} {}: {}", request.getMethodName(), path, e.reason());
            return unauthorized(e.getMessage(), "Bearer error=\"invalid_token\"");
        }
        request.setAttribute(SignedInUser.ATTRIBUTE, user);
        List<String> required = requiredRoles(request);
        if (required.isEmpty()) {
            required = CDT_ROLES;
        }
        if (required.stream().noneMatch(user::hasRole)) {
            return Problems.response(403, "Not allowed",
                    "This needs the " + String.join(" or ", required) + " role, which your account does not have.",
                    request, null);
        }
        return null;
    }

    private static List<String> requiredRoles(HttpRequest<?> request) {
        Optional<RouteMatch<?>> match = RouteAttributes.getRouteMatch(request);
        return match.map(m -> Arrays.asList(m.getAnnotationMetadata().stringValues(RequiresRole.class)))
                .orElse(List.of());
    }

    private boolean isPublic(String path) {
        if (HEALTH_PATH.equals(path)) {
            return true;
        }
        for (String p : publicPaths) {
            if (p.endsWith("/**") ? path.startsWith(p.substring(0, p.length() - 2)) || path.equals(p.substring(0, p.length() - 3))
                    : path.equals(p)) {
                return true;
            }
        }
        return false;
    }

    private static HttpResponse<?> unauthorized(String detail, String challenge) {
        return Problems.response(401, "Sign-in needed", detail, null, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
}
