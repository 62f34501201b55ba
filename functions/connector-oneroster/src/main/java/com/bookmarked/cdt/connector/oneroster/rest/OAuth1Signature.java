package com.bookmarked.cdt.connector.oneroster.rest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OAuth 1.0a request signing as OneRoster 1.1 requires it: HMAC-SHA256 over the RFC 5849
 * signature base string (method, base URI, and every query and oauth_ parameter, percent-encoded
 * and sorted), keyed with the client secret; no token. Each request gets a fresh nonce and
 * timestamp, and the signature travels in the {@code Authorization} header.
 */
public final class OAuth1Signature implements Authorizer {

    static final String METHOD = "HMAC-SHA256";

    private final String consumerKey;
    private final byte[] signingKey;
    private final Ticker ticker;
    private final SecureRandom random = new SecureRandom();

    public OAuth1Signature(String consumerKey, String consumerSecret, Ticker ticker) {
        this.consumerKey = consumerKey;
        this.signingKey = (encode(consumerSecret) + "&").getBytes(StandardCharsets.UTF_8);
        this.ticker = ticker;
    }

    @Override
    public String authorize(String method, URI uri) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        List<Map.Entry<String, String>> oauth = List.of(
                Map.entry("oauth_consumer_key", consumerKey),
                Map.entry("oauth_nonce", HexFormat.of().formatHex(nonce)),
                Map.entry("oauth_signature_method", METHOD),
                Map.entry("oauth_timestamp", Long.toString(ticker.now().getEpochSecond())),
                Map.entry("oauth_version", "1.0"));
        List<Map.Entry<String, String>> all = new ArrayList<>(queryParameters(uri));
        all.addAll(oauth);
        String signature = sign(baseString(method, uri, all));
        StringBuilder header = new StringBuilder("OAuth ");
        for (Map.Entry<String, String> p : oauth) {
            header.append(p.getKey()).append("=\"").append(encode(p.getValue())).append("\", ");
        }
        return header.append("oauth_signature=\"").append(encode(signature)).append('"').toString();
    }

    @Override
    public String refusal(SisName name) {
        return name.subject() + " refused the client secret (401): update the secret in settings"
                + " (the client id and secret must be the pair the district issued to CDT).";
    }

    String sign(String baseString) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /**
     * RFC 5849 section 3.4.1: {@code METHOD&enc(base URI)&enc(normalized parameters)}, where the
     * parameters (decoded) are encoded, sorted by name then value, and joined with = and &.
     */
    static String baseString(String method, URI uri, List<Map.Entry<String, String>> parameters) {
        List<String[]> encoded = new ArrayList<>(parameters.size());
        for (Map.Entry<String, String> p : parameters) {
            encoded.add(new String[] {encode(p.getKey()), encode(p.getValue())});
        }
        encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder normalized = new StringBuilder();
        for (String[] p : encoded) {
            if (!normalized.isEmpty()) {
                normalized.append('&');
            }
            normalized.append(p[0]).append('=').append(p[1]);
        }
        return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(uri)) + "&" + encode(normalized.toString());
    }

    /** Scheme and host in lower case, the port only when it is not the scheme's default, the path as sent. */
    static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    /** The query's parameters, decoded ('+' read as a space, as form encoding has it). */
    static List<Map.Entry<String, String>> queryParameters(URI uri) {
        String query = uri.getRawQuery();
        List<Map.Entry<String, String>> params = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(Map.entry(decode(name), decode(value)));
        }
        return params;
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes: only ALPHA, DIGIT, '-', '.', '_' and '~' stay as they are. */
    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    static String decode(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && Character.digit(value.charAt(i + 1), 16) >= 0
                    && Character.digit(value.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(value.charAt(i + 1), 16) * 16 + Character.digit(value.charAt(i + 2), 16));
                i += 3;
            } else if (c == '+') {
                out.write(' ');
                i++;
            } else {
                int cp = value.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
