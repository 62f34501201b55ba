package com.bookmarked.cdt.connector.ftp;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An FTP or FTPS session (Apache Commons Net), in passive mode and binary type. FTPS is explicit
 * ({@code AUTH TLS} on the FTP port) unless the settings ask for implicit TLS; the control and
 * data connections are both encrypted ({@code PROT P}), and the certificate is checked by
 * {@link CertificateTrust}.
 */
final class FtpSession implements FileServerSession {

    private final FTPClient ftp;
    private final FileServerAddress address;

    private FtpSession(FTPClient ftp, FileServerAddress address) {
        this.ftp = ftp;
        this.address = address;
    }

    static FtpSession open(FileServerSettings settings, FileServerLogin login, FileServerTimeouts timeouts, KeyStore authorities,
                           Steps steps) throws FileServerException {
        FileServerAddress address = settings.address();
        boolean tls = address.protocol() == FileServerAddress.Protocol.FTPS;
        CertificateTrust trust = tls ? new CertificateTrust(settings.tlsCertificateFingerprint(), authorities) : null;
        FTPClient ftp = tls ? ftpsClient(settings.implicitTls(), trust) : new FTPClient();
        ftp.setConnectTimeout(timeouts.connectMillis());
        ftp.setDefaultTimeout(timeouts.readMillis());
        ftp.setDataTimeout(timeouts.read());
        try {
            connect(ftp, settings, trust, timeouts);
            steps.passed(Checks.CONNECTION, "Reached " + address.host() + " on port " + address.port()
                    + (tls ? "." : " over plain FTP. Plain FTP sends the password and the roster unencrypted: "
                    + "ask the district whether it offers SFTP or FTPS."));
            if (tls) {
                steps.passed(Checks.TLS, (settings.implicitTls() ? "Implicit" : "Explicit") + " TLS is set up; the certificate ("
                        + trust.presented() + ") is " + (trust.pinned() ? "the one in the settings."
                        : "signed by an authority CDT trusts, for " + address.host() + "."));
            }
            ftp.setSoTimeout(timeouts.readMillis());
            if (!ftp.login(login.username(), login.password())) {
                throw FileServerException.fix(Checks.LOGIN, "The " + address.protocol().label() + " server refused the login in the secret "
                        + settings.secretRef() + " (" + reply(ftp) + "). Update the secret, or ask the district whether the account "
                        + "is active and allowed in.");
            }
            steps.passed(Checks.LOGIN, "Logged in with the password in the secret " + settings.secretRef() + ".");
            if (ftp instanceof FTPSClient ftps) {
                try {
                    ftps.execPBSZ(0);
                    ftps.execPROT("P");
                } catch (SSLException e) {
                    throw FileServerException.fix(Checks.LOGIN, "The FTPS server will not encrypt file transfers (PROT P refused: "
                            + reply(ftp) + "); CDT does not fetch rosters unencrypted over FTPS. Ask the district to allow it.");
                }
            }
            ftp.enterLocalPassiveMode();
            if (!ftp.setFileType(FTP.BINARY_FILE_TYPE)) {
                throw FileServerException.fix(Checks.LOGIN, "The server refused binary transfers (" + reply(ftp) + ").");
            }
            if (!address.folder().isEmpty() && !ftp.changeWorkingDirectory(address.folder())) {
                throw FileServerException.fix(Checks.FOLDER, "On the " + address.protocol().label() + " server, " + address.folderLabel()
                        + " does not exist or may not be opened by this login (" + reply(ftp)
                        + "). Check the folder in the SIS location with the district.");
            }
            return new FtpSession(ftp, address);
        } catch (FileServerException e) {
            quietlyDisconnect(ftp);
            throw e;
        } catch (IOException e) {
            quietlyDisconnect(ftp);
            throw FileServerException.retry(Checks.LOGIN, "The " + address.protocol().label() + " server broke off the session ("
                    + e.getClass().getSimpleName() + "). Try again in a few minutes.", e);
        }
    }

