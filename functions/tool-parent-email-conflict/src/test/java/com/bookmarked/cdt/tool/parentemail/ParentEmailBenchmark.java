package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.demo.DemoDistrict;
import com.bookmarked.cdt.core.demo.DemoDistrictGenerator;
import com.bookmarked.cdt.core.demo.DemoSpec;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times {@code analyze} on the in-memory demo district, size by size: warm-up, then several timed
 * runs (median and minimum), then one run measured for memory: used heap with the snapshots held
 * (after a GC), the peak over the run (heap pools reset first; the sum of pool peaks, an upper
 * bound) and the bytes the analysing thread allocated. Ends with the table of all sizes.
 *
 * <p>Run: {@code ./mvnw -q -pl functions/tool-parent-email-conflict -am -Pbenchmark -DskipTests test}
 * (sizes: {@code -Dbenchmark.sizes="10000 50000 100000 250000 500000"}; heap: {@code -Dbenchmark.heap=1536m}
 * shows that 500,000 students fit the 1.5 GB budget).
 */
public final class ParentEmailBenchmark {

    private static final int WARM_UP = 3;
    private static final int RUNS = 7;

    private record Row(int students, int guardians, double medianMs, double minMs, long heapMb, long peakMb, long allocatedMb,
                       int findings) {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("Parent Email Conflict Detector benchmark, JDK %s, max heap %d MB, %d cores%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.add(run(size));
        }
        System.out.println();
        System.out.println("| students | our guardian accounts | analysis median | min | per 1,000 students | heap with snapshots "
                + "| peak heap during analysis | allocated by analysis | findings |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Row r : rows) {
            System.out.printf("| %,d | %,d | %,.0f ms | %,.0f ms | %.2f ms | %,d MB | %,d MB | %,d MB | %,d |%n", r.students,
                    r.guardians, r.medianMs, r.minMs, r.medianMs * 1000 / r.students, r.heapMb, r.peakMb, r.allocatedMb,
                    r.findings);
        }
    }

    private static Row run(int size) {
        long t0 = System.nanoTime();
        DemoDistrict district = new DemoDistrictGenerator().generate(new DemoSpec(size, 42));
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        Snapshots snapshots = Snapshots.of(district.sis(), district.ours());
        int guardians = (int) district.ours().usersWithRole(RoleType.GUARDIAN).count();
        int planted = district.truth().ofTool(ParentEmailConflictDetector.ID).size();
        district = null; // keep only the snapshots, as a run does
        ParentEmailConflictDetector detector = new ParentEmailConflictDetector();
        int findings = 0;
        for (int i = 0; i < WARM_UP; i++) {
            findings = detector.analyze(snapshots, ToolParameters.none(), Progress.NONE).findings().size();
        }
        if (findings != planted) {
            throw new IllegalStateException(findings + " findings, but " + planted + " problems were planted");
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            detector.analyze(snapshots, ToolParameters.none(), Progress.NONE);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);

        System.gc();
        long baseline = usedHeap();
        resetPeaks();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        ToolResult result = detector.analyze(snapshots, ToolParameters.none(), Progress.NONE);
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long peak = peakHeap();
        if (result.findings().size() != findings) {
            throw new IllegalStateException("analyze is not deterministic");
        }
        System.out.printf("%,9d students (%,d SIS + %,d our users, %,d our guardian accounts; generated in %.1f s): analyze "
                        + "median %.0f ms, min %.0f ms over %d runs; %d findings; heap with snapshots %,d MB, peak during "
                        + "analyze %,d MB; analysing thread allocated %,d MB%n",
                size, snapshots.sis().users().size(), snapshots.ours().users().size(), guardians, generateSeconds,
                millis[RUNS / 2], millis[0], RUNS, findings, baseline >> 20, peak >> 20, allocated >> 20);
        return new Row(size, guardians, millis[RUNS / 2], millis[0], baseline >> 20, peak >> 20, allocated >> 20, findings);
    }

    private static long usedHeap() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks: an upper bound, as pools peak at different moments. */
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
