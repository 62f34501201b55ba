package com.bookmarked.cdt.core.aws;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.secrets.SecretRef;
import com.bookmarked.cdt.core.secrets.Secrets;
import com.bookmarked.cdt.core.secrets.SecretsByScheme;
import com.bookmarked.cdt.core.testing.FakeAws;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code aws-sm:} secrets against Secrets Manager's JSON protocol on 127.0.0.1. */
class AwsSecretsTest {

    static final String TOKEN = "tok-9f8e7d6c5b4a";
    static final String PASSWORD = "pw-Qx7!rT2#vL9";
    static final String PLAIN = "plain-secret-0b1c2d3e";
    static final List<String> VALUES = List.of(TOKEN, PASSWORD, PLAIN, "hunter2-not-json", "rotated-tok-5a6b");

    static FakeAws aws;
    static ApplicationContext ctx;
    static ListAppender<ILoggingEvent> logs;

    final AtomicLong clock = new AtomicLong(1_000_000_000L);
    AwsSecrets secrets;

    @BeforeAll
    static void start() {
        aws = FakeAws.start();
        ctx = ApplicationContext.builder().properties(aws.micronautProperties()).singletons(aws.credentials()).start();
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        ctx.close();
        aws.close();
    }

    @BeforeEach
    void fresh() throws Exception {
        aws.reset();
        secrets = new AwsSecrets(ctx.getBean(AwsClientSettings.class), ctx.getBean(JsonMapper.class),
                Duration.ofMinutes(5), clock::get);
        aws.secret("cdt/prod/classlink", new ObjectMapper().writeValueAsString(
                Map.of("token", TOKEN, "clientId", "cl-client-1", "port", 22)));
        aws.secret("cdt/prod/db-password", PLAIN);
        aws.secret("cdt/prod/not-json", "hunter2-not-json");
    }

    @AfterEach
    void nothingSecretWasLogged() {
        for (ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage() + " " + e.getMDCPropertyMap() + " " + stack(e.getThrowableProxy());
            for (String value : VALUES) {
                assertThat(line).as("a log line").doesNotContain(value);
            }
        }
        logs.list.clear();
        secrets.close();
    }

    static String stack(IThrowableProxy t) {
        return t == null ? "" : ThrowableProxyUtil.asString(t);
    }

    static SecretRef ref(String text) {
        return SecretRef.parse(text);
    }

