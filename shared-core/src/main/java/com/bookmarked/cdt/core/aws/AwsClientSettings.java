package com.bookmarked.cdt.core.aws;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.net.URI;
import java.time.Duration;

/**
 * How CDT's AWS clients are built. In Lambda nothing needs setting: the region and the
 * function role's credentials come from the environment. Tests and LocalStack point the clients
 * elsewhere with {@code cdt.aws.endpoint} and {@code cdt.aws.region}, and may register their own
 * {@link AwsCredentialsProvider} bean.
 *
 * <ul>
 *   <li>{@code cdt.aws.region}: otherwise {@code AWS_REGION} (always set in Lambda)</li>
 *   <li>{@code cdt.aws.endpoint}: one endpoint for every service (WireMock, LocalStack)</li>
 *   <li>{@code cdt.aws.max-attempts} (3), {@code cdt.aws.retry-base-delay} (100ms),
 *       {@code cdt.aws.throttling-base-delay} (500ms), {@code cdt.aws.max-backoff} (5s):
 *       throttling and 5xx answers are retried with jittered exponential backoff</li>
 *   <li>{@code cdt.aws.connect-timeout} (2s), {@code cdt.aws.read-timeout} (10s)</li>
 * </ul>
 */
@Singleton
public class AwsClientSettings {

    private final String region;
    private final String endpoint;
    private final int maxAttempts;
    private final Duration retryBaseDelay;
    private final Duration throttlingBaseDelay;
    private final Duration maxBackoff;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final AwsCredentialsProvider credentials;

    public AwsClientSettings(@Value("${cdt.aws.region:}") String region,
                             @Value("${cdt.aws.endpoint:}") String endpoint,
                             @Value("${cdt.aws.max-attempts:3}") int maxAttempts,
                             @Value("${cdt.aws.retry-base-delay:100ms}") Duration retryBaseDelay,
                             @Value("${cdt.aws.throttling-base-delay:500ms}") Duration throttlingBaseDelay,
                             @Value("${cdt.aws.max-backoff:5s}") Duration maxBackoff,
                             @Value("${cdt.aws.connect-timeout:2s}") Duration connectTimeout,
                             @Value("${cdt.aws.read-timeout:10s}") Duration readTimeout,
                             @Nullable AwsCredentialsProvider credentials) {
        this.region = region == null ? "" : region.trim();
        this.endpoint = endpoint == null ? "" : endpoint.trim();
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryBaseDelay = retryBaseDelay;
        this.throttlingBaseDelay = throttlingBaseDelay;
        this.maxBackoff = maxBackoff;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        // the default chain is lazy: nothing is looked up until the first call
        this.credentials = credentials != null ? credentials : DefaultCredentialsProvider.builder().build();
    }

    /** Applies region, endpoint, credentials, HTTP client and retries to a client builder. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder) {
        if (!region.isEmpty()) {
            builder.region(Region.of(region));
        }
        if (!endpoint.isEmpty()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        builder.credentialsProvider(credentials);
        builder.httpClientBuilder(UrlConnectionHttpClient.builder()
                .connectionTimeout(connectTimeout)
                .socketTimeout(readTimeout));
        builder.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(retryBaseDelay, maxBackoff))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(throttlingBaseDelay, maxBackoff))
                .build()));
        return builder;
    }

    /** The configured region, or empty when the environment's is used. */
    public String region() {
        return region;
    }
}
