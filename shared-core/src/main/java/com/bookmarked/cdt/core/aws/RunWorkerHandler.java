package com.bookmarked.cdt.core.aws;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Lambda handler that takes runs off the run queue: a tool function's second handler,
 * {@code com.bookmarked.cdt.core.aws.RunWorkerHandler}, beside its HTTP one. Lambda creates one
 * instance per container, and with it one Micronaut context for every event it handles.
 *
 * <p>Records are handled one after the other (a run can take much of the memory), and each
 * record that could not be handled is reported as a batch item failure, so SQS redelivers only
 * those; the event source mapping needs {@code ReportBatchItemFailures}. A record whose body
 * names no run is reported too, so that it ends in the dead-letter queue where engineers see it.
 */
public class RunWorkerHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(RunWorkerHandler.class);

    @Inject
    RunWorker worker;

    @Inject
    JsonMapper json;

    /** Used by Lambda: the context starts with the function and lambda environments. */
    public RunWorkerHandler() {
    }

    public RunWorkerHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    public RunWorkerHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            if (!handled(message)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private boolean handled(SQSEvent.SQSMessage message) {
        UUID runId = runIdOf(message);
        if (runId == null) {
            LOG.error("message {} names no run (its body must be JSON with a runId); left for the dead-letter queue",
                    message.getMessageId());
            return false;
        }
        try {
            RunWorker.Outcome outcome = worker.take(runId);
            return outcome == RunWorker.Outcome.DONE;
        } catch (RuntimeException e) {
            // e.g. the database is out of reach: the run was not touched, so a later delivery may succeed
            LOG.error("run {} (message {}) could not be taken; SQS will deliver it again", runId, message.getMessageId(), e);
            return false;
        }
    }

    private UUID runIdOf(SQSEvent.SQSMessage message) {
        String body = message.getBody();
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = json.readValue(body, Map.class);
            Object runId = fields == null ? null : fields.get("runId");
            return runId instanceof String s ? UUID.fromString(s) : null;
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }
}
