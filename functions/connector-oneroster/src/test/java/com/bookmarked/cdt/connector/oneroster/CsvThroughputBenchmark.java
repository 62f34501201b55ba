package com.bookmarked.cdt.connector.oneroster;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Side by side on one generated OneRoster 1.1 users.csv of 1,000,000 rows (about 100 MB, in a temp
 * folder): raw FastCSV, which only iterates the records, against our reader, which turns every row
 * into a checked {@code RosterUser} in a snapshot. Prints MB/s of each and the ratio (target: ours
 * at least half of raw FastCSV). Runs alternate, after a warm-up of each; the median of the
 * measured runs is compared. Beside wall-clock MB/s it prints MB per CPU-second of the whole JVM
 * (garbage collection and JIT included), which a machine shared with other work disturbs less.
 * Run it with a fixed heap ({@code -Xms} = {@code -Xmx}, as the benchmark profile does): the
 * {@code System.gc()} between runs would otherwise shrink the heap and charge the next run for
 * growing it back while a million users are being kept.
 *
 * <p>Run: {@code ./mvnw -q -pl functions/connector-oneroster -am -Pbenchmark -DskipTests test}
 * ({@code -Dbenchmark.rows=N}, {@code -Dbenchmark.runs=N}).
 */
public final class CsvThroughputBenchmark {

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path folder = Files.createTempDirectory("cdt-csv-bench");
        try {
            Path users = writeExport(folder, rows);
            long bytes = Files.size(users);
            System.out.printf(Locale.US, "OneRoster CSV throughput, JDK %s, max heap %,d MB: users.csv of %,d rows, %.1f MB%n",
                    Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, rows, bytes / 1e6);

            double[] raw = new double[runs];
            double[] ours = new double[runs];
            double[] rawCpu = new double[runs];
            double[] oursCpu = new double[runs];
            long checksum = rawFastCsv(users) + ourReader(folder, rows); // warm-up, not counted
            for (int i = 0; i < runs; i++) {
                System.gc();
                long start = System.nanoTime();
                long cpu = cpuNanos();
                checksum += rawFastCsv(users);
                raw[i] = bytes / 1e6 / ((System.nanoTime() - start) / 1e9);
                rawCpu[i] = bytes / 1e6 / ((cpuNanos() - cpu) / 1e9);
                System.gc();
                start = System.nanoTime();
                cpu = cpuNanos();
                checksum += ourReader(folder, rows);
                ours[i] = bytes / 1e6 / ((System.nanoTime() - start) / 1e9);
                oursCpu[i] = bytes / 1e6 / ((cpuNanos() - cpu) / 1e9);
                System.out.printf(Locale.US, "  run %d: raw FastCSV %6.1f MB/s (%6.1f MB/cpu-s), our reader %6.1f MB/s (%6.1f MB/cpu-s)%n",
                        i + 1, raw[i], rawCpu[i], ours[i], oursCpu[i]);
            }
            System.out.printf(Locale.US, "raw FastCSV (iterate records):    %6.1f MB/s   %6.1f MB/cpu-s (medians of %d)%n",
                    median(raw), median(rawCpu), runs);
            System.out.printf(Locale.US, "our reader (rows -> RosterUser):  %6.1f MB/s   %6.1f MB/cpu-s%n", median(ours), median(oursCpu));
            System.out.printf(Locale.US, "ratio ours / raw:                 %6.0f %%     %6.0f %%        (target >= 50 %%)%s%n",
                    100 * median(ours) / median(raw), 100 * median(oursCpu) / median(rawCpu), checksum == 42 ? " " : "");
            System.out.printf(Locale.US, "(load average %.1f on %d cores while measuring)%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Every record, every field touched once (its length), so that nothing is optimised away. */
    private static long rawFastCsv(Path users) throws IOException {
        long sum = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(users)) {
            for (CsvRecord record : reader) {
                for (int i = 0; i < record.getFieldCount(); i++) {
                    sum += record.getField(i).length();
                }
            }
        }
        return sum;
    }

    private static long ourReader(Path folder, int rows) throws IOException {
        OneRosterImport result = new OneRosterCsvReader().read(folder, "bench", Instant.EPOCH);
        if (result.snapshot().users().size() != rows || result.problemCount() != 0) {
            throw new IllegalStateException("the reader read " + result.snapshot().users().size() + " users with "
                    + result.problemCount() + " problems; first: " + result.problems().stream().findFirst().orElse(null));
        }
        return result.snapshot().users().size();
    }

    /** CPU time of the whole JVM: the reading thread, the garbage collector, the JIT. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** manifest.csv, orgs.csv with the schools, and users.csv: students with guardians, guardians, teachers. */
    static Path writeExport(Path folder, int rows) throws IOException {
        Files.writeString(folder.resolve("manifest.csv"), """
                propertyName,value
                manifest.version,1.0
                oneroster.version,1.1
                file.academicSessions,absent
                file.classes,absent
                file.courses,absent
                file.demographics,absent
                file.enrollments,absent
                file.orgs,bulk
                file.users,bulk
                """);
        int schools = 40;
        StringBuilder orgs = new StringBuilder("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n");
        orgs.append("dist-1,,2026-11-15T06:00:00Z,Bench District,district,D1,\r\n");
        for (int s = 0; s < schools; s++) {
            orgs.append(String.format(Locale.US, "sch-%03d,,2026-11-15T06:00:00Z,School %d,school,%04d,dist-1\r\n", s, s, s));
        }
        Files.writeString(folder.resolve("orgs.csv"), orgs);

        String[] given = {"Ana", "Bo", "Chloé", "Dmitri", "Emeka", "Fatima", "Giulia", "Hiroshi", "Ines", "Jamal", "Kaia", "Luis"};
        String[] family = {"García", "Nguyễn", "O'Brien", "Smith", "Kowalski", "Okafor", "Rossi", "Tanaka", "Müller", "Haddad"};
        Random random = new Random(7);
        Path users = folder.resolve("users.csv");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(users, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
                    + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\r\n");
            for (int i = 0; i < rows; i++) {
                String g = given[random.nextInt(given.length)];
                String f = family[random.nextInt(family.length)];
                String school = String.format(Locale.US, "sch-%03d", random.nextInt(schools));
                int kind = i % 10; // 6 students, 3 guardians, 1 teacher in 10
                String id;
                String role;
                String agents = "";
                String grade = "";
                String identifier = "";
                String org = school;
                if (kind < 6) {
                    id = "stu-" + i;
                    role = "student";
                    agents = "gua-" + (i + 6 - kind);
                    grade = String.format(Locale.US, "%02d", 1 + random.nextInt(12));
                    identifier = String.valueOf(100_000 + i);
                } else if (kind < 9) {
                    id = "gua-" + i;
                    role = "guardian";
                    agents = "stu-" + (i - kind);
                    org = "dist-1";
                } else {
                    id = "tch-" + i;
                    role = "teacher";
                }
                String email = g.toLowerCase(Locale.ROOT) + "." + i + "@x.example";
                out.write(id + ",," + "2026-11-15T06:00:00Z,true," + org + "," + role + ",u" + i + ",," + g + "," + f + ",,"
                        + identifier + "," + email + ",,," + agents + "," + grade + ",\r\n");
            }
        }
        return users;
    }
}
