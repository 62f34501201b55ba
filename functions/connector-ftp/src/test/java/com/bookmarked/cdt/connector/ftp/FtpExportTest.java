package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.connector.oneroster.OneRosterCsvReader;
import com.bookmarked.cdt.core.connector.ConnectionTestResult;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.secrets.LocalSecrets;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * FTP and FTPS against real FTP servers on 127.0.0.1 (Apache MINA FtpServer): plain, explicit and
 * implicit TLS, pinned and authority-signed certificates, an older server without MLSD.
 */
class FtpExportTest {

    @TempDir
    static Path temp;
    static ExportFolders exports;
    static TestCertificates.Keystore localhost;
    static TestCertificates.Keystore elsewhere;
    static FtpTestServer plain;
    static FtpTestServer explicit;
    static FtpTestServer implicit;
    static FtpTestServer wrongName;
    static FtpTestServer noMlsd;
    static Path downloads;
    static FileServerClient client;
    static String goodSecret;
    static String wrongSecret;
    static int newestUsers;
    static int olderUsers;

    @BeforeAll
    static void start() throws Exception {
        exports = new ExportFolders(Files.createDirectories(temp.resolve("server")), Files.createDirectories(temp.resolve("scratch")));
        Path certs = Files.createDirectories(temp.resolve("certs"));
        localhost = TestCertificates.selfSigned(certs, "localhost", "dns:localhost,ip:127.0.0.1");
        elsewhere = TestCertificates.selfSigned(certs, "elsewhere", "dns:ftp.elsewhere.example");
        plain = new FtpTestServer(exports.root, null, false, Set.of());
        explicit = new FtpTestServer(exports.root, localhost, false, Set.of());
        implicit = new FtpTestServer(exports.root, localhost, true, Set.of());
        wrongName = new FtpTestServer(exports.root, elsewhere, false, Set.of());
        noMlsd = new FtpTestServer(exports.root, null, false, Set.of("MLSD", "MLST"));
        downloads = Files.createDirectories(temp.resolve("downloads"));
        client = client(null);
        Path secrets = Files.createDirectories(temp.resolve("secrets"));
        goodSecret = ExportFolders.secret(secrets, "good", ExportFolders.login(FtpTestServer.USER, FtpTestServer.PASSWORD));
        wrongSecret = ExportFolders.secret(secrets, "wrong", ExportFolders.login(FtpTestServer.USER, "not-the-password-5"));
        OneRosterCsvReader reader = new OneRosterCsvReader();
        newestUsers = reader.read(exports.newest.zip(), "x", Instant.now()).snapshot().users().size();
        olderUsers = reader.read(exports.older.zip(), "x", Instant.now()).snapshot().users().size();
    }

    @AfterAll
    static void stop() {
        for (FtpTestServer s : List.of(plain, explicit, implicit, wrongName, noMlsd)) {
            s.close();
        }
    }

