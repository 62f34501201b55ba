package com.bookmarked.cdt.tool.studentmismatch;

import com.bookmarked.cdt.core.demo.DemoDistrict;
import com.bookmarked.cdt.core.demo.DemoDistrictGenerator;
import com.bookmarked.cdt.core.demo.DemoSpec;
import com.bookmarked.cdt.core.demo.HardVariantSet;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import com.bookmarked.cdt.core.testing.AnalyzeBenchmark;
import com.bookmarked.cdt.core.tool.Progress;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times {@code analyze} on the in-memory demo district at each size: warm-up, then timed runs
 * (median and minimum wall time, and the analysing thread's CPU time, which other work on a
 * shared machine disturbs less), then one run measured for memory: peak used heap over the run with the
 * district's snapshots resident (pools reset after a GC, so the snapshots are part of the
 * figure), and the bytes the analysing thread allocated. Then the matcher's precision, recall and
 * F1 on the hard-variant set at the default thresholds.
 *
 * <p>Run: {@code ./mvnw -q -pl functions/tool-student-mismatch -am -Pbenchmark -DskipTests test}
 * (sizes: {@code -Dbenchmark.sizes="10000 100000"}; heap: {@code -Dbenchmark.heap=2g}).
 */
public final class StudentMismatchBenchmark {

    private static final int WARM_UP = 3;
    private static final int RUNS = 7;

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("Student Mismatch Resolver benchmark, JDK %s, max heap %d MB, %d cores%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        List<String> table = new ArrayList<>();
        table.add(String.format("%10s | %12s | %10s | %14s | %11s | %13s | %9s", "students", "median (ms)", "min (ms)",
                "median CPU ms", "CPU per 10k", "peak heap MB", "findings"));
        for (int size : sizes) {
            table.add(run(size));
        }
        System.out.println();
        table.forEach(System.out::println);

        System.out.println();
        System.out.println("Matcher on the hard-variant set (default thresholds: match " + Settings.DEFAULT_MATCH + ", review "
                + Settings.DEFAULT_REVIEW + " bits):");
        for (int size : new int[] {20_000, 100_000}) {
            for (long seed : new long[] {1, 2}) {
                HardVariantSet set = HardVariantSet.generate(size, seed);
                long t0 = System.nanoTime();
                MatchQuality q = MatchQuality.measure(set, Settings.DEFAULT_MATCH, Settings.DEFAULT_REVIEW);
                // every record here goes through blocking and scoring: the worst case for the matcher
                System.out.printf("%,8d persons, seed %d (all %,d + %,d records unlinked, matched in %.1f s): %s%n", size, seed,
                        set.sisStudents().size(), set.ourStudents().size(), (System.nanoTime() - t0) / 1e9, q.summary());
            }
        }
    }

    private static String run(int size) {
        long t0 = System.nanoTime();
        DemoDistrict district = new DemoDistrictGenerator().generate(new DemoSpec(size, 42));
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        Snapshots snapshots = Snapshots.of(district.sis(), district.ours());
        StudentMismatchResolver resolver = new StudentMismatchResolver();
        Supplier<ToolResult> analyze = () -> resolver.analyze(snapshots, ToolParameters.none(), Progress.NONE);
        AnalyzeBenchmark.Timing timing = AnalyzeBenchmark.time(analyze, WARM_UP, RUNS);
        double load = AnalyzeBenchmark.loadAverage();
        AnalyzeBenchmark.Memory memory = AnalyzeBenchmark.measureOnce(analyze);
        ToolResult result = memory.result();
        int findings = timing.lastFindings();
        long baseline = memory.heapBeforeBytes();
        long peak = memory.poolPeakBytes();
        long allocated = memory.allocatedBytes();
        double medianMs = timing.medianMs();
        double cpuMedianMs = timing.cpuMedianMs();

        System.out.printf("%,9d students (%,d SIS + %,d our users; generated in %.1f s): analyze median %.0f ms, min %.0f ms "
                        + "over %d runs (thread CPU median %.0f ms; machine load average %.1f); %d findings; heap with snapshots "
                        + "%,d MB, peak during analyze %,d MB; analysing thread allocated %,d MB%n",
                size, district.sis().users().size(), district.ours().users().size(), generateSeconds, medianMs, timing.minMs(),
                RUNS, cpuMedianMs, load, findings, baseline >> 20, peak >> 20, allocated >> 20);
        if (result.findings().size() != findings || findings != district.truth().ofTool(StudentMismatchResolver.ID).size()) {
            throw new IllegalStateException("analyze is not deterministic, or does not find exactly the planted problems");
        }
        return String.format("%,10d | %12.0f | %10.0f | %14.0f | %11.1f | %,13d | %,9d", size, medianMs, timing.minMs(),
                cpuMedianMs, cpuMedianMs / (size / 10_000.0), peak >> 20, findings);
    }
}
