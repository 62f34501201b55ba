package com.bookmarked.cdt.connector.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made at test time with the JDK's own keytool (the JDK has no public API to
 * sign one): a self-signed server certificate in a PKCS12 keystore for the FTPS server.
 */
final class TestCertificates {

    record Keystore(Path file, String password, X509Certificate certificate) {

        String fingerprint() {
            return Fingerprints.of(certificate);
        }

        /** A trust store holding just this certificate, as if a certificate authority had signed it. */
        KeyStore asAuthority() throws GeneralSecurityException, IOException {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("district", certificate);
            return trust;
        }
    }

    private TestCertificates() {
    }

    /** A self-signed certificate for the given subject alternative names (e.g. "dns:localhost,ip:127.0.0.1"). */
    static Keystore selfSigned(Path folder, String name, String subjectAltNames) throws IOException, InterruptedException, GeneralSecurityException {
        Path file = folder.resolve(name + ".p12");
        String password = "keystore-" + name;
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", "SAN=" + subjectAltNames, "-validity", "2",
                "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return new Keystore(file, password, (X509Certificate) store.getCertificate("server"));
    }
}
