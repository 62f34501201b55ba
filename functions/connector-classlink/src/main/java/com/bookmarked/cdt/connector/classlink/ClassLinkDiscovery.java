package com.bookmarked.cdt.connector.classlink;

import com.bookmarked.cdt.connector.oneroster.rest.SisApiException;
import com.bookmarked.cdt.connector.oneroster.rest.SisApiException.Kind;
import com.bookmarked.cdt.connector.oneroster.rest.SisHttp;
import com.bookmarked.cdt.connector.oneroster.rest.SisName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ClassLink's applications endpoints, which list the districts that gave CDT's application access
 * ({@code GET /applications}) and describe one district's OneRoster server
 * ({@code GET /applications/{oneroster_application_id}/server}), both with CDT's access token as a
 * bearer token. Client secrets ClassLink hands back are used, never logged nor shown.
 */
final class ClassLinkDiscovery {

    /** A district that gave CDT's application access. */
    record Application(String tenantId, String tenantName, String onerosterApplicationId) {
        String describe() {
            return (tenantName == null ? "a district" : tenantName) + " (tenant " + tenantId + ")";
        }
    }

    /** The district's OneRoster server as ClassLink describes it. */
    record Server(URI endpoint, String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "Server[" + endpoint + ", clientId=" + clientId + ", secret hidden]";
        }
    }

    static final SisName CLASSLINK = SisName.of("ClassLink");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SisHttp http;
    private final URI proxy;
    private final String bearer;

    ClassLinkDiscovery(SisHttp http, URI proxy, String accessToken) {
        this.http = http;
        this.proxy = proxy;
        this.bearer = "Bearer " + accessToken;
    }

    List<Application> applications() throws SisApiException {
        JsonNode answer = get(URI.create(base() + "/applications"), "the list of districts that gave CDT access");
        JsonNode list = answer.get("applications");
        List<Application> out = new ArrayList<>();
        if (list == null || !(list.isArray() || list.isObject())) {
            throw notApplications("it has no \"applications\"");
        }
        for (JsonNode a : list.isArray() ? list : List.of(list)) {
            String id = text(a, "oneroster_application_id");
            if (id != null) {
                out.add(new Application(text(a, "tenant_id"), text(a, "tenant_name"), id));
            }
        }
        return out;
    }

    /** The application of the district named by application id or tenant id; the only one when neither is given. */
    Application find(String applicationId, String tenantId) throws SisApiException {
        List<Application> all = applications();
        for (Application a : all) {
            if ((applicationId != null && applicationId.equals(a.onerosterApplicationId()))
                    || (applicationId == null && tenantId != null && tenantId.equals(a.tenantId()))) {
                return a;
            }
        }
        if (applicationId == null && tenantId == null && all.size() == 1) {
            return all.get(0);
        }
        String which = applicationId != null ? "application " + applicationId : tenantId != null ? "tenant " + tenantId
                : "the district (set options.tenantId or options.applicationId)";
        String found = all.isEmpty() ? "none" : String.join(", ", all.stream().map(Application::describe).limit(10).toList())
                + (all.size() > 10 ? ", …" : "");
        throw new SisApiException(Kind.NOT_FOUND, String.format(Locale.US, "ClassLink does not list %s among the %,d"
                + " districts that gave CDT access (found: %s); ask the district to approve CDT in ClassLink, or fix"
                + " options.tenantId / options.applicationId in settings.", which, all.size(), found));
    }

    Server server(Application application) throws SisApiException {
        JsonNode answer = get(URI.create(base() + "/applications/" + application.onerosterApplicationId() + "/server"),
                "the OneRoster server of " + application.describe());
        JsonNode server = answer.path("server");
        String endpoint = text(server, "endpoint_url");
        if (endpoint == null) {
            throw notApplications("it has no server.endpoint_url");
        }
        URI uri;
        try {
            uri = URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw notApplications("server.endpoint_url is not an address");
        }
        return new Server(uri, text(server, "client_id"), text(server, "client_secret"));
    }

    private JsonNode get(URI uri, String what) throws SisApiException {
        SisHttp.Response r = http.send(() -> http.request(uri).header("Authorization", bearer).GET().build(), what);
        if (r.status() == 401 || r.status() == 403) {
            throw new SisApiException(Kind.REFUSED, r.status(), "ClassLink refused the access token (" + r.status()
                    + "): update the secret in settings.");
        }
        if (r.status() == 404) {
            throw new SisApiException(Kind.NOT_FOUND, 404, "ClassLink has no applications endpoint at " + uri.getPath()
                    + " (404): check the SIS location (ClassLink's OneRoster proxy) in settings.");
        }
        if (!r.ok()) {
            throw new SisApiException(Kind.REJECTED, r.status(), "ClassLink answered " + r.status() + " when CDT asked for "
                    + what + ".");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(r.body());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            throw notApplications("it is not JSON");
        }
        if (answer.has("status") && answer.get("status").asInt(1) != 1) {
            throw new SisApiException(Kind.REJECTED, "ClassLink said it could not give " + what + " (status "
                    + answer.get("status").asText() + "); ask the district whether CDT's application is still approved.");
        }
        return answer;
    }

    private String base() {
        String s = proxy.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static SisApiException notApplications(String why) {
        return new SisApiException(Kind.NOT_ONEROSTER, "ClassLink's applications endpoint answered something CDT cannot"
                + " read (" + why + "); check the SIS location in settings.");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText().trim();
    }
}
