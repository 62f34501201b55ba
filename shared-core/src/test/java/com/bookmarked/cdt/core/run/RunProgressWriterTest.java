package com.bookmarked.cdt.core.run;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RunProgressWriterTest {

    final List<String> writes = new ArrayList<>();
    final AtomicInteger cancelReads = new AtomicInteger();
    volatile boolean cancelFlag;
    final AtomicLong clock = new AtomicLong(1_000_000_000L);

    /** Records the two calls the writer makes; any other call is a mistake. */
    final RunRepository runs = (RunRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{RunRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                case "reportProgress" -> {
                    synchronized (writes) {
                        writes.add(args[1] + "@" + args[2]);
                    }
                    yield 1;
                }
                case "findCancelRequestedById" -> {
                    cancelReads.incrementAndGet();
                    yield Optional.of(cancelFlag);
                }
                default -> throw new AssertionError("unexpected call " + method.getName());
            });

    RunProgressWriter writer = new RunProgressWriter(UUID.randomUUID(), runs, clock::get);

    void advanceMs(long ms) {
        clock.addAndGet(ms * 1_000_000);
    }

    @Test
    void reportsAreThrottledToFourWritesASecond() {
        for (int i = 0; i <= 1000; i++) {
            writer.report("Matching", i / 10);
            advanceMs(1); // 1,000 reports over one second
        }
        assertThat(writes).hasSizeBetween(4, 5).startsWith("Matching@0");
        writer.flush();
        assertThat(writes.get(writes.size() - 1)).isEqualTo("Matching@100");
    }

    @Test
    void executorPhasesAreWrittenAtOnce() {
        writer.report("Reading", 10);
        writer.phase("Analysing");
        assertThat(writes).containsExactly("Reading@10", "Analysing@0");
    }

    @Test
    void cancellationIsReadAtMostEveryInterval() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(writer.cancelled()).isFalse();
        }
        assertThat(cancelReads.get()).isEqualTo(1);
        cancelFlag = true;
        assertThat(writer.cancelled()).as("within the interval the cached answer stands").isFalse();
        advanceMs(RunProgressWriter.INTERVAL_MS);
        assertThat(writer.cancelled()).isTrue();
        assertThat(writer.cancelled()).isTrue();
        assertThat(cancelReads.get()).isEqualTo(2);
    }

    @Test
    void theFlusherWritesAHeldBackReportWhileTheToolIsSilent() throws Exception {
        RunProgressWriter realTime = new RunProgressWriter(UUID.randomUUID(), runs, System::nanoTime).start();
        try {
            realTime.report("Reading", 1);
            realTime.report("Matching", 42); // held back: within 250 ms of the first
            long until = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < until) {
                synchronized (writes) {
                    if (writes.contains("Matching@42")) {
                        break;
                    }
                }
                Thread.sleep(10);
            }
        } finally {
            realTime.close();
        }
        assertThat(writes).containsExactly("Reading@1", "Matching@42");
    }
}
