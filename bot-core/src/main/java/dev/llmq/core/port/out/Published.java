package dev.llmq.core.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a daily question landed: the message (Discord message id, Slack ts) and the discussion
 * thread, if one was opened (Discord thread channel id; on Slack the thread is the message ts).
 */
public record Published(String messageRef, Optional<String> threadRef) {
    public Published {
        Objects.requireNonNull(messageRef, "messageRef");
        Objects.requireNonNull(threadRef, "threadRef");
    }
}
