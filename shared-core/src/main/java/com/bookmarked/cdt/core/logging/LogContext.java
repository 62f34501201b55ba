package com.bookmarked.cdt.core.logging;

import org.slf4j.MDC;

/**
 * Puts a run's ids in the logging MDC for as long as the run executes on this thread, so that
 * every line it logs carries {@code runId} and {@code customerId} (ids only, never names).
 *
 * <pre>{@code try (LogContext ignored = LogContext.forRun(runId, customerId)) { ... } }</pre>
 */
public final class LogContext implements AutoCloseable {

    public static final String RUN_ID = "runId";
    public static final String CUSTOMER_ID = "customerId";

    private final String previousRun;
    private final String previousCustomer;

    private LogContext(String runId, String customerId) {
        previousRun = MDC.get(RUN_ID);
        previousCustomer = MDC.get(CUSTOMER_ID);
        MDC.put(RUN_ID, runId);
        MDC.put(CUSTOMER_ID, customerId);
    }

    public static LogContext forRun(Object runId, String customerId) {
        return new LogContext(String.valueOf(runId), customerId);
    }

    @Override
    public void close() {
        restore(RUN_ID, previousRun);
        restore(CUSTOMER_ID, previousCustomer);
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
