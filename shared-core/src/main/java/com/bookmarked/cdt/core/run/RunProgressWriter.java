package com.bookmarked.cdt.core.run;

import com.bookmarked.cdt.core.tool.Progress;

import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The {@link Progress} a running run hands to connectors and the tool. Writes phase and percent
 * to the run at most every {@value #INTERVAL_MS} ms (the web app polls about once a second),
 * and reads the run's cancel flag at most as often, so that a tool may call both in a hot loop.
 * A report held back by that limit is written by a small flusher thread once the interval has
 * passed, so the latest phase shows even while a tool works a long time without reporting.
 */
final class RunProgressWriter implements Progress, AutoCloseable {

    static final long INTERVAL_MS = 250;
    private static final long INTERVAL_NANOS = INTERVAL_MS * 1_000_000;

    private final UUID runId;
    private final RunRepository runs;
    private final LongSupplier nanoTime;

    private volatile boolean cancelled;
    private volatile long nextCancelCheck;
    private long nextWrite;
    private String phase;
    private int percent;
    private boolean unwritten;
    private Thread flusher;

    RunProgressWriter(UUID runId, RunRepository runs, LongSupplier nanoTime) {
        this.runId = runId;
        this.runs = runs;
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        this.nextWrite = now;
        this.nextCancelCheck = now;
    }

    @Override
    public synchronized void report(String newPhase, int newPercent) {
        int clamped = Math.max(0, Math.min(100, newPercent));
        if (clamped == percent && newPhase != null && newPhase.equals(phase)) {
            return;
        }
        phase = newPhase;
        percent = clamped;
        unwritten = true;
        long now = nanoTime.getAsLong();
        if (now - nextWrite >= 0) {
            write(now);
        }
    }

    /** The executor's own phase changes: written at once (a handful per run). */
    synchronized void phase(String newPhase) {
        phase = newPhase;
        percent = 0;
        write(nanoTime.getAsLong());
    }

    /** Writes a report that the throttle held back, so the last phase is never lost. */
    synchronized void flush() {
        if (unwritten) {
            write(nanoTime.getAsLong());
        }
    }

    /** Starts writing held-back reports in the background, until {@link #close()}. */
    RunProgressWriter start() {
        flusher = Thread.ofVirtual().name("cdt-progress-" + runId).start(() -> {
            while (true) {
                try {
                    Thread.sleep(INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    flushIfDue();
                } catch (RuntimeException e) {
                    // progress is a courtesy: a failed write must not end the run; the next one retries
                    LoggerFactory.getLogger(RunProgressWriter.class).warn("progress write failed", e);
                }
            }
        });
        return this;
    }

    private synchronized void flushIfDue() {
        long now = nanoTime.getAsLong();
        if (unwritten && now - nextWrite >= 0) {
            write(now);
        }
    }

    @Override
    public void close() {
        Thread t = flusher;
        if (t != null) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean cancelled() {
        if (cancelled) {
            return true;
        }
        long now = nanoTime.getAsLong();
        if (now - nextCancelCheck >= 0) {
            synchronized (this) {
                if (now - nextCancelCheck >= 0) {
                    nextCancelCheck = now + INTERVAL_NANOS;
                    cancelled = runs.findCancelRequestedById(runId).orElse(false);
                }
            }
        }
        return cancelled;
    }

    /** Reads the cancel flag now, ignoring the throttle (before the executor's next step). */
    boolean cancelledNow() {
        if (!cancelled) {
            cancelled = runs.findCancelRequestedById(runId).orElse(false);
        }
        return cancelled;
    }

    private void write(long now) {
        runs.reportProgress(runId, phase == null ? "Working" : phase, percent);
        unwritten = false;
        nextWrite = now + INTERVAL_NANOS;
    }
}
