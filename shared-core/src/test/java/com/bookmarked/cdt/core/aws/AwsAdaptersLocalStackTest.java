package com.bookmarked.cdt.core.aws;

import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.run.RunDispatcher;
import com.bookmarked.cdt.core.secrets.SecretRef;
import com.bookmarked.cdt.core.secrets.Secrets;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same adapters against LocalStack's SQS and Secrets Manager. Needs a Docker engine and
 * skips itself without one; the WireMock tests beside it cover the same paths everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class AwsAdaptersLocalStackTest {

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4.0")).withServices("sqs", "secretsmanager");

    static ApplicationContext ctx;
    static SqsClient sqs;
    static String queueUrl;

    @BeforeAll
    static void start() {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        Map<String, Object> props = Map.of(
                "cdt.aws.endpoint", LOCALSTACK.getEndpoint().toString(),
                "cdt.aws.region", LOCALSTACK.getRegion());
        try (ApplicationContext setup = ApplicationContext.builder().properties(props).singletons(credentials).start()) {
            AwsClientSettings settings = setup.getBean(AwsClientSettings.class);
            sqs = settings.configure(SqsClient.builder()).build();
            queueUrl = sqs.createQueue(b -> b.queueName("cdt-runs")).queueUrl();
            try (SecretsManagerClient sm = settings.configure(SecretsManagerClient.builder()).build()) {
                sm.createSecret(b -> b.name("cdt/test/classlink").secretString("{\"token\":\"ls-token-1\"}"));
            }
        }
        Map<String, Object> withQueue = new java.util.HashMap<>(props);
        withQueue.put("cdt.runs.queue-url", queueUrl);
        ctx = ApplicationContext.builder().properties(withQueue).singletons(credentials).start();
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
        if (sqs != null) {
            sqs.close();
        }
    }

    @Test
    void aDispatchedRunArrivesOnTheQueueAsTheWorkerReadsIt() {
        UUID runId = UUID.randomUUID();
        ctx.getBean(RunDispatcher.class).dispatch(runId);

        List<Message> received = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5).maxNumberOfMessages(1)).messages();
        assertThat(received).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(SqsRunDispatcher.messageBody(runId)));
    }

    @Test
    void secretsAreReadAndMissingOnesExplained() {
        Secrets secrets = ctx.getBean(Secrets.class);
        assertThat(secrets.reveal(SecretRef.parse("aws-sm:cdt/test/classlink:token"))).isEqualTo("ls-token-1");
        assertThatThrownBy(() -> secrets.reveal(SecretRef.parse("aws-sm:cdt/test/nothing")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("does not exist");
    }
}
