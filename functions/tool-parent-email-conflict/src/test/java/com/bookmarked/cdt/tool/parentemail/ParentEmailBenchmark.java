package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.demo.DemoDistrict;
import com.bookmarked.cdt.core.demo.DemoDistrictGenerator;
import com.bookmarked.cdt.core.demo.DemoSpec;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.snapshot.SnapshotCodec;
import com.bookmarked.cdt.core.testing.AnalyzeBenchmark;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times {@code analyze} on the demo district, size by size: warm-up, then several timed runs
 * (median and minimum, wall clock and the analysing thread's CPU time, which a busy shared machine
 * disturbs less), then memory: used heap with the snapshots held (after a full GC), the live heap
 * while everything the analysis builds is held (snapshots, indexes, address book, findings; after
 * a full GC), the sum of the heap pools' peaks over one run (an upper bound that counts garbage) and
 * the bytes the analysing thread allocated. Ends with the table of all sizes.
 *
 * <p>By default the districts are generated in this JVM, and the live heap counts the generator's
 * snapshots. {@code prepare=DIR} only generates and stores each district's snapshots with
 * {@link SnapshotCodec}; a later {@code snapshots=DIR} reads them back instead of generating, the
 * way a run reads cached snapshots (decoded snapshots share no strings, so they are larger).
 *
 * <p>Run: {@code ./mvnw -q -pl functions/tool-parent-email-conflict -am -Pbenchmark -DskipTests test}
 * (sizes: {@code -Dbenchmark.sizes="10000 50000 100000 250000 500000" -Dbenchmark.heap=6g}).
 */
public final class ParentEmailBenchmark {

    private static final int WARM_UP = 3;
    private static final int RUNS = 7;

    private static final long SEED = 42;

    private record Row(int students, int guardians, double medianMs, double minMs, double cpuMedianMs, long heapMb, long liveMb,
                       long poolPeakMb, long allocatedMb, int findings) {
    }

