package com.bookmarked.cdt.core.aws;

import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.secrets.SecretRef;
import com.bookmarked.cdt.core.secrets.Secrets;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * {@code aws-sm:} secrets, read from AWS Secrets Manager with this function's role.
 *
 * <p>A reference names the secret and, after a colon, optionally one field of a JSON secret:
 * {@code aws-sm:cdt/prod/classlink} (the whole secret string), {@code aws-sm:cdt/prod/classlink:token}
 * (its {@code token} field), or the same with the secret's full ARN in place of its name.
 *
 * <p>Secret strings are kept in memory for {@code cdt.secrets.aws-cache-ttl} (5 minutes), so a
 * warm Lambda asks AWS once per secret per period; a rotated secret is picked up within it. Failures
 * are never kept. Values are never logged nor put in an error; the client is built on first use,
 * so functions that read no AWS secret need no region.
 */
@Singleton
@Bean(typed = AwsSecrets.class)
public class AwsSecrets implements Secrets {

    private static final Logger LOG = LoggerFactory.getLogger(AwsSecrets.class);
    private static final String ARN_PREFIX = "arn:";
    /** arn:partition:secretsmanager:region:account:secret:name has 7 colon-separated parts. */
    private static final int ARN_PARTS = 7;

    private final AwsClientSettings settings;
    private final JsonMapper json;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private SecretsManagerClient client;

    @Inject
    public AwsSecrets(AwsClientSettings settings, JsonMapper json,
                      @Value("${cdt.secrets.aws-cache-ttl:5m}") Duration ttl) {
        this(settings, json, ttl, System::nanoTime);
    }

    AwsSecrets(AwsClientSettings settings, JsonMapper json, Duration ttl, LongSupplier nanoTime) {
        this.settings = settings;
        this.json = json;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    private record Cached(String value, long expiresAt) {
    }

    /** Which secret and which field of it a reference names. */
    record Target(String secretId, String field) {

        static Target of(SecretRef ref) {
            String name = ref.name();
            int fieldColon;
            if (name.startsWith(ARN_PREFIX)) {
                // an ARN's own colons come first; a further one starts the field
                int colon = -1;
                for (int i = 0; i < ARN_PARTS; i++) {
                    colon = name.indexOf(':', colon + 1);
                    if (colon < 0) {
                        break;
                    }
                }
                fieldColon = colon;
            } else {
                fieldColon = name.indexOf(':');
            }
            if (fieldColon < 0) {
                return new Target(name, null);
            }
            return new Target(name.substring(0, fieldColon), name.substring(fieldColon + 1));
        }
    }

    @Override
    public String reveal(SecretRef ref) {
        if (ref.scheme() != SecretRef.Scheme.AWS_SM) {
            throw new IllegalArgumentException("not an aws-sm: reference: " + ref);
        }
        Target target = Target.of(ref);
        if (target.secretId().isEmpty() || (target.field() != null && target.field().isEmpty())) {
            throw new UserFacingException("The secret reference " + ref + " is incomplete: it needs a secret name, "
                    + "and a field name after a colon if it names one. Engineers: fix it in the customer's settings.");
        }
        String secret = secretString(ref, target.secretId());
        return target.field() == null ? secret : field(ref, secret, target.field());
    }

    private String secretString(SecretRef ref, String secretId) {
        long now = nanoTime.getAsLong();
        Cached cached = cache.get(secretId);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.value();
        }
        GetSecretValueResponse response;
        try {
            response = client().getSecretValue(b -> b.secretId(secretId));
        } catch (SdkException e) {
            AwsFailure failure = AwsFailure.of(e);
            LOG.warn("secret {} could not be read: {}", ref, failure.forLog());
            boolean tryLater = failure.kind() == AwsFailure.Kind.THROTTLED || failure.kind() == AwsFailure.Kind.UNAVAILABLE;
            throw new UserFacingException("The secret could not be read", explain(ref, failure), tryLater ? 503 : 500, e);
        }
        String value = response.secretString();
        if (value == null) {
            throw new UserFacingException("The secret " + ref + " holds binary data; CDT reads only text secrets. "
                    + "Engineers: store it as a secret string.");
        }
        cache.put(secretId, new Cached(value, nanoTime.getAsLong() + ttlNanos));
        LOG.info("secret {} read from AWS Secrets Manager (version {})", ref, response.versionId());
        return value;
    }

    private String field(SecretRef ref, String secret, String field) {
        Map<?, ?> fields;
        try {
            fields = json.readValue(secret, Map.class);
        } catch (IOException | RuntimeException e) {
            // the parser's message quotes the secret: neither it nor the exception goes anywhere
            fields = null;
        }
        if (fields == null) {
            throw new UserFacingException("The secret " + ref + " is not a JSON object, so its field '" + field
                    + "' cannot be read. Engineers: store it as JSON, or drop the field from the reference.");
        }
        Object value = fields.get(field);
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            String text = String.valueOf(value);
            if (!text.isEmpty()) {
                return text;
            }
        }
        throw new UserFacingException("The secret " + ref + " has no text in its field '" + field
                + "'. Engineers: check the field name, or add the field to the secret.");
    }

    private String explain(SecretRef ref, AwsFailure failure) {
        return switch (failure.kind()) {
            case ACCESS_DENIED -> "CDT is not allowed to read the secret " + ref + " from AWS Secrets Manager. "
                    + "Engineers: give this function's role secretsmanager:GetSecretValue on it (and kms:Decrypt on its key).";
            case NOT_FOUND -> "The secret " + ref + " does not exist in AWS Secrets Manager (region " + regionName() + "). "
                    + "Engineers: check the reference in the customer's settings.";
            case THROTTLED, UNAVAILABLE -> "AWS Secrets Manager is busy or out of reach, so the secret " + ref
                    + " could not be read. Try again in a minute; if it keeps failing, tell the on-call engineer.";
            case NO_REGION -> "The secret " + ref + " is kept in AWS Secrets Manager, but this server has no AWS region "
                    + "set. Engineers: set AWS_REGION (or cdt.aws.region), or use an env: or file: reference here.";
            case NO_CREDENTIALS -> "The secret " + ref + " is kept in AWS Secrets Manager, but this server has no AWS "
                    + "credentials. Engineers: give it credentials, or use an env: or file: reference here.";
            case OTHER -> "DecryptionFailure".equals(failure.code())
                    ? "AWS could not decrypt the secret " + ref + ". Engineers: this function's role needs kms:Decrypt "
                    + "on the secret's key."
                    : "AWS Secrets Manager would not return the secret " + ref + " (" + failure.code() + "); it may be "
                    + "disabled or scheduled for deletion. Engineers: the logs have AWS's request id.";
        };
    }

    private String regionName() {
        SecretsManagerClient c = client;
        if (c != null) {
            return c.serviceClientConfiguration().region().id();
        }
        return settings.region().isEmpty() ? "not set" : settings.region();
    }

    private synchronized SecretsManagerClient client() {
        if (client == null) {
            client = settings.configure(SecretsManagerClient.builder()).build();
        }
        return client;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
