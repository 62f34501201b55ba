package com.bookmarked.cdt.connector.oneroster.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds the pages in flight per customer, also across fetches that overlap (two runs, or a run
 * and a connection test), so that CDT never sends a district's SIS more than its
 * {@code parallelism} at once. Fair, so that pages are served roughly in order.
 */
public final class PageSlots {

    private final Map<String, Semaphore> byCustomer = new ConcurrentHashMap<>();

    public Semaphore of(String customerId, int parallelism) {
        return byCustomer.computeIfAbsent(customerId + "|" + parallelism, k -> new Semaphore(parallelism, true));
    }
}
