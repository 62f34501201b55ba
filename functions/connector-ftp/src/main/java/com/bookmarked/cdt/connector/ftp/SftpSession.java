package com.bookmarked.cdt.connector.ftp;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An SFTP session (Apache MINA SSHD). The server's host key must have the fingerprint in the
 * settings: an unknown or different key ends the handshake before any password or key is
 * sent, and the message names both fingerprints so that the agent can confirm with the district.
 */
final class SftpSession implements FileServerSession {

    private final SshClient client;
    private final ClientSession session;
    private final SftpClient sftp;
    private final FileServerAddress address;

    private SftpSession(SshClient client, ClientSession session, SftpClient sftp, FileServerAddress address) {
        this.client = client;
        this.session = session;
        this.sftp = sftp;
        this.address = address;
    }

    static SftpSession open(FileServerSettings settings, FileServerLogin login, FileServerTimeouts timeouts, Steps steps)
            throws FileServerException {
        FileServerAddress address = settings.address();
        KeyPair key = login.privateKey() == null ? null : keyOf(login, settings.secretRef());
        AtomicReference<String> presented = new AtomicReference<>();
        SshClient client = SshClient.setUpDefaultClient();
        // only the settings and the secret decide: no ~/.ssh/config, no keys from the server's home folder
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        // the handshake is refused unless the key is the pinned one; nothing is remembered between sessions
        client.setServerKeyVerifier((s, remote, serverKey) -> verify(serverKey, settings.hostKeyFingerprint(), presented));
        client.setSignatureFactories(ed25519First(client.getSignatureFactories()));
        CoreModuleProperties.IDLE_TIMEOUT.set(client, timeouts.read());
        CoreModuleProperties.AUTH_TIMEOUT.set(client, timeouts.connect());
        client.start();
        ClientSession session = null;
        try {
            try {
                ConnectFuture connecting = client.connect(login.username(), address.host(), address.port());
                session = connecting.verify(timeouts.connect()).getSession();
            } catch (IOException e) {
                throw connectionFailure(address, timeouts, e);
            }
            steps.passed(Checks.CONNECTION, "Reached " + address.host() + " on port " + address.port() + ".");
            if (key != null) {
                session.addPublicKeyIdentity(key);
            }
            if (login.password() != null) {
                session.addPasswordIdentity(login.password());
            }
            IOException authFailure = null;
            try {
                session.auth().verify(timeouts.connect());
            } catch (IOException e) {
                authFailure = e;
            }
            hostKeyOutcome(settings, presented.get(), steps, authFailure, address, timeouts);
            if (authFailure != null) {
                throw FileServerException.fix(Checks.LOGIN, "The SFTP server refused the login in the secret "
                        + settings.secretRef() + " (" + (key != null ? "private key" : "password")
                        + "). Update the secret, or ask the district whether the account is active and allowed in.");
            }
            steps.passed(Checks.LOGIN, "Logged in with the " + (key != null ? "private key" : "password")
                    + " in the secret " + settings.secretRef() + ".");
            SftpClient sftp;
            try {
                sftp = SftpClientFactory.instance().createSftpClient(session);
            } catch (IOException e) {
                throw FileServerException.fix(Checks.LOGIN, "The server let CDT log in but offers no SFTP to this account; "
                        + "ask the district to enable SFTP for it.");
            }
            return new SftpSession(client, session, sftp, address);
        } catch (FileServerException | RuntimeException e) {
            if (session != null) {
                session.close(true);
            }
            client.stop();
            throw e;
        }
    }

    private static boolean verify(PublicKey serverKey, String expected, AtomicReference<String> presented) {
        String fingerprint = Fingerprints.of(serverKey);
        presented.set(fingerprint + " " + keyKind(serverKey));
        return fingerprint.equals(expected);
    }

    /**
     * A server with several host keys shows the one the client asks for first. OpenSSH asks for
     * Ed25519 first, so the fingerprint a district's administrator reads is most often that one.
     */
    private static List<NamedFactory<Signature>> ed25519First(List<NamedFactory<Signature>> factories) {
        List<NamedFactory<Signature>> ordered = new ArrayList<>(factories);
        ordered.sort(Comparator.comparingInt(f -> KeyPairProvider.SSH_ED25519.equals(f.getName()) ? 0 : 1));
        return ordered;
    }

    private static String keyKind(PublicKey key) {
        String type = String.valueOf(KeyUtils.getKeyType(key));
        if (type.contains("ed25519")) {
            return "ED25519";
        }
        if (type.startsWith("ecdsa")) {
            return "ECDSA";
        }
        return type.contains("rsa") ? "RSA" : type;
    }

