package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.core.secrets.Secrets;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.security.KeyStore;
import java.time.Duration;

/**
 * Opens sessions on districts' file servers: reveals the login from the customer's secret
 * reference (only here), then connects by the protocol of the address. Timeouts come from
 * {@code cdt.connectors.ftp.connect-timeout} and {@code read-timeout}.
 */
@Singleton
public class FileServerClient {

    private final Secrets secrets;
    private final FileServerTimeouts timeouts;
    private final KeyStore authorities;

    @Inject
    public FileServerClient(Secrets secrets,
                            @Value("${cdt.connectors.ftp.connect-timeout:20s}") Duration connectTimeout,
                            @Value("${cdt.connectors.ftp.read-timeout:60s}") Duration readTimeout) {
        this(secrets, new FileServerTimeouts(connectTimeout, readTimeout));
    }

    public FileServerClient(Secrets secrets, FileServerTimeouts timeouts) {
        this(secrets, timeouts, null);
    }

    /** With certificate authorities of its own for FTPS (tests); null means the JVM's. */
    FileServerClient(Secrets secrets, FileServerTimeouts timeouts, KeyStore authorities) {
        this.secrets = secrets;
        this.timeouts = timeouts;
        this.authorities = authorities;
    }

    public FileServerTimeouts timeouts() {
        return timeouts;
    }

    /** Logs in and goes to the export folder; {@code steps} hears of each step that passed. */
    FileServerSession open(FileServerSettings settings, FileServerSession.Steps steps) throws FileServerException {
        FileServerLogin login = FileServerLogin.reveal(secrets, settings.secretRef(), settings.address().protocol());
        steps.passed(Checks.CREDENTIALS, "The secret " + settings.secretRef() + " holds a username and a "
                + (login.privateKey() != null ? "private key" : "password") + ".");
        return switch (settings.address().protocol()) {
            case SFTP -> SftpSession.open(settings, login, timeouts, steps);
            case FTP, FTPS -> FtpSession.open(settings, login, timeouts, authorities, steps);
        };
    }
}