    @Test
    void aWholeSecretAndAFieldOfAJsonSecretAreRead() {
        assertThat(secrets.reveal(ref("aws-sm:cdt/prod/db-password"))).isEqualTo(PLAIN);
        assertThat(secrets.reveal(ref("aws-sm:cdt/prod/classlink:token"))).isEqualTo(TOKEN);
        assertThat(secrets.reveal(ref("aws-sm:cdt/prod/classlink:port"))).isEqualTo("22");

        assertThat(aws.getSecretValueRequests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.getHeader("Content-Type")).startsWith("application/x-amz-json-1.1");
            assertThat(r.getHeader("Authorization")).contains("/" + FakeAws.REGION + "/secretsmanager/aws4_request");
        });
    }

    @Test
    void aSecretNamedByItsArnIsReadWithItsField() {
        String arn = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:cdt/prod/classlink";
        aws.secret(arn, "{\"token\":\"" + TOKEN + "\"}");
        assertThat(secrets.reveal(ref("aws-sm:" + arn + ":token"))).isEqualTo(TOKEN);
        assertThat(AwsSecrets.Target.of(ref("aws-sm:" + arn))).isEqualTo(new AwsSecrets.Target(arn, null));
    }

    @Test
    void valuesAreKeptForTheCachePeriodThenReadAgain() {
        secrets.reveal(ref("aws-sm:cdt/prod/classlink:token"));
        secrets.reveal(ref("aws-sm:cdt/prod/classlink:clientId"));
        clock.addAndGet(Duration.ofMinutes(4).toNanos());
        assertThat(secrets.reveal(ref("aws-sm:cdt/prod/classlink:token"))).isEqualTo(TOKEN);
        assertThat(aws.getSecretValueRequests()).as("one read per secret within the period").hasSize(1);

        aws.secret("cdt/prod/classlink", "{\"token\":\"rotated-tok-5a6b\"}");
        clock.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(secrets.reveal(ref("aws-sm:cdt/prod/classlink:token"))).as("a rotated secret is picked up")
                .isEqualTo("rotated-tok-5a6b");
        assertThat(aws.getSecretValueRequests()).hasSize(2);
    }

    @Test
    void accessDeniedSaysWhatToGrantAndIsNotKept() {
        aws.secretError("cdt/prod/locked", "AccessDeniedException",
                "User: arn:aws:sts::000000000000:assumed-role/cdt-connector/fn is not authorized to perform: "
                        + "secretsmanager:GetSecretValue on resource: cdt/prod/locked");

        assertThatThrownBy(() -> secrets.reveal(ref("aws-sm:cdt/prod/locked:password")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.detail()).startsWith("CDT is not allowed to read the secret aws-sm:cdt/prod/locked:password")
                            .contains("secretsmanager:GetSecretValue").doesNotContain("arn:aws");
                });
        assertThat(aws.getSecretValueRequests()).as("a refusal is not retried").hasSize(1);

        aws.secret("cdt/prod/locked", "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(secrets.reveal(ref("aws-sm:cdt/prod/locked:password"))).as("once granted, it reads").isEqualTo(PASSWORD);
    }

    @Test
    void aMissingSecretIsNamedWithTheRegionLookedIn() {
        aws.secretError("cdt/prod/typo", "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");

        assertThatThrownBy(() -> secrets.reveal(ref("aws-sm:cdt/prod/typo")))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("The secret aws-sm:cdt/prod/typo does not exist in AWS Secrets Manager (region eu-west-1). "
                        + "Engineers: check the reference in the customer's settings.");
    }

    @Test
    void throttlingIsRetried() {
        aws.throttleFirstGetSecretValue("cdt/prod/busy", PLAIN);

        assertThat(secrets.reveal(ref("aws-sm:cdt/prod/busy"))).isEqualTo(PLAIN);
        assertThat(aws.getSecretValueRequests()).hasSize(2);
    }

    @Test
    void aThrottledServiceThatNeverRecoversAsksTheAgentToTryAgain() {
        aws.secretError("cdt/prod/busy", "ThrottlingException", "Rate exceeded");

        assertThatThrownBy(() -> secrets.reveal(ref("aws-sm:cdt/prod/busy")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.detail()).contains("busy or out of reach").contains("Try again in a minute");
                });
        assertThat(aws.getSecretValueRequests()).hasSize(3);
    }

    @Test
    void fieldProblemsAreExplainedWithoutShowingTheSecret() {
        assertThatThrownBy(() -> secrets.reveal(ref("aws-sm:cdt/prod/not-json:password")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("is not a JSON object").hasMessageNotContaining("hunter2")
                .hasNoCause();
        assertThatThrownBy(() -> secrets.reveal(ref("aws-sm:cdt/prod/classlink:secret")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("has no text in its field 'secret'").hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> secrets.reveal(ref("aws-sm:cdt/prod/classlink:")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("is incomplete");
    }

    @Test
    void theSecretsBeanReadsEachSchemeFromItsOwnPlace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sftp.key");
        Files.writeString(file, PASSWORD + "\n");
        Secrets bean = ctx.getBean(Secrets.class);

        assertThat(bean).isInstanceOf(SecretsByScheme.class);
        assertThat(bean.reveal(ref("aws-sm:cdt/prod/classlink:clientId"))).isEqualTo("cl-client-1");
        assertThat(bean.reveal(ref("file:" + file))).isEqualTo(PASSWORD);
        assertThatThrownBy(() -> bean.reveal(ref("env:CDT_TEST_SURELY_UNSET_VARIABLE")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("is not set on this server");
        assertThat(aws.getSecretValueRequests()).as("only the aws-sm: reference went to AWS").hasSize(1);
    }
}
