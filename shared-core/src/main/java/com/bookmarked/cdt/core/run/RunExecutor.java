package com.bookmarked.cdt.core.run;

import io.micronaut.context.annotation.Requires;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerService;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.logging.LogContext;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.cache.SnapshotCache;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.store.FindingStore;
import com.bookmarked.cdt.core.tool.DiagnosticTool;
import com.bookmarked.cdt.core.tool.SnapshotNeed;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Does one run from QUEUED to a final state: fetches the snapshots the tool needs, analyses,
 * saves the findings and the summary. The findings and the SUCCEEDED state are written in one
 * transaction, so a run that fails while saving has no findings at all. Anything that goes wrong
 * ends the run FAILED with an error an agent can read.
 */
@Singleton
@Requires(beans = DataSource.class)
public class RunExecutor {

    public static final String PHASE_STARTING = "Starting";
    public static final String PHASE_SIS = "Fetching the SIS roster";
    public static final String PHASE_OURS = "Reading our database";
    public static final String PHASE_ANALYSING = "Analysing";
    public static final String PHASE_SAVING = "Saving findings";

    private static final Logger LOG = LoggerFactory.getLogger(RunExecutor.class);

    private final RunRepository runs;
    private final ToolCatalogue tools;
    private final CustomerService customers;
    private final List<SnapshotProvider> providers;
    private final FindingStore findings;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final SnapshotCache snapshotCache;

    public RunExecutor(RunRepository runs, ToolCatalogue tools, CustomerService customers,
                       List<SnapshotProvider> providers, FindingStore findings,
                       TransactionOperations<Connection> transactions, JsonMapper json, SnapshotCache snapshotCache) {
        this.runs = runs;
        this.tools = tools;
        this.customers = customers;
        this.providers = providers;
        this.findings = findings;
        this.transactions = transactions;
        this.json = json;
        this.snapshotCache = snapshotCache;
    }

    public static String internalError(UUID runId) {
        return "CDT hit an internal error while running this tool; engineers can find it in the logs under run "
                + runId + ".";
    }

    public void execute(UUID runId) {
        RunRecord run = runs.findById(runId).orElse(null);
        if (run == null) {
            LOG.warn("run {} was dispatched but does not exist", runId);
            return;
        }
        try (LogContext ignored = LogContext.forRun(runId, run.customerId())) {
            Instant startedAt = now();
            if (run.status() != RunStatus.QUEUED || runs.markRunning(runId, startedAt, PHASE_STARTING) == 0) {
                LOG.info("run is no longer queued; nothing to do");
                return;
            }
            LOG.info("run started: tool {}", run.toolId());
            try (RunProgressWriter progress = new RunProgressWriter(runId, runs, System::nanoTime).start()) {
                try {
                    work(run, progress, startedAt);
                } catch (Exception e) {
                    // a connector that stops mid-fetch because the agent cancelled throws; that is a cancel, not a failure
                    if (!cancelledAfter(progress, e)) {
                        throw e;
                    }
                    cancelled(runId, startedAt);
                }
            } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
                fail(runId, startedAt, e);
            }
        }
    }

    private void work(RunRecord run, RunProgressWriter progress, Instant startedAt) throws IOException {
        UUID runId = run.id();
        DiagnosticTool tool = tools.find(run.toolId()).orElseThrow(() -> new UserFacingException(
                "The tool '" + run.toolId() + "' is not part of this deployment, so the run could not start."));
        Customer customer = customers.find(run.customerId()).orElseThrow(() -> new UserFacingException(
                "The customer '" + run.customerId() + "' no longer exists, so there is nothing to read."));

        List<RosterSnapshot> snapshots = new ArrayList<>();
        for (SnapshotNeed need : tool.descriptor().needs()) {
            progress.phase(need.side() == SnapshotSide.SIS ? PHASE_SIS : PHASE_OURS);
            SnapshotProvider provider = providerFor(customer, need.side());
            RosterSnapshot snapshot = snapshotCache.get(customer, need.side(), progress,
                    () -> provider.fetch(customer, need.side(), progress));
            if (snapshot == null) {
                throw new IllegalStateException("the snapshot provider returned nothing for " + need.side());
            }
            snapshots.add(snapshot);
            if (progress.cancelledNow()) {
                cancelled(runId, startedAt);
                return;
            }
        }

        progress.phase(PHASE_ANALYSING);
        ToolResult result = tool.analyze(Snapshots.of(snapshots.toArray(RosterSnapshot[]::new)),
                new ToolParameters(run.parameters()), progress);
        progress.flush();
        if (progress.cancelledNow()) {
            cancelled(runId, startedAt);
            return;
        }

        progress.phase(PHASE_SAVING);
        List<Finding> found = result.findings();
        String summaryJson = json.writeValueAsString(RunSummary.of(found, result.profile()));
        Instant finishedAt = now();
        long durationMs = Duration.between(startedAt, finishedAt).toMillis();
        transactions.executeWrite(status -> {
            findings.deleteAll(runId);
            findings.insertAll(runId, found);
            if (runs.finishSucceeded(runId, finishedAt, durationMs, summaryJson) != 1) {
                throw new IllegalStateException("the run stopped being RUNNING while its findings were saved");
            }
            return null;
        });
        LOG.info("run succeeded: {} findings in {} ms", found.size(), durationMs);
    }

    private SnapshotProvider providerFor(Customer customer, SnapshotSide side) {
        for (SnapshotProvider p : providers) {
            if (p.serves(customer, side)) {
                return p;
            }
        }
        String what = side == SnapshotSide.SIS
                ? "the SIS roster" + (customer.settings().sis() == null ? "" : " (" + customer.settings().sis().type() + ")")
                : "our database" + (customer.settings().ours() == null ? "" : " (" + customer.settings().ours().instance() + ")");
        throw new UserFacingException("No connector in this deployment can read " + what
                + " for customer '" + customer.id() + "'. Engineers: check the customer's settings and the deployed connectors.");
    }

    private static boolean cancelledAfter(RunProgressWriter progress, Exception e) {
        try {
            return progress.cancelledNow();
        } catch (RuntimeException checkFailed) {
            e.addSuppressed(checkFailed);
            return false;
        }
    }

    private void cancelled(UUID runId, Instant startedAt) {
        Instant at = now();
        runs.finishCancelled(runId, at, Duration.between(startedAt, at).toMillis());
        LOG.info("run cancelled on request");
    }

    private void fail(UUID runId, Instant startedAt, Throwable e) {
        String error;
        if (e instanceof UserFacingException u) {
            error = u.detail();
            // the message is stored as the run's error; the log keeps only where it came from
            LOG.warn("run failed: {} (the run's error explains it)", e.getClass().getName());
        } else {
            error = internalError(runId);
            LOG.error("run failed with an internal error", e);
        }
        Instant at = now();
        try {
            runs.finishFailed(runId, at, Duration.between(startedAt, at).toMillis(), error);
        } catch (RuntimeException storeFailure) {
            LOG.error("could not record the failure of the run", storeFailure);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