    private static FTPClient ftpsClient(boolean implicit, CertificateTrust trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            FTPSClient ftps = new FTPSClient(implicit, context);
            // the host name is checked against the certificate unless a pinned certificate says more
            ftps.setEndpointCheckingEnabled(!trust.pinned());
            return ftps;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    private static void connect(FTPClient ftp, FileServerSettings settings, CertificateTrust trust, FileServerTimeouts timeouts)
            throws FileServerException {
        FileServerAddress address = settings.address();
        String where = address.host() + " port " + address.port();
        try {
            ftp.connect(address.host(), address.port());
        } catch (UnknownHostException e) {
            throw FileServerException.fix(Checks.CONNECTION, "The server name " + address.host()
                    + " is not known. Check the host in the SIS location with the district.");
        } catch (ConnectException e) {
            throw FileServerException.retry(Checks.CONNECTION, "Nothing answered at " + where
                    + " (connection refused). Check the host and port with the district; the server may be down.", e);
        } catch (SocketTimeoutException e) {
            throw timedOut(where, timeouts, e);
        } catch (SSLException e) {
            throw tlsFailure(ftp, settings, trust, e);
        } catch (IOException e) {
            if (e.getCause() instanceof SocketTimeoutException) {
                // commons-net wraps a greeting that never came
                throw timedOut(where, timeouts, e);
            }
            throw FileServerException.retry(Checks.CONNECTION, "The connection to " + where + " failed ("
                    + e.getClass().getSimpleName() + "). Try again in a few minutes; if it keeps failing, check the port "
                    + "and protocol with the district.", e);
        }
        if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
            String reply = reply(ftp);
            quietlyDisconnect(ftp);
            throw FileServerException.retry(Checks.CONNECTION, "The server at " + where + " answered but turned CDT away ("
                    + reply + "). It may be busy; try again in a few minutes.", null);
        }
    }

    private static FileServerException timedOut(String where, FileServerTimeouts timeouts, IOException e) {
        return FileServerException.retry(Checks.CONNECTION, where + " did not answer within "
                + FileServerTimeouts.describe(timeouts.connect()) + ". The server may be down, or it may let in only addresses "
                + "the district knows: ask the district to allow CDT's address.", e);
    }

    private static FileServerException tlsFailure(FTPClient ftp, FileServerSettings settings, CertificateTrust trust, SSLException e) {
        if (trust.refusal() != null) {
            return FileServerException.fix(Checks.TLS, trust.refusal());
        }
        if (!settings.implicitTls() && trust.presented() == null && ftp.getReplyCode() >= 400) {
            // explicit FTPS: the server answered AUTH TLS with an error
            return FileServerException.fix(Checks.TLS, "The server at " + settings.address().host() + " does not offer TLS ("
                    + reply(ftp) + "). Ask the district whether it uses implicit FTPS (set implicitTls to true and use port 990), "
                    + "SFTP, or plain FTP.");
        }
        return FileServerException.retry(Checks.TLS, "The TLS handshake with " + settings.address().host() + " port "
                + settings.address().port() + " failed (" + e.getClass().getSimpleName() + "). Check with the district that the "
                + "port speaks " + (settings.implicitTls() ? "implicit" : "explicit") + " FTPS.", e);
    }

    /** The server's last reply, code and text, for messages: it comes from the server, never holds our secret. */
    private static String reply(FTPClient ftp) {
        String text = ftp.getReplyString();
        return text == null ? "no reply" : text.strip().replaceAll("\\s+", " ");
    }

    @Override
    public List<RemoteFile> list(FileNamePattern exactTimes) throws IOException {
        // MLSD gives exact sizes and UTC times; servers without it get LIST, and MDTM for the times
        FTPFile[] entries = ftp.mlistDir();
        boolean exact = FTPReply.isPositiveCompletion(ftp.getReplyCode());
        if (!exact) {
            entries = ftp.listFiles();
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
                throw FileServerException.fix(Checks.FOLDER, "The server would not list " + address.folderLabel()
                        + " (" + reply(ftp) + "). Ask the district whether this login may list it.");
            }
        }
        List<RemoteFile> files = new ArrayList<>();
        for (FTPFile entry : entries) {
            if (entry == null || !entry.isFile()) {
                continue;
            }
            Instant modified = entry.getTimestampInstant();
            if (!exact && exactTimes.matches(entry.getName())) {
                Instant precise = ftp.mdtmInstant(entry.getName());
                modified = precise != null ? precise : modified;
            }
            files.add(new RemoteFile(entry.getName(), entry.getSize(), modified));
        }
        return files;
    }

    @Override
    public InputStream download(RemoteFile file) throws IOException {
        InputStream in = ftp.retrieveFileStream(file.name());
        if (in == null) {
            throw FileServerException.fix(Checks.DOWNLOAD, "The server would not send " + file.name() + " (" + reply(ftp)
                    + "); it may have been moved or its permissions changed. Try again, or ask the district.");
        }
        return in;
    }

    @Override
    public void finishDownload() throws IOException {
        if (!ftp.completePendingCommand()) {
            throw FileServerException.retry(Checks.DOWNLOAD, "The server reported that the transfer failed (" + reply(ftp)
                    + "). Try again in a few minutes.", null);
        }
    }

    @Override
    public void close() {
        if (ftp.isConnected()) {
            try {
                ftp.logout();
            } catch (IOException ignored) {
                // disconnecting anyway
            }
        }
        quietlyDisconnect(ftp);
    }

    private static void quietlyDisconnect(FTPClient ftp) {
        try {
            ftp.disconnect();
        } catch (IOException ignored) {
            // nothing more to do with a connection that is going away
        }
    }
}
