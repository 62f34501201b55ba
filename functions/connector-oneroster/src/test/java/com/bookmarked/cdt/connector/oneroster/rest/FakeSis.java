package com.bookmarked.cdt.connector.oneroster.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A district's OneRoster API as WireMock on 127.0.0.1 serves it for tests: collections paged by
 * {@code limit}/{@code offset} with {@code X-Total-Count} and {@code Link} headers, errors as
 * imsx_StatusInfo bodies, an OAuth 2.0 token endpoint, and sign-in checks. OAuth 1.0a signatures
 * are recomputed here from the request WireMock received (written apart from the client's code,
 * with the JDK's URL encoder), so a request the client signs wrongly gets a 401 like a real SIS
 * would give. Faults (429 with Retry-After, 5xx, slow answers, pages that are not JSON) are queued
 * per page. Every page request is recorded with its answer.
 */
public final class FakeSis implements AutoCloseable {

    /** One answer given instead of the page. */
    public record Fault(int status, String retryAfter, String body, int delayMillis) {
        public static Fault status(int status) {
            return new Fault(status, null, null, 0);
        }

        public static Fault retryAfter(int status, String retryAfter) {
            return new Fault(status, retryAfter, null, 0);
        }

        public static Fault body(String body) {
            return new Fault(200, null, body, 0);
        }

        public static Fault slow(int delayMillis) {
            return new Fault(-1, null, null, delayMillis);
        }
    }

    /** A page request as the server saw it. */
    public record Served(String collection, int offset, int limit, int status, long atNanos, String filter) {
    }

    private enum Auth { NONE, OAUTH1, BEARER }

    private static final Pattern PAGE = Pattern.compile("^(.*)/([A-Za-z]+)$");
    private static final Pattern OAUTH_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final WireMockServer server;
    private final Map<String, List<String>> collections = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, Fault> always = new ConcurrentHashMap<>();
    private final List<Served> served = new CopyOnWriteArrayList<>();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

    private volatile Auth auth = Auth.NONE;
    private volatile String clientId;
    private volatile String clientSecret;
    private volatile String tokenPath;
    private volatile String requiredScope;
    private volatile int expiresIn = 3600;
    private volatile int pageCap = Integer.MAX_VALUE;
    private volatile boolean sendTotal = true;
    private volatile boolean sendLinks = true;
    private volatile int pageDelayMillis;
    private volatile BiConsumer<String, Integer> beforePage = (c, o) -> { };

    private FakeSis() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(64)
                .extensions(new Pages()));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(Pages.NAME)));
    }

    public static FakeSis start() {
        return new FakeSis();
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** http://127.0.0.1:port */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public FakeSis collection(String basePath, String name, List<String> records) {
        collections.put(basePath + "/" + name, new CopyOnWriteArrayList<>(records));
        return this;
    }

    public List<String> records(String basePath, String name) {
        return collections.get(basePath + "/" + name);
    }

    /** Requests must carry an OAuth 1.0a HMAC-SHA256 signature made with this key and secret. */
    public FakeSis requireOAuth1(String key, String secret) {
        this.auth = Auth.OAUTH1;
        this.clientId = key;
        this.clientSecret = secret;
        return this;
    }

    /** A client-credentials token endpoint at {@code path}; requests must carry a token it issued. */
    public FakeSis requireOAuth2(String path, String id, String secret, String scope, int lifetimeSeconds) {
        this.auth = Auth.BEARER;
        this.tokenPath = path;
        this.clientId = id;
        this.clientSecret = secret;
        this.requiredScope = scope;
        this.expiresIn = lifetimeSeconds;
        return this;
    }

    /** Requests must carry this fixed bearer token. */
    public FakeSis requireBearer(String token) {
        this.auth = Auth.BEARER;
        validTokens.add(token);
        return this;
    }

    /** Every token issued so far stops working (expired). */
    public void expireTokens() {
        validTokens.clear();
    }

    public FakeSis pageCap(int cap) {
        this.pageCap = cap;
        return this;
    }

    public FakeSis withoutTotal() {
        this.sendTotal = false;
        return this;
    }

    public FakeSis withoutLinks() {
        this.sendLinks = false;
        return this;
    }

    public FakeSis pageDelay(int millis) {
        this.pageDelayMillis = millis;
        return this;
    }

    /** Runs before each page is cut (to change the data between pages). */
    public FakeSis beforePage(BiConsumer<String, Integer> hook) {
        this.beforePage = hook;
        return this;
    }

    /** The next request for that page gets {@code fault} instead (queued: call again for more). */
    public FakeSis fault(String collection, int offset, Fault fault) {
        faults.computeIfAbsent(collection + "@" + offset, k -> new ArrayDeque<>()).add(fault);
        return this;
    }

    /** Every request for the collection gets {@code fault}. */
    public FakeSis always(String collection, Fault fault) {
        always.put(collection, fault);
        return this;
    }

    public List<Served> served() {
        return List.copyOf(served);
    }

    public List<Served> served(String collection) {
        return served.stream().filter(s -> s.collection().equals(collection)).toList();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public int badSignatures() {
        return badSignatures.get();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** The bodies of the token requests, as sent. */
    public List<String> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    public Set<String> nonces() {
        return Set.copyOf(nonces);
    }

    @Override
    public void close() {
        server.stop();
    }

    static String imsx(String description, String codeMinor) {
        return RosterRecords.json(Map.of("imsx_codeMajor", "failure", "imsx_severity", "error",
                "imsx_description", description,
                "imsx_CodeMinor", Map.of("imsx_codeMinorField", List.of(
                        Map.of("imsx_codeMinorFieldName", "TargetEndSystem", "imsx_codeMinorFieldValue", codeMinor)))));
    }

    /** Serves pages and tokens, checking sign-in first. */
    private final class Pages implements ResponseDefinitionTransformerV2 {
        static final String NAME = "oneroster-pages";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            URI uri = URI.create(request.getAbsoluteUrl());
            if (tokenPath != null && uri.getPath().equals(tokenPath)) {
                return token(request);
            }
            Matcher m = PAGE.matcher(uri.getPath());
            List<String> records = m.matches() ? collections.get(uri.getPath()) : null;
            String collection = m.matches() ? m.group(2) : uri.getPath();
            Map<String, String> query = query(uri);
            int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : 100;
            int offset = query.containsKey("offset") ? Integer.parseInt(query.get("offset")) : 0;
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                ResponseDefinition answer = answer(request, uri, records, collection, query, limit, offset);
                served.add(new Served(collection, offset, limit, answer.getStatus(), System.nanoTime(), query.get("filter")));
                return answer;
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private ResponseDefinition answer(Request request, URI uri, List<String> records, String collection,
                                          Map<String, String> query, int limit, int offset) {
            String refused = signInRefused(request, uri);
            if (refused != null) {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("WWW-Authenticate", refused)
                        .withBody(imsx("The request was not correctly authorised.", "unauthorisedrequest")).build();
            }
            Fault fault = always.get(collection);
            if (fault == null) {
                Deque<Fault> queued = faults.get(collection + "@" + offset);
                synchronized (FakeSis.this) {
                    fault = queued == null ? null : queued.poll();
                }
            }
            if (fault != null && fault.status() > 0) {
                ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(fault.status());
                if (fault.retryAfter() != null) {
                    b.withHeader("Retry-After", fault.retryAfter());
                }
                if (fault.body() != null) {
                    return b.withHeader("Content-Type", "text/html").withBody(fault.body()).build();
                }
                String code = fault.status() == 429 ? "server_busy" : fault.status() == 403 ? "forbidden"
                        : fault.status() >= 500 ? "internal_server_error" : "invaliddata";
                return b.withHeader("Content-Type", "application/json").withBody(imsx("Fault for tests", code)).build();
            }
            if (records == null) {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(imsx("No such endpoint", "unknownobject")).build();
            }
            beforePage.accept(collection, offset);
            if (pageDelayMillis > 0) {
                try {
                    Thread.sleep(pageDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int size = Math.min(limit, pageCap);
            List<String> snapshot = List.copyOf(records);
            int from = Math.min(offset, snapshot.size());
            int to = Math.min(from + size, snapshot.size());
            String body = "{\"" + collection + "\":[" + String.join(",", snapshot.subList(from, to)) + "]}";
            ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(body);
            if (sendTotal) {
                b.withHeader("X-Total-Count", Integer.toString(snapshot.size()));
            }
            if (sendLinks) {
                List<String> links = new ArrayList<>();
                String self = url() + uri.getRawPath() + "?limit=" + size
                        + (query.containsKey("filter") ? "&filter=" + encode(query.get("filter")) : "") + "&offset=";
                if (to < snapshot.size()) {
                    links.add("<" + self + to + ">; rel=\"next\"");
                }
                links.add("<" + self + Math.max(0, (snapshot.size() - 1) / size * size) + ">; rel=\"last\"");
                links.add("<" + self + "0>; rel=\"first\"");
                if (from > 0) {
                    links.add("<" + self + Math.max(0, from - size) + ">; rel=\"prev\"");
                }
                b.withHeader("Link", String.join(", ", links));
            }
            if (fault != null && fault.delayMillis() > 0) {
                b.withFixedDelay(fault.delayMillis());
            }
            return b.build();
        }

        private ResponseDefinition token(Request request) {
            String body = request.getBodyAsString();
            tokenRequests.add(body);
            Map<String, String> form = form(body);
            String id = form.get("client_id");
            String secret = form.get("client_secret");
            String basic = request.getHeader("Authorization");
            if (basic != null && basic.startsWith("Basic ")) {
                String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                id = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
                secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
            }
            if (!"client_credentials".equals(form.get("grant_type"))) {
                return oauthError(400, "unsupported_grant_type");
            }
            if (!clientId.equals(id) || !clientSecret.equals(secret)) {
                return oauthError(401, "invalid_client");
            }
            String scope = form.getOrDefault("scope", "");
            if (requiredScope != null && !List.of(scope.split(" ")).contains(requiredScope)) {
                return oauthError(400, "invalid_scope");
            }
            String token = "tok-" + tokensIssued.incrementAndGet();
            validTokens.add(token);
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "no-store")
                    .withBody(RosterRecords.json(Map.of("access_token", token, "token_type", "Bearer",
                            "expires_in", expiresIn, "scope", scope))).build();
        }

        private ResponseDefinition oauthError(int status, String error) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                    .withHeader("Content-Type", "application/json").withBody(RosterRecords.json(Map.of("error", error))).build();
        }

        /** Null when the request may pass, else the WWW-Authenticate to answer with. */
        private String signInRefused(Request request, URI uri) {
            String header = request.getHeader("Authorization");
            return switch (auth) {
                case NONE -> null;
                case BEARER -> header != null && header.startsWith("Bearer ") && validTokens.contains(header.substring(7))
                        ? null : "Bearer error=\"invalid_token\", error_description=\"The access token expired\"";
                case OAUTH1 -> {
                    if (validOAuth1(request.getMethod().getName(), uri, header)) {
                        yield null;
                    }
                    badSignatures.incrementAndGet();
                    yield "OAuth realm=\"OneRoster\"";
                }
            };
        }
    }

    /**
     * RFC 5849 section 3.4 checked from scratch: the header's oauth_ parameters, the request's
     * query, the base string, the HMAC-SHA256 with the known secret; plus a fresh nonce and a
     * timestamp within five minutes.
     */
    boolean validOAuth1(String method, URI uri, String header) {
        if (header == null || !header.startsWith("OAuth ")) {
            return false;
        }
        Map<String, String> oauth = new HashMap<>();
        Matcher m = OAUTH_PARAM.matcher(header);
        while (m.find()) {
            oauth.put(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
        }
        String signature = oauth.remove("oauth_signature");
        oauth.remove("realm");
        if (signature == null || !clientId.equals(oauth.get("oauth_consumer_key"))
                || !"HMAC-SHA256".equals(oauth.get("oauth_signature_method"))
                || !"1.0".equals(oauth.getOrDefault("oauth_version", "1.0"))
                || oauth.get("oauth_nonce") == null || oauth.get("oauth_timestamp") == null) {
            return false;
        }
        long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(oauth.get("oauth_timestamp")));
        if (age > Duration.ofMinutes(5).toSeconds() || !nonces.add(oauth.get("oauth_nonce"))) {
            return false;
        }
        List<String> pairs = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                pairs.add(encode(URLDecoder.decode(kv[0], StandardCharsets.UTF_8)) + "="
                        + encode(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
            }
        }
        oauth.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
        pairs.sort(null);
        String baseUri = "http://127.0.0.1:" + uri.getPort() + uri.getRawPath();
        String base = method + "&" + encode(baseUri) + "&" + encode(String.join("&", pairs));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((encode(clientSecret) + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
            return expected.equals(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 3986 encoding from the JDK's form encoder: '+' → %20, '*' → %2A, '~' kept. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    static Map<String, String> form(String text) {
        Map<String, String> out = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    /** Distinct values, for "exactly once" checks. */
    public static <T> Set<T> distinct(List<T> values) {
        return new HashSet<>(values);
    }
}
