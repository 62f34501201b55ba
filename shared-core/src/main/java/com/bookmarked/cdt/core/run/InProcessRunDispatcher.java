package com.bookmarked.cdt.core.run;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs each run on its own virtual thread in this process. At most
 * {@code cdt.runs.max-concurrent} (default 2) analyse at once, because a large district's
 * snapshots take a good part of the heap; the others wait, still QUEUED. In a Lambda the
 * queue-fed {@code com.bookmarked.cdt.core.aws.SqsRunDispatcher} replaces it.
 */
@Singleton
@Requires(beans = DataSource.class)
public class InProcessRunDispatcher implements RunDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessRunDispatcher.class);

    private final Provider<RunExecutor> executor;
    private final Semaphore slots;
    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("cdt-run-", 0).factory());

    public InProcessRunDispatcher(Provider<RunExecutor> executor,
                                  @Value("${cdt.runs.max-concurrent:2}") int maxConcurrent,
                                  Environment environment) {
        this.executor = executor;
        this.slots = new Semaphore(Math.max(1, maxConcurrent), true);
        if (environment.getActiveNames().contains(Environment.FUNCTION)) {
            // Lambda freezes the process between requests, so a run started here may never finish
            LOG.warn("runs will execute inside this function; set {} so that the run worker takes them",
                    "cdt.runs.queue-url");
        }
    }

    @Override
    public void dispatch(UUID runId) {
        threads.submit(() -> {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                executor.get().execute(runId);
            } catch (RuntimeException e) {
                // execute() records its own failures; this only guards the worker thread
                LOG.error("run {} escaped its executor", runId, e);
            } finally {
                slots.release();
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
