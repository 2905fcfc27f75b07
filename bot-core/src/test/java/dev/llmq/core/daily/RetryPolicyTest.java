package dev.llmq.core.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(30), Duration.ofMinutes(5));
    private final Instant now = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aPermanentFailureGivesUpAtOnce() {
        assertEquals(new RetryPolicy.Decision.GiveUp("not_in_channel"),
                policy.afterFailure(1, false, Optional.empty(), "not_in_channel", now, 0.5));
    }

    @Test
    void theLastAttemptGivesUpAndSaysHowMany() {
        RetryPolicy.Decision d = policy.afterFailure(4, true, Optional.empty(), "HTTP 503", now, 0.5);
        assertEquals(new RetryPolicy.Decision.GiveUp("gave up after 4 attempts: HTTP 503"), d);
    }

    @Test
    void thePlatformsRetryAfterWinsOverTheBackoff() {
        assertEquals(new RetryPolicy.Decision.RetryAt(now.plusSeconds(7)),
                policy.afterFailure(1, true, Optional.of(Duration.ofSeconds(7)), "429", now, 0.99));
    }

    @Test
    void theBackoffDoublesWithJitterAndIsCapped() {
        assertEquals(Duration.ofSeconds(30), policy.backoff(1, 0.5), "the middle of the jitter is the base");
        assertEquals(Duration.ofSeconds(24), policy.backoff(1, 0.0), "-20 %");
        assertEquals(Duration.ofSeconds(36), policy.backoff(1, 1.0), "+20 %");
        assertEquals(Duration.ofSeconds(60), policy.backoff(2, 0.5));
        assertEquals(Duration.ofSeconds(120), policy.backoff(3, 0.5));
        assertEquals(Duration.ofMinutes(5), policy.backoff(30, 0.5), "capped");
        RetryPolicy.Decision d = policy.afterFailure(2, true, Optional.empty(), "timeout", now, 0.5);
        assertEquals(new RetryPolicy.Decision.RetryAt(now.plusSeconds(60)), d);
        assertTrue(policy.backoff(1, 0.0).compareTo(policy.backoff(1, 1.0)) < 0);
    }
}
