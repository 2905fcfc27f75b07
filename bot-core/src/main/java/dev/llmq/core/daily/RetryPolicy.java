package dev.llmq.core.daily;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one retry policy of daily posts and their answers: what a failed attempt leads to. A
 * permanent failure, or the last of {@code maxAttempts}, gives up; otherwise the next attempt is
 * at the platform's {@code retryAfter} when it named one, else after an exponential backoff
 * (doubling from {@code firstBackoff}, capped at {@code maxBackoff}) with ±20 % jitter. The retry
 * itself is stored (it survives restarts and moves between replicas); nothing retries inline.
 * Pure: the caller passes the time and the jitter draw.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
    public RetryPolicy {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("bad retry policy: " + maxAttempts + ", " + firstBackoff + ", " + maxBackoff);
        }
    }

    /** What a failed attempt leads to. */
    public sealed interface Decision {
        /** Try again at {@code at}. */
        record RetryAt(Instant at) implements Decision {
        }

        /** Stop: {@code why} is what the record and the log say. */
        record GiveUp(String why) implements Decision {
        }
    }

    /**
     * @param attempts   attempts so far, the failed one included
     * @param unit       a draw in [0, 1) for the jitter
     */
    public Decision afterFailure(int attempts, boolean retryable, Optional<Duration> retryAfter, String error,
                                 Instant now, double unit) {
        if (!retryable) {
            return new Decision.GiveUp(error);
        }
        if (attempts >= maxAttempts) {
            return new Decision.GiveUp("gave up after " + attempts + " attempts: " + error);
        }
        return new Decision.RetryAt(now.plus(retryAfter.orElseGet(() -> backoff(attempts, unit))));
    }

    /** The delay before retry number {@code attempts}: doubling from the first backoff, capped, with ±20 % jitter. */
    public Duration backoff(int attempts, double unit) {
        long base = firstBackoff.toMillis();
        long max = maxBackoff.toMillis();
        long d = base;
        for (int i = 1; i < attempts && d < max; i++) {
            d *= 2;
        }
        d = Math.min(d, max);
        double jitter = 0.8 + 0.4 * unit;
        return Duration.ofMillis(Math.max(1, Math.round(d * jitter)));
    }
}
