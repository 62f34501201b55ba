package com.bookmarked.cdt.connector.oneroster.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.regex.Pattern;

/** The one Jackson mapper of the REST client (thread-safe once configured), and small readers. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("^[A-Za-z_]{1,40}$");

    private Json() {
    }

    /** The body as a JSON tree, or null when it is not JSON. */
    static JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A short machine code from an error body, safe to show: OneRoster's imsx_codeMinorFieldValue
     * (e.g. invalid_filter_field) or OAuth's error (e.g. invalid_client); null when there is none.
     * Free text from the SIS is never shown, as it may quote anything.
     */
    static String errorCode(byte[] body) {
        JsonNode tree = tree(body);
        if (tree == null) {
            return null;
        }
        String code = null;
        JsonNode minor = tree.path("imsx_CodeMinor").path("imsx_codeMinorField");
        if (minor.isArray() && !minor.isEmpty()) {
            code = minor.get(0).path("imsx_codeMinorFieldValue").asText(null);
        } else if (tree.path("error").isTextual()) {
            code = tree.get("error").asText();
        }
        return code != null && CODE.matcher(code).matches() ? code : null;
    }
}
