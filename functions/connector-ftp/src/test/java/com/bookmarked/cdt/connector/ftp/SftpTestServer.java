package com.bookmarked.cdt.connector.ftp;

import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SFTP server (Apache MINA SSHD) on 127.0.0.1 and a free port, serving a folder as "/",
 * with a host key generated for the test. It counts the password attempts it sees, so that a
 * test can show a refused host key sends none.
 */
final class SftpTestServer implements AutoCloseable {

    static final String USER = "district-sftp";
    static final String PASSWORD = "sftp-correct-horse-7";

    final SshServer server;
    final KeyPair hostKey;
    final AtomicInteger passwordAttempts = new AtomicInteger();
    volatile PublicKey clientKey;

    SftpTestServer(Path root) throws IOException, GeneralSecurityException {
        this(root, ecKey());
    }

    /** Serves with the first host key, and the others too when a client asks for their kind. */
    SftpTestServer(Path root, KeyPair hostKey, KeyPair... moreHostKeys) throws IOException {
        this.hostKey = hostKey;
        List<KeyPair> keys = new ArrayList<>(List.of(hostKey));
        keys.addAll(List.of(moreHostKeys));
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(keys));
        server.setPasswordAuthenticator((user, password, session) -> {
            passwordAttempts.incrementAndGet();
            return USER.equals(user) && PASSWORD.equals(password);
        });
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && key.equals(clientKey));
        server.setKeyboardInteractiveAuthenticator(null);
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
    }

    static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** An Ed25519 key, as OpenSSH servers present by preference. */
    static KeyPair ed25519Key() throws GeneralSecurityException {
        return SecurityUtils.getKeyPairGenerator(SecurityUtils.EDDSA).generateKeyPair();
    }

    int port() {
        return server.getPort();
    }

    String fingerprint() {
        return Fingerprints.of(hostKey.getPublic());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