    public static void main(String[] args) throws IOException {
        Path prepare = null;
        Path stored = null;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("prepare=")) {
                prepare = Path.of(args[i].substring("prepare=".length()));
            } else if (args[i].startsWith("snapshots=")) {
                stored = Path.of(args[i].substring("snapshots=".length()));
            } else {
                sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000);
        }
        if (prepare != null) {
            for (int size : sizes) {
                prepare(prepare, size);
            }
            return;
        }
        System.out.printf("Parent Email Conflict Detector benchmark, JDK %s, max heap %d MB, %d cores, snapshots %s%n",
                Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                stored == null ? "generated in this JVM" : "read with SnapshotCodec from " + stored);
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.add(run(size, stored));
        }
        System.out.println();
        System.out.println("| students | our guardian accounts | analysis median (wall) | min (wall) | median CPU | wall per 1,000 "
                + "students | heap with snapshots | live heap during analysis | sum of pool peaks | allocated by analysis | findings |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Row r : rows) {
            System.out.printf("| %,d | %,d | %,.0f ms | %,.0f ms | %,.0f ms | %.2f ms | %,d MB | %,d MB | %,d MB | %,d MB | %,d |%n",
                    r.students, r.guardians, r.medianMs, r.minMs, r.cpuMedianMs, r.medianMs * 1000 / r.students, r.heapMb,
                    r.liveMb, r.poolPeakMb, r.allocatedMb, r.findings);
        }
    }

    private static Path file(Path dir, int size, String what) {
        return dir.resolve("demo-" + size + "-" + SEED + "-" + what);
    }

    /** Generates the district once and stores both snapshots and the planted count; skips sizes already stored. */
    private static void prepare(Path dir, int size) throws IOException {
        if (Files.exists(file(dir, size, "planted.txt"))) {
            return;
        }
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        DemoDistrict district = new DemoDistrictGenerator().generate(new DemoSpec(size, SEED));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file(dir, size, "sis.cdtsnap")))) {
            SnapshotCodec.write(district.sis(), out);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file(dir, size, "ours.cdtsnap")))) {
            SnapshotCodec.write(district.ours(), out);
        }
        Files.writeString(file(dir, size, "planted.txt"),
                String.valueOf(district.truth().ofTool(ParentEmailConflictDetector.ID).size()));
        System.out.printf("%,9d students generated and stored in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
    }

    private static Row run(int size, Path stored) throws IOException {
        long t0 = System.nanoTime();
        Snapshots snapshots;
        int planted;
        if (stored == null) {
            DemoDistrict district = new DemoDistrictGenerator().generate(new DemoSpec(size, SEED));
            snapshots = Snapshots.of(district.sis(), district.ours());
            planted = district.truth().ofTool(ParentEmailConflictDetector.ID).size();
        } else {
            try (InputStream sis = new BufferedInputStream(Files.newInputStream(file(stored, size, "sis.cdtsnap")));
                 InputStream ours = new BufferedInputStream(Files.newInputStream(file(stored, size, "ours.cdtsnap")))) {
                snapshots = Snapshots.of(SnapshotCodec.read(sis), SnapshotCodec.read(ours));
            }
            planted = Integer.parseInt(Files.readString(file(stored, size, "planted.txt")).trim());
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        int guardians = (int) snapshots.ours().usersWithRole(RoleType.GUARDIAN).count();
        ParentEmailConflictDetector detector = new ParentEmailConflictDetector();
        Supplier<ToolResult> analyze = () -> detector.analyze(snapshots, ToolParameters.none(), Progress.NONE);
        AnalyzeBenchmark.Timing timing = AnalyzeBenchmark.time(analyze, WARM_UP, RUNS);
        int findings = timing.lastFindings();
        if (findings != planted) {
            throw new IllegalStateException(findings + " findings, but " + planted + " problems were planted");
        }
        System.gc();
        long baseline = AnalyzeBenchmark.usedHeap();
        long live = liveHeapDuringAnalysis(snapshots);
        AnalyzeBenchmark.Memory memory = AnalyzeBenchmark.measureOnce(analyze);
        long allocated = memory.allocatedBytes();
        long peak = memory.poolPeakBytes();
        if (memory.result().findings().size() != findings) {
            throw new IllegalStateException("analyze is not deterministic");
        }
        System.out.printf("%,9d students (%,d SIS + %,d our users, %,d our guardian accounts; loaded in %.1f s): analyze "
                        + "median %.0f ms (CPU %.0f ms), min %.0f ms over %d runs; %d findings; heap with snapshots %,d MB, "
                        + "live during analysis %,d MB, sum of pool peaks %,d MB; analysing thread allocated %,d MB%n",
                size, snapshots.sis().users().size(), snapshots.ours().users().size(), guardians, loadSeconds,
                timing.medianMs(), timing.cpuMedianMs(), timing.minMs(), RUNS, findings, baseline >> 20, live >> 20, peak >> 20,
                allocated >> 20);
        return new Row(size, guardians, timing.medianMs(), timing.minMs(), timing.cpuMedianMs(), baseline >> 20, live >> 20,
                peak >> 20, allocated >> 20, findings);
    }

    /**
     * Used heap after a full GC while everything an analysis builds is still held: the indexes of
     * both sides, the address book and the findings (they live until the run ends, so this is the
     * analysis's working set at its largest, short-lived garbage aside).
     */
    private static long liveHeapDuringAnalysis(Snapshots snapshots) {
        RosterSide sis = new RosterSide(snapshots.sis());
        RosterSide ours = new RosterSide(snapshots.ours());
        Placeholders placeholders = Placeholders.defaults();
        GuardianAddresses addresses = new GuardianAddresses(sis, ours, placeholders,
                ParentEmailConflictDetector.DEFAULT_PLACEHOLDER_HOUSEHOLDS);
        Detection d = new Detection(sis, ours, addresses, placeholders, EnumSet.allOf(Category.class), Progress.NONE);
        AccountRules.run(d);
        SharedAddressRules.run(d);
        GuardianLinkRule.run(d);
        List<Finding> findings = d.findings();
        System.gc();
        long used = AnalyzeBenchmark.usedHeap();
        Reference.reachabilityFence(findings);
        Reference.reachabilityFence(d);
        return used;
    }
}
