package com.bookmarked.cdt.core.run;

import com.bookmarked.cdt.core.tool.DiagnosticTool;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * At startup, runs that a dead process left QUEUED or RUNNING can never finish: they become
 * FAILED with a reason the agent understands. This only holds where runs execute in this
 * process ({@link InProcessRunDispatcher}) and this process is the only one: never in a Lambda
 * (the {@code function} environment), where other instances share the database and may be
 * mid-run; elsewhere it can be turned off with {@code cdt.runs.recover-interrupted=false}.
 */
@Singleton
@Requires(beans = DataSource.class)
@Requires(beans = DiagnosticTool.class)
@Requires(property = "cdt.runs.recover-interrupted", notEquals = "false")
@Requires(notEnv = Environment.FUNCTION)
public class InterruptedRunRecovery {

    public static final String ERROR = "Interrupted: the server restarted before this run finished. Start it again.";
    private static final Logger LOG = LoggerFactory.getLogger(InterruptedRunRecovery.class);

    private final RunRepository runs;
    private final RunDispatcher dispatcher;

    public InterruptedRunRecovery(RunRepository runs, RunDispatcher dispatcher) {
        this.runs = runs;
        this.dispatcher = dispatcher;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!(dispatcher instanceof InProcessRunDispatcher)) {
            return;
        }
        int failed = runs.failUnfinished(Instant.now().truncatedTo(ChronoUnit.MICROS), ERROR);
        if (failed > 0) {
            LOG.warn("{} run(s) were left unfinished by the previous process and are now FAILED", failed);
        }
    }
}
