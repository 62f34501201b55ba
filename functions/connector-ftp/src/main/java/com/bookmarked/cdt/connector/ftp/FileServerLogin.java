package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.secrets.SecretRef;
import com.bookmarked.cdt.core.secrets.Secrets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The login for the district's file server, revealed from {@code sis.secretRef}: a JSON document
 * {@code {"username", "password"}} or {@code {"username", "privateKey"}} (SFTP; OpenSSH or PEM,
 * with an optional {@code "passphrase"}). {@link #toString()} names the user only by whether
 * one is set, so a login never reaches a log by accident.
 */
public record FileServerLogin(String username, String password, String privateKey, String passphrase) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reveals and reads the login.
     *
     * @throws FileServerException (check {@link Checks#CREDENTIALS}) when the secret cannot be read or has the wrong shape;
     *         the message names the reference, never the content
     */
    static FileServerLogin reveal(Secrets secrets, String secretRef, FileServerAddress.Protocol protocol) throws FileServerException {
        String text;
        try {
            text = secrets.reveal(SecretRef.parse(secretRef));
        } catch (UserFacingException e) {
            throw FileServerException.fix(Checks.CREDENTIALS, e.getMessage());
        }
        return parse(text, secretRef, protocol);
    }

    static FileServerLogin parse(String text, String secretRef, FileServerAddress.Protocol protocol) throws FileServerException {
        String shape = " Store it as {\"username\": \"…\", \"password\": \"…\"}"
                + (protocol == FileServerAddress.Protocol.SFTP ? " or {\"username\": \"…\", \"privateKey\": \"-----BEGIN …\"}" : "") + ".";
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // the parser's message quotes the text: it stays out of every message
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw FileServerException.fix(Checks.CREDENTIALS, "The secret " + secretRef + " is not a JSON login." + shape);
        }
        String username = text(node, "username");
        String password = text(node, "password");
        String privateKey = text(node, "privateKey");
        if (username == null) {
            throw FileServerException.fix(Checks.CREDENTIALS, "The secret " + secretRef + " has no username." + shape);
        }
        if (password == null && privateKey == null) {
            throw FileServerException.fix(Checks.CREDENTIALS, "The secret " + secretRef + " has neither a password nor a private key." + shape);
        }
        if (privateKey != null && protocol != FileServerAddress.Protocol.SFTP && password == null) {
            throw FileServerException.fix(Checks.CREDENTIALS, "The secret " + secretRef + " holds a private key, which only SFTP "
                    + "servers take; an " + protocol.label() + " server needs a password." + shape);
        }
        return new FileServerLogin(username, password, privateKey, text(node, "passphrase"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isEmpty() ? null : value.asText();
    }

    @Override
    public String toString() {
        return "FileServerLogin[" + (password != null ? "password" : "privateKey") + "]";
    }
}
