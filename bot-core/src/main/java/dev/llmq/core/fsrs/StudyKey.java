package dev.llmq.core.fsrs;

import java.util.Objects;

/** Whose card of which question: a member of a space (a Discord server, a Slack workspace, the terminal). */
public record StudyKey(String platform, String space, String user, String questionId) {
    public StudyKey {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(questionId, "questionId");
    }
}
