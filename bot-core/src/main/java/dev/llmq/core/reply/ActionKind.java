package dev.llmq.core.reply;

/** What a button does. */
public enum ActionKind {
    REVEAL,
    HINT,
    NEXT,
    FOLLOW_UP
}