    /** Says what the host key check found, once the handshake is over; throws when it refused the key. */
    private static void hostKeyOutcome(FileServerSettings settings, String shown, Steps steps, IOException authFailure,
                                       FileServerAddress address, FileServerTimeouts timeouts) throws FileServerException {
        String expected = settings.hostKeyFingerprint();
        if (shown == null) {
            // no key was shown: the handshake itself failed
            throw FileServerException.retry(Checks.HOST_KEY, "The server at " + address.host() + " port " + address.port()
                    + " did not complete the SSH handshake within " + FileServerTimeouts.describe(timeouts.connect())
                    + ". Check with the district that this is their SFTP server and port.", authFailure);
        }
        String presented = shown.substring(0, shown.indexOf(' '));
        String kind = shown.substring(shown.indexOf(' ') + 1);
        if (expected == null) {
            throw FileServerException.fix(Checks.HOST_KEY, "The customer's settings have no hostKeyFingerprint, so CDT cannot tell "
                    + "the district's SFTP server from an impostor. The server presents " + presented + " (its " + kind
                    + " key): confirm it with the district, then set it as hostKeyFingerprint in the settings.");
        }
        if (!presented.equals(expected)) {
            throw FileServerException.fix(Checks.HOST_KEY, "The SFTP server's host key (" + presented
                    + ") is not the one in the settings (" + expected + "): confirm with the district before updating it. "
                    + "CDT was shown the server's " + kind + " key; a fingerprint of another of its keys will not match.");
        }
        steps.passed(Checks.HOST_KEY, "The server's " + kind + " host key is the one in the settings (" + expected + ").");
    }

    private static FileServerException connectionFailure(FileServerAddress address, FileServerTimeouts timeouts, IOException e) {
        Throwable root = rootOf(e);
        String where = address.host() + " port " + address.port();
        if (root instanceof UnknownHostException) {
            return FileServerException.fix(Checks.CONNECTION, "The server name " + address.host()
                    + " is not known. Check the host in the SIS location with the district.");
        }
        if (root instanceof ConnectException) {
            return FileServerException.retry(Checks.CONNECTION, "Nothing answered at " + where
                    + " (connection refused). Check the host and port with the district; the server may be down.", e);
        }
        return FileServerException.retry(Checks.CONNECTION, "Could not reach " + where + " within "
                + FileServerTimeouts.describe(timeouts.connect()) + ". The server may be down, or it may let in only "
                + "addresses the district knows: ask the district to allow CDT's address.", e);
    }

    private static KeyPair keyOf(FileServerLogin login, String secretRef) throws FileServerException {
        FilePasswordProvider passphrase = login.passphrase() == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(login.passphrase());
        try (InputStream in = new ByteArrayInputStream(login.privateKey().getBytes(StandardCharsets.UTF_8))) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(secretRef), in, passphrase);
            if (keys != null) {
                for (KeyPair k : keys) {
                    return k;
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // the parser's message may quote the key: keep only what kind of failure it was
            throw FileServerException.fix(Checks.CREDENTIALS, "The private key in the secret " + secretRef + " cannot be read ("
                    + e.getClass().getSimpleName() + "). It must be an OpenSSH or PEM private key"
                    + (login.passphrase() == null ? "; if it is protected by a passphrase, add \"passphrase\" to the secret." : ", and the passphrase must be its own."));
        }
        throw FileServerException.fix(Checks.CREDENTIALS, "The secret " + secretRef + " has a privateKey with no key in it; "
                + "paste the whole key, from -----BEGIN to -----END.");
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public List<RemoteFile> list(FileNamePattern exactTimes) throws IOException {
        String folder = address.folder().isEmpty() ? "." : address.folder();
        List<RemoteFile> files = new ArrayList<>();
        try {
            for (SftpClient.DirEntry entry : sftp.readDir(folder)) {
                SftpClient.Attributes a = entry.getAttributes();
                if (a.isRegularFile()) {
                    Instant modified = a.getModifyTime() == null ? null : a.getModifyTime().toInstant();
                    files.add(new RemoteFile(entry.getFilename(), a.getSize(), modified));
                }
            }
        } catch (SftpException e) {
            throw folderFailure(e);
        } catch (UncheckedIOException e) {
            // the listing is read lazily: its failures arrive wrapped
            if (e.getCause() instanceof SftpException s) {
                throw folderFailure(s);
            }
            throw e.getCause();
        }
        return files;
    }

    private FileServerException folderFailure(SftpException e) {
        String reason = switch (e.getStatus()) {
            case SftpConstants.SSH_FX_NO_SUCH_FILE, SftpConstants.SSH_FX_NO_SUCH_PATH -> "does not exist";
            case SftpConstants.SSH_FX_PERMISSION_DENIED -> "may not be read by this login";
            default -> "cannot be listed (SFTP status " + e.getStatus() + ")";
        };
        return FileServerException.fix(Checks.FOLDER, "On the SFTP server, " + address.folderLabel() + " " + reason
                + ". Check the folder in the SIS location with the district.");
    }

    @Override
    public InputStream download(RemoteFile file) throws IOException {
        try {
            return sftp.read(address.pathOf(file.name()));
        } catch (SftpException e) {
            throw FileServerException.fix(Checks.DOWNLOAD, "The SFTP server would not send " + file.name()
                    + " (SFTP status " + e.getStatus() + "); it may have been moved or its permissions changed. Try again, "
                    + "or ask the district.");
        }
    }

    @Override
    public void close() {
        try {
            sftp.close();
        } catch (IOException ignored) {
            // closing: the session goes too
        }
        session.close(true);
        client.stop();
    }
}
