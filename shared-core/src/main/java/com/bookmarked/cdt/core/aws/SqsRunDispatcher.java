package com.bookmarked.cdt.core.aws;

import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.run.InProcessRunDispatcher;
import com.bookmarked.cdt.core.run.RunDispatcher;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.UUID;

/**
 * Puts {@code {"runId": "..."}} on the run queue ({@code cdt.runs.queue-url}); the tool
 * function's {@link RunWorkerHandler} takes it from there. Active only when the queue is
 * configured; otherwise runs stay in process ({@link InProcessRunDispatcher}).
 */
@Singleton
@Replaces(InProcessRunDispatcher.class)
@Requires(property = SqsRunDispatcher.QUEUE_URL)
public class SqsRunDispatcher implements RunDispatcher, AutoCloseable {

    public static final String QUEUE_URL = "cdt.runs.queue-url";
    private static final Logger LOG = LoggerFactory.getLogger(SqsRunDispatcher.class);

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsRunDispatcher(AwsClientSettings settings, @Value("${" + QUEUE_URL + "}") String queueUrl) {
        this.sqs = settings.configure(SqsClient.builder()).build();
        this.queueUrl = queueUrl.trim();
    }

    /** The message a worker receives; {@link RunWorkerHandler} reads it back. */
    public static String messageBody(UUID runId) {
        return "{\"runId\":\"" + runId + "\"}";
    }

    @Override
    public void dispatch(UUID runId) {
        try {
            String messageId = sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(messageBody(runId))).messageId();
            LOG.info("run {} queued as message {}", runId, messageId);
        } catch (SdkException e) {
            AwsFailure failure = AwsFailure.of(e);
            // AWS's code and request id say it all; a stack trace of the SDK's retry stages does not
            LOG.error("run {} could not be put on the run queue {}: {}; {}", runId, queueUrl, failure.forLog(), e.toString());
            throw new UserFacingException("The run could not be queued", explain(failure, runId), 503, e);
        }
    }

    private static String explain(AwsFailure failure, UUID runId) {
        String tail = " (run " + runId + ")";
        return switch (failure.kind()) {
            case ACCESS_DENIED -> "CDT is not allowed to put runs on its run queue: AWS refused access. "
                    + "Tell the on-call engineer; the function needs permission to send to the queue" + tail + ".";
            case NOT_FOUND -> "The run queue that CDT is set up to use does not exist. "
                    + "Tell the on-call engineer; the function's queue setting needs fixing" + tail + ".";
            case THROTTLED, UNAVAILABLE -> "The run queue is busy or out of reach right now. "
                    + "Try again in a minute; if it keeps failing, tell the on-call engineer" + tail + ".";
            case NO_REGION, NO_CREDENTIALS, OTHER -> "CDT could not put this run on its run queue. "
                    + "Tell the on-call engineer; the logs say why" + tail + ".";
        };
    }

    @PreDestroy
    @Override
    public void close() {
        sqs.close();
    }
}