    static FileServerClient client(KeyStore authorities) {
        return new FileServerClient(new LocalSecrets(), new FileServerTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10)), authorities);
    }

    static Customer customer(String scheme, FtpTestServer server, String folder, String secretRef, Map<String, String> options) {
        return ExportFolders.customer("ftp-district", scheme + "://127.0.0.1:" + server.port() + folder, secretRef, options);
    }

    static ConnectionTestResult test(FileServerClient with, Customer customer) {
        return new FileServerConnectionCheck(with).test(customer);
    }

    static List<String> names(ConnectionTestResult r) {
        return r.checks().stream().map(ConnectionTestResult.Check::name).toList();
    }

    static RosterSnapshot fetch(Customer customer) {
        return new FileServerSnapshotProvider(client, downloads, Clock.systemUTC()).fetch(customer, SnapshotSide.SIS, Progress.NONE);
    }

    @Test
    void plainFtpReadsTheNewestZipAndWarnsThatNothingIsEncrypted() throws Exception {
        Customer c = customer("ftp", plain, "/exports", goodSecret, Map.of());

        ConnectionTestResult r = test(client, c);
        RosterSnapshot snapshot = fetch(c);

        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(names(r)).containsExactly("Customer settings", "Credentials", "Connection", "Login", "Folder", "Newest file");
        assertThat(r.checks().get(2).message()).contains("over plain FTP. Plain FTP sends the password and the roster unencrypted");
        assertThat(r.verdict()).startsWith("The newest export on the district's FTP server is " + ExportFolders.NEWEST);
        assertThat(newestUsers).isNotEqualTo(olderUsers);
        assertThat(snapshot.users()).hasSize(newestUsers);
        try (var left = Files.list(downloads)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void explicitFtpsWithThePinnedCertificate() {
        Customer c = customer("ftps", explicit, "/exports", goodSecret,
                Map.of(FileServerSettings.TLS_CERTIFICATE_FINGERPRINT, localhost.fingerprint()));

        ConnectionTestResult r = test(client, c);

        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(names(r)).containsExactly("Customer settings", "Credentials", "Connection", "TLS certificate", "Login", "Folder", "Newest file");
        assertThat(r.checks().get(3).message()).isEqualTo("Explicit TLS is set up; the certificate (" + localhost.fingerprint()
                + ") is the one in the settings.");
        assertThat(fetch(c).users()).hasSize(newestUsers);
    }

    @Test
    void implicitFtpsWithThePinnedCertificate() {
        Customer c = customer("ftps", implicit, "/exports", goodSecret, Map.of(FileServerSettings.IMPLICIT_TLS, "true",
                FileServerSettings.TLS_CERTIFICATE_FINGERPRINT, localhost.fingerprint().replace(":", "").toLowerCase()));

        ConnectionTestResult r = test(client, c);

        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.checks().get(3).message()).startsWith("Implicit TLS is set up;");
        assertThat(fetch(c).users()).hasSize(newestUsers);
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessPinnedAndItsFingerprintShown() {
        ConnectionTestResult r = test(client, customer("ftps", explicit, "/exports", goodSecret, Map.of()));

        assertThat(r.ok()).isFalse();
        assertThat(names(r)).containsExactly("Customer settings", "Credentials", "TLS certificate");
        assertThat(r.verdict()).isEqualTo("The FTPS server's certificate (" + localhost.fingerprint() + ") is not signed by an "
                + "authority CDT trusts. If the district uses a certificate of its own, confirm this fingerprint with them and set it "
                + "as tlsCertificateFingerprint in the settings.");
    }

    @Test
    void aDifferentPinnedCertificateIsRefused() {
        Customer c = customer("ftps", explicit, "/exports", goodSecret,
                Map.of(FileServerSettings.TLS_CERTIFICATE_FINGERPRINT, elsewhere.fingerprint()));

        ConnectionTestResult r = test(client, c);
        UserFacingException e = catchThrowableOfType(UserFacingException.class, () -> fetch(c));

        assertThat(r.verdict()).isEqualTo("The FTPS server's certificate (" + localhost.fingerprint() + ") is not the one in the "
                + "settings (" + elsewhere.fingerprint() + "): confirm with the district before updating it.");
        assertThat(e.getMessage()).isEqualTo(r.verdict());
        assertThat(e.title()).isEqualTo("The district's file server could not be verified");
    }

    @Test
    void aCertificateFromATrustedAuthorityMustNameTheHost() throws Exception {
        ConnectionTestResult trusted = test(client(localhost.asAuthority()),
                customer("ftps", explicit, "/exports", goodSecret, Map.of()));
        assertThat(trusted.ok()).as(trusted.toString()).isTrue();
        assertThat(trusted.checks().get(3).message()).endsWith("is signed by an authority CDT trusts, for 127.0.0.1.");

        ConnectionTestResult misnamed = test(client(elsewhere.asAuthority()),
                customer("ftps", wrongName, "/exports", goodSecret, Map.of()));
        assertThat(misnamed.ok()).isFalse();
        assertThat(misnamed.verdict()).isEqualTo("The FTPS server's certificate (" + elsewhere.fingerprint() + ") is not issued for "
                + "the host in the SIS location; check the host name with the district.");
    }

    @Test
    void aWrongPasswordFailsAtLoginWithTheServersReplyAndWithoutThePassword() {
        ConnectionTestResult r = test(client, customer("ftp", plain, "/exports", wrongSecret, Map.of()));

        assertThat(r.ok()).isFalse();
        assertThat(names(r)).last().isEqualTo("Login");
        assertThat(r.verdict()).startsWith("The FTP server refused the login in the secret " + wrongSecret + " (530 ")
                .doesNotContain("not-the-password-5");
    }

    @Test
    void anOlderServerWithoutMlsdIsListedWithLsAndExactTimesFromMdtm() {
        // the two files were written 30 s apart in one minute: LIST cannot tell them apart, MDTM can
        Customer c = customer("ftp", noMlsd, "/close", goodSecret, Map.of());

        ConnectionTestResult r = test(client, c);

        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.verdict()).startsWith("The newest export on the district's FTP server is b_roster.zip");
        assertThat(fetch(c).users()).hasSize(newestUsers);
    }

    @Test
    void anFtpsLocationOnAPlainServerSaysItOffersNoTls() {
        ConnectionTestResult r = test(client, customer("ftps", plain, "/exports", goodSecret, Map.of()));

        assertThat(r.ok()).isFalse();
        assertThat(names(r)).last().isEqualTo("TLS certificate");
        assertThat(r.verdict()).startsWith("The server at 127.0.0.1 does not offer TLS (").contains("implicitTls");
    }

    @Test
    void aClosedPortIsAnAnswerAndARunFailureToRetry() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Customer c = ExportFolders.customer("gone", "ftp://127.0.0.1:" + closed + "/exports", goodSecret, Map.of());

        ConnectionTestResult r = test(client, c);
        UserFacingException e = catchThrowableOfType(UserFacingException.class, () -> fetch(c));

        assertThat(r.verdict()).isEqualTo("Nothing answered at 127.0.0.1 port " + closed + " (connection refused). Check the host "
                + "and port with the district; the server may be down.");
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.title()).isEqualTo("The district's file server could not be reached");
    }

    @Test
    void aServerThatNeverGreetsTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            FileServerClient impatient = new FileServerClient(new LocalSecrets(), new FileServerTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
            long start = System.nanoTime();

            ConnectionTestResult r = test(impatient, ExportFolders.customer("silent", "ftp://127.0.0.1:" + silent.getLocalPort() + "/exports",
                    goodSecret, Map.of()));

            assertThat(r.verdict()).isEqualTo("127.0.0.1 port " + silent.getLocalPort() + " did not answer within 1 second. The server "
                    + "may be down, or it may let in only addresses the district knows: ask the district to allow CDT's address.");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }
}
