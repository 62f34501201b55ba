package com.bookmarked.cdt.core.testing;

import com.bookmarked.cdt.core.tool.ToolResult;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The measurements every tool benchmark makes of {@code analyze}: wall and thread-CPU time over
 * timed runs after a warm-up, and one run measured for memory. CPU time is reported beside wall
 * time because this machine is shared: it stays steady when the wall clock does not.
 */
public final class AnalyzeBenchmark {

    private AnalyzeBenchmark() {
    }

    /** Medians and minimum in milliseconds. */
    public record Timing(double medianMs, double minMs, double cpuMedianMs, int runs, int lastFindings) {
    }

    /**
     * One run's memory: used heap before it (after a GC: the snapshots and whatever the caller
     * holds), the sum of the heap pools' peaks during it (an upper bound, as pools peak at
     * different moments and garbage counts), and the bytes the analysing thread allocated.
     */
    public record Memory(long heapBeforeBytes, long poolPeakBytes, long allocatedBytes, ToolResult result) {
    }

    public static Timing time(Supplier<ToolResult> analyze, int warmUp, int runs) {
        int findings = 0;
        for (int i = 0; i < warmUp; i++) {
            findings = analyze.get().findings().size();
        }
        var threads = threads();
        double[] millis = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            findings = analyze.get().findings().size();
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpu);
        return new Timing(millis[runs / 2], millis[0], cpu[runs / 2], runs, findings);
    }

    public static Memory measureOnce(Supplier<ToolResult> analyze) {
        System.gc();
        long before = usedHeap();
        for (MemoryPoolMXBean pool : heapPools()) {
            pool.resetPeakUsage();
        }
        var threads = threads();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        ToolResult result = analyze.get();
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools()) {
            peak += pool.getPeakUsage().getUsed();
        }
        return new Memory(before, peak, allocated, result);
    }

    /** Used heap now, summed over the heap pools (call {@code System.gc()} first for live data). */
    public static long usedHeap() {
        long used = 0;
        for (MemoryPoolMXBean pool : heapPools()) {
            used += pool.getUsage().getUsed();
        }
        return used;
    }

    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Iterable<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static com.sun.management.ThreadMXBean threads() {
        return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }
}
