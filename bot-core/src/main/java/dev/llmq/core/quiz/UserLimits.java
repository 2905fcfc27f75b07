package dev.llmq.core.quiz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.failsafe.RateLimiter;
import dev.llmq.core.port.in.Origin;
import java.time.Duration;

/**
 * How often one user may ask or press a button: at most {@code max} in any {@code period}, then a
 * polite notice until the period turns. One bursty Failsafe {@link RateLimiter} per user (the
 * library the Slack adapter already uses for its pacing), held in a Caffeine cache that forgets
 * idle users. Failsafe keeps its own time, not an injected clock; the limit is coarse (a minute),
 * so the tests that trip it do so within one.
 */
public final class UserLimits {
    /** What llmq ships with: 30 asks and presses a minute, far above a study group's pace. */
    public static final int DEFAULT_MAX = 30;
    public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(1);

    private final int max;
    private final Duration period;
    private final Cache<String, RateLimiter<Object>> limiters;

    public UserLimits(int max, Duration period) {
        if (max < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a limit of " + max + " per " + period);
        }
        this.max = max;
        this.period = period;
        this.limiters = Caffeine.newBuilder().expireAfterAccess(period.multipliedBy(2)).maximumSize(100_000).build();
    }

    public static UserLimits defaults() {
        return new UserLimits(DEFAULT_MAX, DEFAULT_PERIOD);
    }

    /** No limit: for benchmarks and tests that drive one user harder than a person could. */
    public static UserLimits none() {
        return new UserLimits(Integer.MAX_VALUE, DEFAULT_PERIOD);
    }

    /** True, and counted, when the user may go on; false when they are over the limit. */
    public boolean allow(Origin origin) {
        if (max == Integer.MAX_VALUE) {
            return true;
        }
        String key = origin.platform() + "|" + origin.space() + "|" + origin.user();
        return limiters.get(key, k -> RateLimiter.burstyBuilder(max, period).build()).tryAcquirePermit();
    }

    @Override
    public String toString() {
        return max + " per " + period;
    }
}
