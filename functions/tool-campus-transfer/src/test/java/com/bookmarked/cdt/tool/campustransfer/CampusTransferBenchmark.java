package com.bookmarked.cdt.tool.campustransfer;

import com.bookmarked.cdt.core.demo.DemoDistrict;
import com.bookmarked.cdt.core.demo.DemoDistrictGenerator;
import com.bookmarked.cdt.core.demo.DemoSpec;
import com.bookmarked.cdt.core.testing.AnalyzeBenchmark;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times {@code analyze} on the in-memory demo district at each size and measures its heap, then
 * prints a table of size → time and heap, with the cost per 1,000 students to show how it grows.
 *
 * <p>Time: warm-up runs, then timed runs (median and minimum wall time). The machine is shared, so
 * the analysing thread's CPU time is shown beside the wall time, with the load average.
 *
 * <p>Heap: "needed" is the smallest heap, snapshots included, in which the analysis still runs.
 * The benchmark JVM needs a larger heap to generate a big district, so a cap is simulated: after
 * a GC, ballast arrays fill the heap down to the cap and the analysis must run beside the
 * snapshots in what is left (an OutOfMemoryError means it does not fit). The cap is found by
 * halving between the snapshots' size and the budget (1,536 MB). The sum of the heap pools' peaks
 * during one run is printed too: an upper bound that counts garbage not yet collected.
 *
 * <p>Run: {@code ./mvnw -q -pl functions/tool-campus-transfer -am -Pbenchmark -DskipTests test}
 * (sizes: {@code -Dbenchmark.sizes="10000 100000"}; the JVM heap: {@code -Dbenchmark.heap=6g}).
 */
public final class CampusTransferBenchmark {

    private static final int WARM_UP = 3;
    private static final int RUNS = 7;
    private static final long BUDGET_MB = 1536;
    private static final long STEP_MB = 16;

    record Row(int students, int sisEnrollments, int ourMemberships, double generateSeconds, double medianMs, double minMs,
               double cpuMedianMs, long snapshotsMb, long neededMb, boolean fitsBudget, long poolPeakMb, long allocatedMb,
               int findings, double load) {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {10_000, 50_000, 100_000, 250_000, 500_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("Campus Transfer Validator benchmark, JDK %s, max heap %d MB, %d cores%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            Row r = run(size);
            rows.add(r);
            System.out.printf("%,9d students: generated in %.1f s; analyze median %.0f ms (CPU %.0f ms), min %.0f ms; "
                            + "heap needed %,d MB (snapshots %,d MB); load average %.1f%n", size, r.generateSeconds(),
                    r.medianMs(), r.cpuMedianMs(), r.minMs(), r.neededMb(), r.snapshotsMb(), r.load());
        }
        System.out.println();
        System.out.println("| students | SIS enrollments | our memberships | analyze median (ms) | min (ms) | CPU median (ms) "
                + "| CPU ms per 1,000 students | snapshots (MB) | heap needed, snapshots included (MB) | fits 1,536 MB "
                + "| pool peak, upper bound (MB) | allocated (MB) | findings | load average |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            System.out.printf("| %,d | %,d | %,d | %.0f | %.0f | %.0f | %.2f | %,d | %s | %s | %,d | %,d | %,d | %.1f |%n",
                    r.students(), r.sisEnrollments(), r.ourMemberships(), r.medianMs(), r.minMs(), r.cpuMedianMs(),
                    r.cpuMedianMs() / (r.students() / 1000.0), r.snapshotsMb(),
                    r.neededMb() < 0 ? "n/a" : String.format("%,d", r.neededMb()), r.fitsBudget() ? "yes" : "NO",
                    r.poolPeakMb(), r.allocatedMb(), r.findings(), r.load());
        }
        if (rows.stream().anyMatch(r -> !r.fitsBudget())) {
            throw new IllegalStateException("the analysis does not fit in " + BUDGET_MB + " MB at every size");
        }
    }

    private static Row run(int size) {
        long t0 = System.nanoTime();
        DemoDistrict district = new DemoDistrictGenerator().generate(new DemoSpec(size, 42));
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        Snapshots snapshots = Snapshots.of(district.sis(), district.ours());
        int expected = district.truth().ofTool(CampusTransferValidator.ID).size();
        int sisEnrollments = district.sis().enrollments().size();
        int ourMemberships = district.ours().enrollments().size();
        district = null; // keep only the two snapshots, as a tool function would
        CampusTransferValidator validator = new CampusTransferValidator();
        Supplier<ToolResult> analyze = () -> validator.analyze(snapshots, ToolParameters.none(), Progress.NONE);
        AnalyzeBenchmark.Timing timing = AnalyzeBenchmark.time(analyze, WARM_UP, RUNS);
        AnalyzeBenchmark.Memory memory = AnalyzeBenchmark.measureOnce(analyze);
        long snapshotsMb = memory.heapBeforeBytes() >> 20;
        long poolPeak = memory.poolPeakBytes() >> 20;
        long allocated = memory.allocatedBytes();
        ToolResult result = memory.result();
        if (result.findings().size() != expected) {
            throw new IllegalStateException(result.findings().size() + " findings where the demo district planted " + expected);
        }
        result = null;

        boolean fits = fitsIn(BUDGET_MB, validator, snapshots);
        long needed = -1;
        if (fits) {
            long low = snapshotsMb;
            long high = BUDGET_MB;
            while (high - low > STEP_MB) {
                long mid = (low + high) / 2;
                if (fitsIn(mid, validator, snapshots)) {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            needed = high;
        }
        BALLAST.release();
        return new Row(size, sisEnrollments, ourMemberships, generateSeconds, timing.medianMs(), timing.minMs(), timing.cpuMedianMs(),
                snapshotsMb, needed, fits, poolPeak, allocated >> 20, expected,
                AnalyzeBenchmark.loadAverage());
    }

    /** Runs the analysis with ballast filling the heap down to {@code capMb}; false on OutOfMemoryError. */
    private static boolean fitsIn(long capMb, CampusTransferValidator validator, Snapshots snapshots) {
        try {
            BALLAST.capAt(capMb);
            validator.analyze(snapshots, ToolParameters.none(), Progress.NONE);
            return true;
        } catch (OutOfMemoryError e) {
            return false;
        } finally {
            System.gc();
        }
    }

    private static final Ballast BALLAST = new Ballast();

    /**
     * Arrays that hold heap nobody else may use, kept between tries and resized by whole chunks
     * (four G1 regions each, less the array header, so no region is half used).
     */
    private static final class Ballast {
        private final List<long[]> chunks = new ArrayList<>();
        private final long chunkBytes = 4 * regionBytes();

        void capAt(long capMb) {
            long wanted = (Runtime.getRuntime().maxMemory() - (capMb << 20)) / chunkBytes;
            if (wanted < 0) {
                throw new IllegalStateException("give the benchmark JVM more heap than " + capMb + " MB");
            }
            while (chunks.size() > wanted) {
                chunks.remove(chunks.size() - 1);
            }
            System.gc();
            while (chunks.size() < wanted) {
                chunks.add(new long[(int) ((chunkBytes - 16) / 8)]);
            }
        }

        void release() {
            chunks.clear();
            System.gc();
        }

        private static long regionBytes() {
            var diagnostics = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            try {
                return Long.parseLong(diagnostics.getVMOption("G1HeapRegionSize").getValue());
            } catch (IllegalArgumentException e) {
                return 1 << 20;
            }
        }
    }
}
