package com.bookmarked.cdt.core.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Locale;
import java.util.Set;

/**
 * What kind of trouble an AWS call ran into, so that each adapter can tell an agent what it
 * means and an engineer what to fix. {@code code} is AWS's error code, if it answered;
 * {@code forLog} adds the HTTP status and request id (for AWS support), never request or
 * response bodies.
 */
public record AwsFailure(Kind kind, String code, String forLog) {

    public enum Kind {
        /** AWS refused this function's role or credentials. */
        ACCESS_DENIED,
        /** The queue or secret does not exist (in this account and region). */
        NOT_FOUND,
        /** AWS kept throttling after every retry. */
        THROTTLED,
        /** No region configured: only outside Lambda. */
        NO_REGION,
        /** No credentials found: only outside Lambda. */
        NO_CREDENTIALS,
        /** AWS could not be reached, or answered 5xx after every retry. */
        UNAVAILABLE,
        /** Any other refusal; the log says which. */
        OTHER
    }

    private static final Set<String> DENIED = Set.of("accessdenied", "accessdeniedexception",
            "unrecognizedclientexception", "invalidclienttokenid", "expiredtoken", "expiredtokenexception",
            "invalidsignatureexception", "signaturedoesnotmatch", "missingauthenticationtoken",
            "kms.accessdeniedexception");
    private static final Set<String> MISSING = Set.of("resourcenotfoundexception", "queuedoesnotexist",
            "aws.simplequeueservice.nonexistentqueue");

    public static AwsFailure of(SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String lower = code == null ? "" : code.toLowerCase(Locale.ROOT);
            String log = "AWS error " + code + " (HTTP " + service.statusCode() + ", request id " + service.requestId() + ")";
            Kind kind;
            if (DENIED.contains(lower) || service.statusCode() == 403) {
                kind = Kind.ACCESS_DENIED;
            } else if (MISSING.contains(lower)) {
                kind = Kind.NOT_FOUND;
            } else if (service.isThrottlingException()) {
                kind = Kind.THROTTLED;
            } else if (service.statusCode() >= 500) {
                kind = Kind.UNAVAILABLE;
            } else {
                kind = Kind.OTHER;
            }
            return new AwsFailure(kind, code, log);
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof SdkClientException && message.contains("Unable to load region")) {
            return new AwsFailure(Kind.NO_REGION, null, "no AWS region configured");
        }
        if (e instanceof SdkClientException && message.contains("Unable to load credentials")) {
            return new AwsFailure(Kind.NO_CREDENTIALS, null, "no AWS credentials found");
        }
        return new AwsFailure(Kind.UNAVAILABLE, null, "AWS not reachable: " + e.getClass().getSimpleName());
    }
}
