package com.bookmarked.cdt.connector.oneroster.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Time that passes only when the client waits: every wait is recorded and moves the clocks on at once. */
public final class FakeTicker implements Ticker {

    private final Instant start;
    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    public FakeTicker(Instant start) {
        this.start = start;
    }

    @Override
    public Instant now() {
        return start.plusNanos(nanos.get());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        waits.add(duration);
        nanos.addAndGet(duration.toNanos());
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
