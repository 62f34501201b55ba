package com.bookmarked.cdt.connector.ftp;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fingerprints that pin a district's server: an SFTP host key as OpenSSH prints it
 * ({@code SHA256:} and unpadded base64, from {@code ssh-keygen -lf} or {@code ssh-keyscan}), and an
 * FTPS certificate as openssl prints it ({@code AB:CD:…}, 32 bytes of SHA-256 in hex).
 */
final class Fingerprints {

    private static final Pattern HEX = Pattern.compile("^[0-9A-F]{64}$");

    private Fingerprints() {
    }

    /** The host key fingerprint in the settings, normalised (no padding), or an explanation of what is wrong. */
    static String hostKey(String text) throws FileServerException {
        String t = text.strip();
        if (t.regionMatches(true, 0, "MD5:", 0, 4) || t.matches("^([0-9a-fA-F]{2}:){15}[0-9a-fA-F]{2}$")) {
            throw FileServerException.fix(Checks.SETTINGS, "The hostKeyFingerprint setting is an MD5 fingerprint; CDT needs the "
                    + "SHA256 one, as 'ssh-keygen -lf' prints it (SHA256: followed by 43 characters).");
        }
        if (!t.regionMatches(true, 0, "SHA256:", 0, 7)) {
            throw FileServerException.fix(Checks.SETTINGS, "The hostKeyFingerprint setting must be written as OpenSSH prints it: "
                    + "SHA256: followed by 43 characters (e.g. SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU).");
        }
        String b64 = t.substring(7);
        while (b64.endsWith("=")) {
            b64 = b64.substring(0, b64.length() - 1);
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(b64 + "=".repeat((4 - b64.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            throw FileServerException.fix(Checks.SETTINGS, "The hostKeyFingerprint setting is not a complete SHA256 fingerprint: after "
                    + "SHA256: come 43 characters of letters, digits, + and /. Copy it again from the district's message.");
        }
        return "SHA256:" + b64;
    }

    /** The OpenSSH SHA256 fingerprint of a host key. */
    static String of(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** The certificate fingerprint in the settings, normalised to upper-case hex with colons. */
    static String certificate(String text) throws FileServerException {
        String t = text.strip();
        int eq = t.toLowerCase(Locale.ROOT).indexOf("fingerprint=");
        if (eq >= 0) {
            t = t.substring(eq + "fingerprint=".length());
        }
        String hex = t.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (!HEX.matcher(hex).matches()) {
            throw FileServerException.fix(Checks.SETTINGS, "The tlsCertificateFingerprint setting must be the certificate's SHA-256 "
                    + "fingerprint as openssl prints it: 32 pairs of hex digits separated by colons (AB:CD:…).");
        }
        return colons(hex);
    }

    /** The SHA-256 fingerprint of a certificate, as openssl prints it. */
    static String of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return colons(HexFormat.of().withUpperCase().formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("SHA-256 of a certificate", e);
        }
    }

    private static String colons(String hex) {
        StringBuilder b = new StringBuilder(hex.length() * 3 / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                b.append(':');
            }
            b.append(hex, i, i + 2);
        }
        return b.toString();
    }
}
