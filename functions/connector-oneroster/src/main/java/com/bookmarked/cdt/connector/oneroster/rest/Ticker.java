package com.bookmarked.cdt.connector.oneroster.rest;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as the client sees it: the wall clock (OAuth timestamps, Retry-After dates, token expiry),
 * a monotonic clock (how long retries took) and waiting. Tests pass one that waits instantly.
 */
public interface Ticker {

    Instant now();

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    Ticker SYSTEM = new Ticker() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration);
            }
        }
    };
}
