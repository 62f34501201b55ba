package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.connector.oneroster.OneRosterCsvReader;
import com.bookmarked.cdt.core.connector.ConnectionTestResult;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.secrets.LocalSecrets;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The SFTP side against a real SFTP server on 127.0.0.1: choosing, verifying, refusing, reading. */
class SftpExportTest {

    @TempDir
    static Path temp;
    static ExportFolders exports;
    static SftpTestServer server;
    static Path downloads;
    static FileServerClient client;
    static FileServerSnapshotProvider provider;
    static FileServerConnectionCheck check;
    static String goodSecret;
    static String wrongSecret;
    static int newestUsers;
    static int olderUsers;

    @BeforeAll
    static void start() throws Exception {
        exports = new ExportFolders(Files.createDirectories(temp.resolve("server")), Files.createDirectories(temp.resolve("scratch")));
        server = new SftpTestServer(exports.root);
        downloads = Files.createDirectories(temp.resolve("downloads"));
        client = new FileServerClient(new LocalSecrets(), new FileServerTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10)));
        provider = new FileServerSnapshotProvider(client, downloads, Clock.systemUTC());
        check = new FileServerConnectionCheck(client);
        Path secrets = Files.createDirectories(temp.resolve("secrets"));
        goodSecret = ExportFolders.secret(secrets, "good", ExportFolders.login(SftpTestServer.USER, SftpTestServer.PASSWORD));
        wrongSecret = ExportFolders.secret(secrets, "wrong", ExportFolders.login(SftpTestServer.USER, "not-the-password-3"));
        OneRosterCsvReader reader = new OneRosterCsvReader();
        newestUsers = reader.read(exports.newest.zip(), "x", Instant.now()).snapshot().users().size();
        olderUsers = reader.read(exports.older.zip(), "x", Instant.now()).snapshot().users().size();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Customer customer(String folder, String secretRef, Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(Map.of(FileServerSettings.HOST_KEY_FINGERPRINT, server.fingerprint()));
        options.putAll(extra);
        options.values().removeIf(v -> v.isEmpty());
        return ExportFolders.customer("sftp-district", "sftp://127.0.0.1:" + server.port() + folder, secretRef, options);
    }

    static List<String> names(ConnectionTestResult r) {
        return r.checks().stream().map(ConnectionTestResult.Check::name).toList();
    }

    static List<String> downloadsLeft() throws Exception {
        try (var files = Files.list(downloads)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void aRunReadsTheNewestMatchingZipAndDeletesTheDownload() throws Exception {
        List<String> phases = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void report(String phase, int percent) {
                phases.add(phase);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        RosterSnapshot snapshot = provider.fetch(customer("/exports", goodSecret, Map.of()), SnapshotSide.SIS, progress);

        assertThat(newestUsers).isNotEqualTo(olderUsers);
        assertThat(snapshot.users()).hasSize(newestUsers);
        assertThat(snapshot.meta().customerId()).isEqualTo("sftp-district");
        assertThat(phases).contains("Connecting to the district's SFTP server", "Reading the district's OneRoster files")
                .anySatisfy(p -> assertThat(p).startsWith("Downloading " + ExportFolders.NEWEST + " ("));
        assertThat(downloadsLeft()).isEmpty();
    }

    @Test
    void theConnectionTestNamesTheNewestFileWithSizeAndDate() {
        ConnectionTestResult r = check.test(customer("/exports", goodSecret, Map.of()));

        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(names(r)).containsExactly("Customer settings", "Credentials", "Connection", "Host key", "Login", "Folder", "Newest file");
        assertThat(r.checks().get(3).message()).isEqualTo("The server's ECDSA host key is the one in the settings (" + server.fingerprint() + ").");
        assertThat(r.checks().get(5).message()).isEqualTo("Listed the folder /exports: 3 files, 2 matching *.zip.");
        assertThat(r.verdict()).startsWith("The newest export on the district's SFTP server is " + ExportFolders.NEWEST + " (")
                .contains(ByteSize.describe(exports.newest.zip().toFile().length()))
                .contains("24 hours ago").doesNotContain(SftpTestServer.PASSWORD);
    }

    @Test
    void aWrongPasswordFailsAtLoginWithoutShowingIt() {
        ConnectionTestResult r = check.test(customer("/exports", wrongSecret, Map.of()));

        assertThat(r.ok()).isFalse();
        assertThat(names(r)).containsExactly("Customer settings", "Credentials", "Connection", "Host key", "Login");
        assertThat(r.verdict()).isEqualTo("The SFTP server refused the login in the secret " + wrongSecret
                + " (password). Update the secret, or ask the district whether the account is active and allowed in.");
        assertThat(r.toString()).doesNotContain("not-the-password-3");

        UserFacingException e = catchThrowableOfType(UserFacingException.class,
                () -> provider.fetch(customer("/exports", wrongSecret, Map.of()), SnapshotSide.SIS, Progress.NONE));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.title()).isEqualTo("The district's file server refused the login");
    }

    @Test
    void aDifferentHostKeyIsRefusedBeforeAnyPasswordIsSent() throws Exception {
        String other = Fingerprints.of(SftpTestServer.ecKey().getPublic());
        int attempts = server.passwordAttempts.get();

        ConnectionTestResult r = check.test(customer("/exports", goodSecret, Map.of(FileServerSettings.HOST_KEY_FINGERPRINT, other)));

        assertThat(r.ok()).isFalse();
        assertThat(names(r)).containsExactly("Customer settings", "Credentials", "Connection", "Host key");
        assertThat(r.verdict()).isEqualTo("The SFTP server's host key (" + server.fingerprint() + ") is not the one in the settings ("
                + other + "): confirm with the district before updating it. CDT was shown the server's ECDSA key; a fingerprint "
                + "of another of its keys will not match.");
        UserFacingException e = catchThrowableOfType(UserFacingException.class, () -> provider.fetch(
                customer("/exports", goodSecret, Map.of(FileServerSettings.HOST_KEY_FINGERPRINT, other)), SnapshotSide.SIS, Progress.NONE));
        assertThat(e.getMessage()).isEqualTo(r.verdict());
        assertThat(server.passwordAttempts.get()).isEqualTo(attempts);
    }

    @Test
    void withoutAFingerprintTheServerIsRefusedAndItsKeyShownForConfirmation() {
        int attempts = server.passwordAttempts.get();

        ConnectionTestResult r = check.test(customer("/exports", goodSecret, Map.of(FileServerSettings.HOST_KEY_FINGERPRINT, "")));

        assertThat(r.ok()).isFalse();
        assertThat(names(r)).last().isEqualTo("Host key");
        assertThat(r.verdict()).startsWith("The customer's settings have no hostKeyFingerprint")
                .contains("The server presents " + server.fingerprint() + " (its ECDSA key): confirm it with the district");
        assertThat(server.passwordAttempts.get()).isEqualTo(attempts);
    }

    @Test
    void anEd25519HostKeyIsVerifiedAndAnEd25519PrivateKeyLogsIn() throws Exception {
        KeyPair hostKey = SftpTestServer.ed25519Key();
        try (SftpTestServer ed = new SftpTestServer(exports.root, hostKey)) {
            KeyPair key = SftpTestServer.ed25519Key();
            ed.clientKey = key.getPublic();
            String keySecret = keySecret("ed25519", key);
            Customer c = ExportFolders.customer("ed", "sftp://127.0.0.1:" + ed.port() + "/exports", keySecret,
                    Map.of(FileServerSettings.HOST_KEY_FINGERPRINT, ed.fingerprint()));

            ConnectionTestResult r = check.test(c);

            assertThat(r.ok()).as(r.toString()).isTrue();
            assertThat(r.checks().get(3).message()).isEqualTo("The server's ED25519 host key is the one in the settings ("
                    + ed.fingerprint() + ").");
            assertThat(ed.fingerprint()).startsWith("SHA256:").hasSize(50);
            assertThat(KeyUtils.getKeyType(hostKey)).isEqualTo("ssh-ed25519");
            assertThat(provider.fetch(c, SnapshotSide.SIS, Progress.NONE).users()).hasSize(newestUsers);
        }
    }

    @Test
    void aServerWithSeveralHostKeysIsAskedForItsEd25519OneAsOpenSshDoes() throws Exception {
        KeyPair ecdsa = SftpTestServer.ecKey();
        KeyPair ed25519 = SftpTestServer.ed25519Key();
        try (SftpTestServer both = new SftpTestServer(exports.root, ecdsa, ed25519)) {
            Customer c = ExportFolders.customer("both", "sftp://127.0.0.1:" + both.port() + "/exports", goodSecret,
                    Map.of(FileServerSettings.HOST_KEY_FINGERPRINT, Fingerprints.of(ed25519.getPublic())));

            ConnectionTestResult r = check.test(c);

            assertThat(r.ok()).as(r.toString()).isTrue();
            assertThat(r.checks().get(3).message()).startsWith("The server's ED25519 host key");
        }
    }

    static String keySecret(String name, KeyPair key) throws Exception {
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "cdt-test", null, pem);
        String json = "{\"username\": \"" + SftpTestServer.USER + "\", \"privateKey\": "
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(pem.toString(StandardCharsets.US_ASCII)) + "}";
        return ExportFolders.secret(temp.resolve("secrets"), name, json);
    }

    @Test
    void aPrivateKeyLogsIn() throws Exception {
        KeyPair key = SftpTestServer.ecKey();
        server.clientKey = key.getPublic();
        String keySecret = keySecret("ec", key);

        ConnectionTestResult r = check.test(customer("/exports", keySecret, Map.of()));

        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.checks().get(4).message()).isEqualTo("Logged in with the private key in the secret " + keySecret + ".");
    }

    @Test
    void aFileOverTheSizeLimitIsNotDownloaded() throws Exception {
        Customer c = customer("/big", goodSecret, Map.of(FileServerSettings.MAX_BYTES, "1MB"));

        ConnectionTestResult r = check.test(c);
        UserFacingException e = catchThrowableOfType(UserFacingException.class, () -> provider.fetch(c, SnapshotSide.SIS, Progress.NONE));

        assertThat(r.ok()).isFalse();
        assertThat(names(r)).last().isEqualTo("Newest file");
        assertThat(r.verdict()).isEqualTo("The newest export, export.zip, is 3.0 MB, more than the limit of 1.0 MB (maxBytes in the "
                + "settings). If the district's rosters have grown that much, raise maxBytes; otherwise ask the district what the file is.");
        assertThat(e.getMessage()).isEqualTo(r.verdict());
        assertThat(e.status()).isEqualTo(422);
        assertThat(downloadsLeft()).isEmpty();
    }

    @Test
    void aFileThatIsNotAZipIsRefusedAndDeleted() throws Exception {
        UserFacingException e = catchThrowableOfType(UserFacingException.class,
                () -> provider.fetch(customer("/bad", goodSecret, Map.of()), SnapshotSide.SIS, Progress.NONE));

        assertThat(e.getMessage()).isEqualTo("export.zip is not a zip file (it looks like a text file, perhaps a single CSV). CDT reads "
                + "a OneRoster export as one zip of CSV files: ask the district to send that, or narrow the pattern setting to the right files.");
        assertThat(downloadsLeft()).isEmpty();
    }

    @Test
    void aZipTheReaderRefusesIsReportedAndDeleted() throws Exception {
        UserFacingException e = catchThrowableOfType(UserFacingException.class,
                () -> provider.fetch(customer("/nomanifest", goodSecret, Map.of()), SnapshotSide.SIS, Progress.NONE));

        assertThat(e.title()).isEqualTo("The district's OneRoster files cannot be used");
        assertThat(e.getMessage()).contains("manifest.csv");
        assertThat(downloadsLeft()).isEmpty();
    }

    @Test
    void aMissingFolderAndAPatternMatchingNothingAreNamed() {
        ConnectionTestResult missing = check.test(customer("/exprots", goodSecret, Map.of()));
        assertThat(names(missing)).last().isEqualTo("Folder");
        assertThat(missing.verdict()).isEqualTo("On the SFTP server, the folder /exprots does not exist. Check the folder in the SIS "
                + "location with the district.");

        ConnectionTestResult none = check.test(customer("/exports", goodSecret, Map.of(FileServerSettings.PATTERN, "*.7z")));
        assertThat(names(none)).last().isEqualTo("Newest file");
        assertThat(none.verdict()).isEqualTo("No file in the folder /exports on the SFTP server matches *.7z (3 files there). Ask the "
                + "district whether the export ran, or correct the pattern setting.");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            FileServerClient impatient = new FileServerClient(new LocalSecrets(), new FileServerTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
            Customer c = ExportFolders.customer("silent", "sftp://127.0.0.1:" + silent.getLocalPort() + "/exports", goodSecret,
                    Map.of(FileServerSettings.HOST_KEY_FINGERPRINT, server.fingerprint()));

            long start = System.nanoTime();
            ConnectionTestResult r = new FileServerConnectionCheck(impatient).test(c);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(r.ok()).isFalse();
            assertThat(r.verdict()).isEqualTo("The server at 127.0.0.1 port " + silent.getLocalPort() + " did not complete the SSH "
                    + "handshake within 1 second. Check with the district that this is their SFTP server and port.");
            assertThat(took).isLessThan(Duration.ofSeconds(8));
            acceptor.interrupt();
        }
    }
}
