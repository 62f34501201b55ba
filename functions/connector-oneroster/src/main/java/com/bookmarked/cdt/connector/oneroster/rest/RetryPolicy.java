package com.bookmarked.cdt.connector.oneroster.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;

/**
 * When to try a request again after a 429, a 5xx or a timeout: at most {@code maxAttempts}
 * tries; between them an exponential backoff from {@code firstDelay}, doubled each time up to
 * {@code maxDelay}, of which a random half is jitter so that parallel fetches do not retry in
 * step. A {@code Retry-After} from the SIS (seconds or an HTTP date) replaces the backoff, unless
 * it asks for more than {@code longestWait}: then CDT gives up at once rather than hold a run for
 * an hour.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration longestWait) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(2));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a request is tried at least once");
        }
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, firstDelay, maxDelay, longestWait);
    }

    /** The backoff before try number {@code attempt + 1} (attempt counts from 1). */
    public Duration backoff(int attempt, RandomGenerator random) {
        long ceiling = maxDelay.toMillis();
        long delay = firstDelay.toMillis();
        for (int i = 1; i < attempt && delay < ceiling; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, ceiling);
        long half = delay / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }

    /**
     * What a {@code Retry-After} header asks for: a number of seconds or an HTTP date (RFC 9110).
     * Null when there is no header or it cannot be read (the backoff applies then); never negative.
     */
    public static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
