package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.secrets.SecretRef;
import com.bookmarked.cdt.core.secrets.Secrets;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * The SIS credentials behind {@code sis.secretRef}: a small JSON document such as
 * {@code {"clientId": "…", "clientSecret": "…"}} or {@code {"accessToken": "…"}}. Revealed only
 * by the connector that uses it, at the moment it needs it; messages name the reference and the
 * fields, never a value.
 */
public final class SisSecret {

    private final SecretRef ref;
    private final JsonNode document;

    private SisSecret(SecretRef ref, JsonNode document) {
        this.ref = ref;
        this.document = document;
    }

    /** Reveals and reads the secret the settings refer to. */
    public static SisSecret reveal(Secrets secrets, String secretRef, String example) throws SettingsProblem {
        if (secretRef == null || secretRef.isBlank()) {
            throw new SettingsProblem("The customer's settings have no SIS secret reference (sis.secretRef); store the"
                    + " district's credentials as " + example + " and set the reference, e.g. aws-sm:NAME.");
        }
        if (!SecretRef.isValid(secretRef)) {
            throw new SettingsProblem("sis.secretRef is not a secret reference (env:NAME, file:/path or aws-sm:NAME);"
                    + " fix it in settings, and never put the secret itself there.");
        }
        SecretRef ref = SecretRef.parse(secretRef);
        String value;
        try {
            value = secrets.reveal(ref);
        } catch (UserFacingException e) {
            throw new SettingsProblem(e.detail());
        }
        JsonNode document;
        try {
            document = Json.MAPPER.readTree(value);
        } catch (IOException e) {
            document = null;
        }
        if (document == null || !document.isObject()) {
            throw new SettingsProblem("The secret " + ref + " is not a JSON document such as " + example
                    + "; engineers: store the district's credentials that way.");
        }
        return new SisSecret(ref, document);
    }

    public SecretRef ref() {
        return ref;
    }

    /** A field that must be there and be non-blank text. */
    public String required(String field, String example) throws SettingsProblem {
        String value = optional(field);
        if (value == null) {
            throw new SettingsProblem("The secret " + ref + " has no \"" + field + "\"; it must look like " + example
                    + ". Engineers: add it.");
        }
        return value;
    }

    public String optional(String field) {
        JsonNode v = document.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }

    @Override
    public String toString() {
        return "SisSecret[" + ref + "]";
    }
}
