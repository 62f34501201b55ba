package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.core.demo.DemoDistrictGenerator;
import com.bookmarked.cdt.core.demo.DemoDistrictWriter;
import com.bookmarked.cdt.core.demo.DemoSpec;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Times writing the demo district (generate + zip + ours.sql + truth.json) and reading its zip
 * back with the OneRoster reader, in a JVM whose heap the command fixes (2 GB by default), and
 * prints the peak heap of each step.
 *
 * <p>Run: {@code ./mvnw -q -pl functions/connector-oneroster -am -Pbenchmark -DskipTests test}
 * (sizes: {@code -Dbenchmark.sizes="100000 500000"}).
 */
public final class DemoDistrictBenchmark {

    public static void main(String[] args) throws IOException {
        System.out.printf("Demo district write + OneRoster read benchmark, JDK %s, max heap %d MB%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20);
        for (String arg : args.length == 0 ? new String[] {"100000"} : args) {
            run(Integer.parseInt(arg));
        }
    }

    private static void run(int size) throws IOException {
        Path folder = Files.createTempDirectory("cdt-demo-bench");
        try {
            resetPeaks();
            long start = System.nanoTime();
            DemoDistrictWriter.Written written = new DemoDistrictWriter().write(new DemoSpec(size, 42), folder);
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            long writePeak = peakHeap();
            System.gc();
            resetPeaks();
            start = System.nanoTime();
            OneRosterImport imported = new OneRosterCsvReader().read(written.zip(), DemoDistrictGenerator.CUSTOMER_KEY,
                    DemoDistrictGenerator.FETCHED_AT);
            double readSeconds = (System.nanoTime() - start) / 1e9;
            long readPeak = peakHeap();
            System.out.printf("%,9d students: wrote zip %,d MB + ours.sql %,d MB + truth.json %,d KB in %.1f s (peak heap %,d MB); "
                            + "read the zip back (%,d users, %,d enrollments, %d problems) in %.1f s (peak heap %,d MB)%n",
                    size, Files.size(written.zip()) >> 20, Files.size(written.sql()) >> 20, Files.size(written.truth()) >> 10,
                    writeSeconds, writePeak >> 20, imported.snapshot().users().size(), imported.snapshot().enrollments().size(),
                    imported.problemCount(), readSeconds, readPeak >> 20);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
