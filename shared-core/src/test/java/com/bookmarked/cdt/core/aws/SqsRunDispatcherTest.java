package com.bookmarked.cdt.core.aws;

import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.run.RunDispatcher;
import com.bookmarked.cdt.core.testing.FakeAws;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run queue's sending side against SQS's JSON protocol on 127.0.0.1 (no database needed). */
class SqsRunDispatcherTest {

    static FakeAws aws;
    static ApplicationContext ctx;
    static RunDispatcher dispatcher;
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        aws = FakeAws.start();
        ctx = ApplicationContext.builder().properties(aws.micronautProperties()).singletons(aws.credentials()).start();
        dispatcher = ctx.getBean(RunDispatcher.class);
    }

    @AfterAll
    static void stop() {
        ctx.close();
        aws.close();
    }

    @BeforeEach
    void clean() {
        aws.reset();
    }

    @Test
    void theQueueDispatcherIsTheOneWhenAQueueIsConfiguredAndAbsentOtherwise() {
        assertThat(dispatcher).isInstanceOf(SqsRunDispatcher.class);
        try (ApplicationContext plain = ApplicationContext.run()) {
            // without a queue and without a database nothing can run runs; with a database the in-process one does
            assertThat(plain.findBean(SqsRunDispatcher.class)).isEmpty();
        }
    }

    @Test
    void sendsTheRunIdToTheConfiguredQueueSignedForSqs() throws Exception {
        aws.acceptSendMessage();
        UUID runId = UUID.randomUUID();

        dispatcher.dispatch(runId);

        assertThat(aws.sendMessageRequests()).singleElement().satisfies(r -> {
            assertThat(r.getHeader("Content-Type")).startsWith("application/x-amz-json-1.0");
            assertThat(r.getHeader("Authorization"))
                    .startsWith("AWS4-HMAC-SHA256 Credential=" + FakeAws.ACCESS_KEY + "/")
                    .contains("/" + FakeAws.REGION + "/sqs/aws4_request");
        });
        JsonNode body = json.readTree(aws.sendMessageRequests().get(0).getBodyAsString());
        assertThat(body.get("QueueUrl").asText()).isEqualTo(FakeAws.QUEUE_URL);
        assertThat(json.readTree(body.get("MessageBody").asText()).get("runId").asText()).isEqualTo(runId.toString());
    }

    @Test
    void accessDeniedTellsTheAgentWhoCanFixItWithoutRetrying() {
        aws.refuseSendMessage(400, "com.amazon.coral.service#AccessDeniedException", "AccessDenied",
                "User: arn:aws:sts::000000000000:assumed-role/cdt-tool/fn is not authorized to perform: sqs:sendmessage");
        UUID runId = UUID.randomUUID();

        assertThatThrownBy(() -> dispatcher.dispatch(runId)).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.title()).isEqualTo("The run could not be queued");
            assertThat(e.detail()).contains("not allowed to put runs on its run queue")
                    .contains("on-call engineer").contains(runId.toString())
                    // AWS's own wording (role names, actions) is for the logs, not for agents
                    .doesNotContain("arn:aws").doesNotContain("sqs:sendmessage");
        });
        assertThat(aws.sendMessageRequests()).as("a refusal is not retried").hasSize(1);
    }

    @Test
    void aMissingQueueIsNamedAsSuch() {
        aws.refuseSendMessage(400, "com.amazonaws.sqs#QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
                "The specified queue does not exist.");

        assertThatThrownBy(() -> dispatcher.dispatch(UUID.randomUUID()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("run queue that CDT is set up to use does not exist");
    }

    @Test
    void throttlingIsRetriedAndTheRunStillGoesOut() {
        aws.throttleFirstSendMessage();
        UUID runId = UUID.randomUUID();

        dispatcher.dispatch(runId);

        assertThat(aws.sendMessageRequests()).hasSize(2);
        assertThat(aws.sentMessageBodies()).containsOnly(SqsRunDispatcher.messageBody(runId));
    }

    @Test
    void aQueueThatKeepsFailingIsRetriedThenExplained() {
        aws.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(FakeAws.SQS_SEND))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\":\"com.amazonaws.sqs#ServiceUnavailable\",\"message\":\"down\"}")));

        assertThatThrownBy(() -> dispatcher.dispatch(UUID.randomUUID()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("busy or out of reach").hasMessageContaining("Try again in a minute");
        assertThat(aws.sendMessageRequests()).as("the default three attempts").hasSize(3);
    }

    @Test
    void anAnswerWhoseChecksumDoesNotMatchIsNotTakenForSuccess() {
        // the SQS client checks MD5OfMessageBody: a queue that got another body must not look like success
        aws.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(FakeAws.SQS_SEND))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"MD5OfMessageBody\":\"00000000000000000000000000000000\",\"MessageId\":\"m-1\"}")));

        assertThatThrownBy(() -> dispatcher.dispatch(UUID.randomUUID())).isInstanceOf(UserFacingException.class);
    }
}
