package com.bookmarked.cdt.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * SQS and Secrets Manager as the AWS SDK sees them, served by WireMock on 127.0.0.1: the AWS
 * JSON protocols ({@code POST /} with {@code X-Amz-Target}), their answers and their errors.
 * SendMessage answers carry the body's real MD5, which the SQS client checks.
 *
 * <pre>{@code
 * FakeAws aws = FakeAws.start();
 * ApplicationContext.builder().properties(aws.micronautProperties()).singletons(aws.credentials())...
 * }</pre>
 */
public final class FakeAws implements AutoCloseable {

    public static final String REGION = "eu-west-1";
    public static final String ACCESS_KEY = "AKIDCDTTEST";
    public static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/000000000000/cdt-runs";
    public static final String SQS_SEND = "AmazonSQS.SendMessage";
    public static final String SM_GET = "secretsmanager.GetSecretValue";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer server;

    private FakeAws(WireMockServer server) {
        this.server = server;
    }

    public static FakeAws start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(8).jettyAcceptors(1).extensions(new SendMessageAnswer()));
        server.start();
        return new FakeAws(server);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server() {
        return server;
    }

    /** Endpoint, region, quick retries and {@code cdt.runs.queue-url}. */
    public Map<String, Object> micronautProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("cdt.aws.endpoint", endpoint());
        p.put("cdt.aws.region", REGION);
        p.put("cdt.aws.retry-base-delay", "5ms");
        p.put("cdt.aws.throttling-base-delay", "5ms");
        p.put("cdt.aws.max-backoff", "50ms");
        p.put("cdt.runs.queue-url", QUEUE_URL);
        return p;
    }

    /** Register as a singleton so that the clients sign with these instead of looking for real ones. */
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, "cdt-test-secret-key"));
    }

    public void reset() {
        server.resetAll();
    }

    // ---- SQS

    /** SendMessage succeeds (in {@code scenario} state {@code state}, when given). */
    public void acceptSendMessage() {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SQS_SEND))
                .willReturn(aResponse().withTransformers(SendMessageAnswer.NAME)));
    }

    /** SendMessage fails as SQS's JSON protocol does: {@code __type} body and the query error header. */
    public void refuseSendMessage(int status, String type, String queryCode, String message) {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SQS_SEND))
                .willReturn(sqsError(status, type, queryCode, message)));
    }

    /** The first SendMessage is throttled, the next one succeeds. */
    public void throttleFirstSendMessage() {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SQS_SEND))
                .inScenario("throttled").whenScenarioStateIs("Started").willSetStateTo("calm")
                .willReturn(sqsError(400, "com.amazonaws.sqs#RequestThrottled", "RequestThrottled", "Rate exceeded")));
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SQS_SEND))
                .inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(aResponse().withTransformers(SendMessageAnswer.NAME)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sqsError(
            int status, String type, String queryCode, String message) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/x-amz-json-1.0")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withHeader("x-amzn-query-error", queryCode + ";Sender")
                .withBody(json(Map.of("__type", type, "message", message)));
    }

    public List<LoggedRequest> sendMessageRequests() {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SQS_SEND)));
    }

    /** The message bodies that SendMessage requests carried, in order. */
    public List<String> sentMessageBodies() {
        return sendMessageRequests().stream().map(r -> read(r.getBodyAsString()).path("MessageBody").asText()).toList();
    }

    // ---- Secrets Manager

    public void secret(String secretId, String secretString) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ARN", "arn:aws:secretsmanager:" + REGION + ":000000000000:secret:" + secretId + "-AbCdEf");
        answer.put("CreatedDate", 1.7672256E9);
        answer.put("Name", secretId);
        answer.put("SecretString", secretString);
        answer.put("VersionId", "v-" + Math.abs(secretString.hashCode()));
        answer.put("VersionStages", List.of("AWSCURRENT"));
        server.stubFor(getSecretValue(secretId).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody(json(answer))));
    }

    public void secretError(String secretId, String type, String message) {
        server.stubFor(getSecretValue(secretId).willReturn(smError(type, message)));
    }

    /** The first GetSecretValue for the secret is throttled, later ones answer {@code secretString}. */
    public void throttleFirstGetSecretValue(String secretId, String secretString) {
        secret(secretId, secretString);
        server.stubFor(getSecretValue(secretId).atPriority(1)
                .inScenario("sm-throttled").whenScenarioStateIs("Started").willSetStateTo("calm")
                .willReturn(smError("ThrottlingException", "Rate exceeded")));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder getSecretValue(String secretId) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SM_GET))
                .withRequestBody(equalToJson(json(Map.of("SecretId", secretId)), true, true));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder smError(String type, String message) {
        return aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody(json(Map.of("__type", type, "Message", message)));
    }

    public List<LoggedRequest> getSecretValueRequests() {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SM_GET)));
    }

    public int count(RequestPatternBuilder pattern) {
        return server.findAll(pattern).size();
    }

    @Override
    public void close() {
        server.stop();
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SQS's SendMessage answer: a message id and the MD5 of the body it was sent. */
    static final class SendMessageAnswer implements ResponseDefinitionTransformerV2 {

        static final String NAME = "cdt-sqs-send-message";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String body = read(event.getRequest().getBodyAsString()).path("MessageBody").asText();
            String md5;
            try {
                md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/x-amz-json-1.0")
                    .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                    .withBody(json(Map.of("MD5OfMessageBody", md5, "MessageId", UUID.randomUUID().toString())))
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
