package dev.llmq.core.port.out;

import java.time.Duration;
import java.util.Optional;

/** A post that failed. {@code retryable} failures are tried again, after {@code retryAfter} when the platform said so. */
public final class PublishException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;
    private final transient Optional<Duration> retryAfter;
    private final boolean platformWide;

    public PublishException(String message, boolean retryable, Optional<Duration> retryAfter, Throwable cause) {
        this(message, retryable, retryAfter, false, cause);
    }

    private PublishException(String message, boolean retryable, Optional<Duration> retryAfter, boolean platformWide,
                             Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.platformWide = platformWide;
    }

    /**
     * A rate limit of the whole platform (not of one channel or route): every send to the platform
     * should wait {@code retryAfter}, not only this one.
     */
    public static PublishException platformRateLimit(String message, Duration retryAfter) {
        return new PublishException(message, true, Optional.of(retryAfter), true, null);
    }

    /** True for {@link #platformRateLimit}: the limit holds for every channel of the platform. */
    public boolean platformWide() {
        return platformWide;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
