package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.connector.oneroster.rest.SisApiException.Kind;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open connection to one district's OneRoster API: asks for pages of a collection, signs
 * every request, renews an expired token once, and turns answers the SIS should not have given
 * (401, 403, 404, other 4xx) into messages an agent can act on.
 */
public final class RosterApi implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?", Pattern.CASE_INSENSITIVE);

    private final RestSource source;
    private final SisHttp http;
    private final Authorizer authorizer;

    private RosterApi(RestSource source, SisHttp http, Ticker ticker) {
        this.source = source;
        this.http = http;
        this.authorizer = source.access().authorizer(http, ticker);
    }

    public static RosterApi open(RestSource source, Ticker ticker) {
        SisHttp http = SisHttp.open(source.name(), source.connectTimeout(), source.readTimeout(), source.retry(), ticker);
        return new RosterApi(source, http, ticker);
    }

    public RestSource source() {
        return source;
    }

    public SisHttp http() {
        return http;
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    /** Signs in where there is a sign-in (OAuth 2.0: a token is fetched); nothing otherwise. */
    public void signIn() throws SisApiException {
        if (authorizer instanceof ClientCredentialsToken token) {
            token.current();
        }
    }

    /** The page of {@code collection} starting at {@code offset}. */
    RawPage page(RosterCollection collection, int offset, int limit) throws SisApiException {
        StringBuilder url = new StringBuilder(source.baseUrl().toString()).append('/').append(collection.path())
                .append("?limit=").append(limit).append("&offset=").append(offset);
        if (source.filter() != null && !source.filter().isBlank()) {
            url.append("&filter=").append(OAuth1Signature.encode(source.filter()));
        }
        return get(URI.create(url.toString()), collection, offset,
                collection.noun() + (offset == 0 ? "" : String.format(Locale.US, " from record %,d", offset + 1)));
    }

    /** The page a next link points to; it must be on the same server as the base URL, as it gets our credentials. */
    RawPage follow(URI next, RosterCollection collection, int expectedOffset) throws SisApiException {
        URI base = source.baseUrl();
        if (!base.getScheme().equalsIgnoreCase(next.getScheme()) || !base.getHost().equalsIgnoreCase(next.getHost())
                || base.getPort() != next.getPort()) {
            throw new SisApiException(Kind.NOT_ONEROSTER, source.name().subject() + "'s next-page link for "
                    + collection.noun() + " points to another server (" + SisHttp.where(next)
                    + "); CDT does not send the district's credentials there.");
        }
        return get(next, collection, expectedOffset,
                collection.noun() + String.format(Locale.US, " from record %,d", expectedOffset + 1));
    }

    private RawPage get(URI uri, RosterCollection collection, int offset, String what) throws SisApiException {
        SisName name = source.name();
        boolean renewed = false;
        while (true) {
            String[] sent = new String[1];
            SisHttp.Response r = http.send(() -> {
                sent[0] = authorizer.authorize("GET", uri);
                return http.request(uri).header("Authorization", sent[0]).GET().build();
            }, what);
            if (r.ok()) {
                return new RawPage(collection, offset, total(r.header("X-Total-Count")), next(r, uri), r.body());
            }
            String code = Json.errorCode(r.body());
            String status = r.status() + (code == null ? "" : " " + code);
            switch (r.status()) {
                case 401 -> {
                    if (!renewed && authorizer.renewAfterRejection(sent[0])) {
                        renewed = true;
                        continue;
                    }
                    throw new SisApiException(Kind.REFUSED, 401, authorizer.refusal(name));
                }
                case 403 -> throw new SisApiException(Kind.FORBIDDEN, 403, name.subject() + " refused CDT access to "
                        + collection.noun() + " (" + status + "): ask the district to let CDT's client read them"
                        + (source.version() == RestVersion.V1_2 ? " (OneRoster 1.2 scopes, options.scope in settings)." : "."));
                case 404 -> throw new SisApiException(Kind.NOT_FOUND, 404, name.subject() + " has no " + collection.noun()
                        + " at " + uri.getPath() + " (" + status + "): check the SIS location and OneRoster version in settings.");
                case 400 -> throw new SisApiException(Kind.REJECTED, 400, name.subject() + " rejected CDT's request for "
                        + collection.noun() + " (" + status + ")"
                        + (source.filter() == null ? "." : "; check options.filter in settings."));
                default -> throw new SisApiException(Kind.REJECTED, r.status(), name.subject() + " answered " + status
                        + " to CDT's request for " + collection.noun() + ".");
            }
        }
    }

    private static Integer total(String header) {
        if (header == null) {
            return null;
        }
        try {
            int total = Integer.parseInt(header.trim());
            return total < 0 ? null : total;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The rel="next" target of the Link header (RFC 8288), resolved against the request, or null. */
    static URI next(SisHttp.Response r, URI request) {
        for (String header : r.headers().allValues("Link")) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher rel = REL_NEXT.matcher(link.group(2));
                while (rel.find()) {
                    for (String value : rel.group(1).trim().split("\\s+")) {
                        if ("next".equalsIgnoreCase(value)) {
                            try {
                                return request.resolve(link.group(1).trim());
                            } catch (IllegalArgumentException e) {
                                return null;
                            }
                        }
                    }
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        http.close();
    }
}
