package dev.llmq.core.port.out;

/** Where a day's post is in its life. */
public enum PostState {
    /** Claimed and not yet sent: being sent (under a lease) or waiting for a retry. */
    PENDING,
    /** Posted to the platform. */
    SENT,
    /** Given up after a permanent failure or too many attempts. */
    FAILED,
    /** Not sent because it was found too late (older than the catch-up window). */
    SKIPPED
}
