package dev.llmq.core.port.out;

/** Where the answer of a day's post is. */
public enum AnswerState {
    /** Nothing to reveal (the question was not posted). */
    NONE,
    /** Posted; the answer waits for the channel's next post. */
    WAITING,
    /** The answer is due at {@link PostRecord#revealAt()} (or is being revealed under a lease). */
    DUE,
    /** The answer was posted. */
    SENT,
    /** The answer could not be posted. */
    FAILED
}
