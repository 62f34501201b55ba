package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.connector.oneroster.OneRosterCsvReader;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.demo.DemoDistrictWriter;
import com.bookmarked.cdt.core.demo.DemoSpec;
import com.bookmarked.cdt.core.secrets.LocalSecrets;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How fast exports come off a district's server, over each protocol, from real servers on
 * 127.0.0.1 (so the figures are the client's and server's cost, not a network's):
 * <ol>
 *   <li>raw download of a large file to a temporary file, with the size and zip checks, per protocol;</li>
 *   <li>a whole SIS fetch of a demo district (download + OneRoster read) beside reading the same zip from disk.</li>
 * </ol>
 * {@code ./mvnw -q -pl functions/connector-ftp -am -Pftp-benchmark -DskipTests test} (sizes in the module's pom).
 */
public final class FileServerBenchmark {

    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int students = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path work = Files.createTempDirectory("cdt-ftp-bench");
        try {
            run(work, megabytes, students);
        } finally {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path work, int megabytes, int students) throws Exception {
        Path root = Files.createDirectories(work.resolve("server"));
        Path big = Files.createDirectories(root.resolve("big"));
        Path district = Files.createDirectories(root.resolve("district"));
        Path downloads = Files.createDirectories(work.resolve("downloads"));
        long bytes = (long) megabytes * 1024 * 1024;
        writeLargeFile(big.resolve("export.zip"), bytes);
        Path zip = new DemoDistrictWriter().write(new DemoSpec(students, 7), work.resolve("demo")).zip();
        Files.copy(zip, district.resolve("export.zip"));
        TestCertificates.Keystore keystore = TestCertificates.selfSigned(work, "localhost", "dns:localhost,ip:127.0.0.1");
        String secret = ExportFolders.secret(work, "login", ExportFolders.login(SftpTestServer.USER, SftpTestServer.PASSWORD));
        String ftpSecret = ExportFolders.secret(work, "ftp-login", ExportFolders.login(FtpTestServer.USER, FtpTestServer.PASSWORD));
        FileServerClient client = new FileServerClient(new LocalSecrets(), FileServerTimeouts.DEFAULT);

        System.out.printf(Locale.US, "file server benchmark: JDK %s, %d cores, servers on 127.0.0.1%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.US, "1) download of a %d MB file (best and median of %d), MB/s%n", megabytes, ROUNDS);
        try (SftpTestServer sftp = new SftpTestServer(root);
             FtpTestServer ftp = new FtpTestServer(root, null, false, Set.of());
             FtpTestServer ftps = new FtpTestServer(root, keystore, false, Set.of())) {
            Map<String, Customer> customers = Map.of(
                    "SFTP", ExportFolders.customer("b", "sftp://127.0.0.1:" + sftp.port() + "/big", secret,
                            Map.of(FileServerSettings.HOST_KEY_FINGERPRINT, sftp.fingerprint())),
                    "FTP", ExportFolders.customer("b", "ftp://127.0.0.1:" + ftp.port() + "/big", ftpSecret, Map.of()),
                    "FTPS", ExportFolders.customer("b", "ftps://127.0.0.1:" + ftps.port() + "/big", ftpSecret,
                            Map.of(FileServerSettings.TLS_CERTIFICATE_FINGERPRINT, keystore.fingerprint())));
            for (String protocol : List.of("SFTP", "FTP", "FTPS")) {
                FileServerSettings settings = FileServerSettings.of(customers.get(protocol).settings().sis());
                List<Double> rates = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    long start = System.nanoTime();
                    try (FileServerSession session = client.open(settings, FileServerSession.Steps.NONE)) {
                        RemoteFile file = session.list(settings.pattern()).get(0);
                        Path got = ExportDownload.fetch(session, file, settings.maxBytes(), downloads, protocol, Progress.NONE);
                        Files.delete(got);
                    }
                    rates.add(bytes / 1048576.0 / ((System.nanoTime() - start) / 1e9));
                }
                rates.sort(Comparator.naturalOrder());
                System.out.printf(Locale.US, "   %-5s best %7.1f   median %7.1f%n", protocol, rates.get(ROUNDS - 1), rates.get(ROUNDS / 2));
            }

            System.out.printf(Locale.US, "2) a whole SIS fetch of a demo district of %,d students (zip %,.1f MB), best of %d after 2 warm-ups%n",
                    students, Files.size(zip) / 1048576.0, ROUNDS + 2);
            OneRosterCsvReader reader = new OneRosterCsvReader();
            FileServerSnapshotProvider provider = new FileServerSnapshotProvider(client, downloads, Clock.systemUTC());
            Customer sftpDistrict = ExportFolders.customer("b", "sftp://127.0.0.1:" + sftp.port() + "/district", secret,
                    Map.of(FileServerSettings.HOST_KEY_FINGERPRINT, sftp.fingerprint()));
            Customer ftpsDistrict = ExportFolders.customer("b", "ftps://127.0.0.1:" + ftps.port() + "/district", ftpSecret,
                    Map.of(FileServerSettings.TLS_CERTIFICATE_FINGERPRINT, keystore.fingerprint()));
            int users = reader.read(zip, "b", Instant.now()).snapshot().users().size();
            // the three are timed in turn, after warm-up rounds, so that JIT and a busy machine weigh on each alike
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            for (int round = -2; round < ROUNDS + 2; round++) {
                long t0 = System.nanoTime();
                check(reader.read(zip, "b", Instant.now()).snapshot(), users);
                long t1 = System.nanoTime();
                check(provider.fetch(sftpDistrict, SnapshotSide.SIS, Progress.NONE), users);
                long t2 = System.nanoTime();
                check(provider.fetch(ftpsDistrict, SnapshotSide.SIS, Progress.NONE), users);
                long t3 = System.nanoTime();
                if (round >= 0) {
                    best[0] = Math.min(best[0], (t1 - t0) / 1e6);
                    best[1] = Math.min(best[1], (t2 - t1) / 1e6);
                    best[2] = Math.min(best[2], (t3 - t2) / 1e6);
                }
            }
            System.out.printf(Locale.US, "   read from local disk   %7.0f ms  (%,d users)%n", best[0], users);
            System.out.printf(Locale.US, "   fetched over SFTP      %7.0f ms  (connect, log in, list, download, read, delete)%n", best[1]);
            System.out.printf(Locale.US, "   fetched over FTPS      %7.0f ms%n", best[2]);
        }
    }

    private static void check(RosterSnapshot snapshot, int users) {
        if (snapshot.users().size() != users) {
            throw new IllegalStateException("read " + snapshot.users().size() + " users, not " + users);
        }
    }

    /** Incompressible bytes behind a zip header, so that no layer can shrink them. */
    private static void writeLargeFile(Path file, long bytes) throws IOException {
        Random random = new Random(1);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                random.nextBytes(block);
                if (written == 0) {
                    block[0] = 'P';
                    block[1] = 'K';
                    block[2] = 3;
                    block[3] = 4;
                }
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }
}
