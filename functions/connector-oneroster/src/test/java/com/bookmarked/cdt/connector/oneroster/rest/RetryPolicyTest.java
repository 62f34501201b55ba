package com.bookmarked.cdt.connector.oneroster.rest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

    @Test
    void backoffDoublesUpToItsCeilingAndHalfOfItIsJitter() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(1, random)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(policy.backoff(3, random)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(policy.backoff(12, random)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> policy.backoff(2, random)).distinct().count();
        assertThat(distinct).as("jittered").isGreaterThan(10);
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        assertThat(RetryPolicy.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryPolicy.retryAfter(" 0 ", now)).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.retryAfter("Sun, 29 Nov 2026 10:00:45 GMT", now)).isEqualTo(Duration.ofSeconds(45));
        assertThat(RetryPolicy.retryAfter("Sun, 29 Nov 2026 09:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.retryAfter("soon", now)).isNull();
        assertThat(RetryPolicy.retryAfter("-5", now)).isNull();
        assertThat(RetryPolicy.retryAfter(null, now)).isNull();
    }

    @Test
    void durationsReadAsWords() {
        assertThat(SisHttp.words(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(SisHttp.words(Duration.ofSeconds(31))).isEqualTo("31 seconds");
        assertThat(SisHttp.words(Duration.ofSeconds(151))).isEqualTo("2 minutes");
        assertThat(SisHttp.words(Duration.ofHours(3))).isEqualTo("3 hours");
    }
}
