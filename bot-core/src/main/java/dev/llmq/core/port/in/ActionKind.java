package dev.llmq.core.port.in;

/** What a button does. */
public enum ActionKind {
    REVEAL,
    HINT,
    NEXT,
    FOLLOW_UP
}
