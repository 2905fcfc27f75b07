package dev.llmq.core.port.out;

import java.time.Duration;
import java.util.Optional;

/** A post that failed. {@code retryable} failures are tried again, after {@code retryAfter} when the platform said so. */
public final class PublishException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;
    private final transient Optional<Duration> retryAfter;

    public PublishException(String message, boolean retryable, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
