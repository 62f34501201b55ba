package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.demo.DemoDistrict;
import com.bookmarked.cdt.core.demo.DemoDistrictGenerator;
import com.bookmarked.cdt.core.demo.DemoSpec;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;

import com.bookmarked.cdt.core.testing.AnalyzeBenchmark;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Times {@code analyze} on the in-memory demo district: warm-up, then several timed runs (median
 * and minimum), then one run measured for memory: peak used heap over the run (pools reset after
 * a GC, so the snapshots themselves are the baseline) and bytes the analysing thread allocated.
 *
 * <p>Run: {@code ./mvnw -q -pl functions/tool-missing-data -am test-compile exec:exec@benchmark -Dexec.skip=true}
 * (arguments: the sizes; default 10000 100000).
 */
public final class MissingDataBenchmark {

    private static final int WARM_UP = 3;
    private static final int RUNS = 7;

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("Missing Data Finder benchmark, JDK %s, max heap %d MB, %d cores%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        for (int size : sizes) {
            run(size);
        }
    }

    private static void run(int size) {
        long t0 = System.nanoTime();
        DemoDistrict district = new DemoDistrictGenerator().generate(new DemoSpec(size, 42));
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        Snapshots snapshots = Snapshots.of(district.sis(), district.ours());
        MissingDataFinder finder = new MissingDataFinder();
        Supplier<ToolResult> analyze = () -> finder.analyze(snapshots, ToolParameters.none(), Progress.NONE);
        AnalyzeBenchmark.Timing timing = AnalyzeBenchmark.time(analyze, WARM_UP, RUNS);
        AnalyzeBenchmark.Memory memory = AnalyzeBenchmark.measureOnce(analyze);

        System.out.printf("%,9d students (%,d SIS + %,d our users, %,d + %,d enrollments; generated in %.1f s): "
                        + "analyze median %.0f ms (CPU %.0f ms), min %.0f ms over %d runs; %d findings; heap with snapshots %,d MB, "
                        + "peak during analyze %,d MB; analysing thread allocated %,d MB%n",
                size, district.sis().users().size(), district.ours().users().size(), district.sis().enrollments().size(),
                district.ours().enrollments().size(), generateSeconds, timing.medianMs(), timing.cpuMedianMs(), timing.minMs(),
                timing.runs(), timing.lastFindings(), memory.heapBeforeBytes() >> 20, memory.poolPeakBytes() >> 20,
                memory.allocatedBytes() >> 20);
        if (memory.result().findings().size() != timing.lastFindings()) {
            throw new IllegalStateException("analyze is not deterministic");
        }
    }
}
