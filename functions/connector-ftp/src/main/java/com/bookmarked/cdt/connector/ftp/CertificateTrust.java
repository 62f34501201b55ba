package com.bookmarked.cdt.connector.ftp;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;

/**
 * Decides whether to trust an FTPS server's certificate: exactly the one pinned in the settings,
 * or else one that the JVM's certificate authorities vouch for, issued for the server's name.
 * It remembers what it saw, so that a refused handshake can be explained in an agent's words.
 */
final class CertificateTrust extends X509ExtendedTrustManager {

    private final String pinned;
    private final X509ExtendedTrustManager authorities;
    private volatile String presented;
    private volatile String refusal;

    /**
     * @param pinnedFingerprint the settings' certificate fingerprint, or null to rely on certificate authorities
     * @param authorities the certificate authorities to rely on, or null for the JVM's
     */
    CertificateTrust(String pinnedFingerprint, KeyStore authorities) {
        this.pinned = pinnedFingerprint;
        this.authorities = pinnedFingerprint == null ? trustIn(authorities) : null;
    }

    boolean pinned() {
        return pinned != null;
    }

    /** The SHA-256 fingerprint of the certificate the server showed, or null before the handshake. */
    String presented() {
        return presented;
    }

    /** Why the certificate was refused, in the agent's words, or null. */
    String refusal() {
        return refusal;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, () -> authorities.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, () -> authorities.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> authorities.checkServerTrusted(chain, authType));
    }

    private interface Validation {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, Validation byAuthorities) throws CertificateException {
        if (chain == null || chain.length == 0) {
            refusal = "The FTPS server sent no certificate.";
            throw new CertificateException("no certificate");
        }
        String seen = Fingerprints.of(chain[0]);
        presented = seen;
        if (pinned != null) {
            if (!pinned.equals(seen)) {
                refusal = "The FTPS server's certificate (" + seen + ") is not the one in the settings (" + pinned
                        + "): confirm with the district before updating it.";
                throw new CertificateException("not the pinned certificate");
            }
            return;
        }
        try {
            byAuthorities.run();
        } catch (CertificateException e) {
            refusal = explain(e, seen);
            throw e;
        }
    }

    private static String explain(CertificateException e, String seen) {
        String text = String.valueOf(e.getMessage());
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof CertificateExpiredException) {
                return "The FTPS server's certificate (" + seen + ") has expired; ask the district to renew it.";
            }
            cause = cause.getCause();
        }
        if (text.contains("No subject alternative") || text.contains("No name matching")) {
            return "The FTPS server's certificate (" + seen + ") is not issued for the host in the SIS location; "
                    + "check the host name with the district.";
        }
        return "The FTPS server's certificate (" + seen + ") is not signed by an authority CDT trusts. If the district "
                + "uses a certificate of its own, confirm this fingerprint with them and set it as tlsCertificateFingerprint "
                + "in the settings.";
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("CDT is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("CDT is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("CDT is a client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authorities == null ? new X509Certificate[0] : authorities.getAcceptedIssuers();
    }

    private static X509ExtendedTrustManager trustIn(KeyStore authorities) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(authorities);
            for (var tm : factory.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            for (var tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager) {
                    throw new IllegalStateException("the JVM's trust manager cannot check host names");
                }
            }
            throw new IllegalStateException("the JVM has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's certificate authorities cannot be loaded", e);
        }
    }
}
