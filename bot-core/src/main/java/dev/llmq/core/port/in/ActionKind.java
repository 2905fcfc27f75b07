package dev.llmq.core.port.in;

/** What a button does. */
public enum ActionKind {
    REVEAL,
    HINT,
    NEXT,
    FOLLOW_UP,
    /** Again, Hard, Good or Easy under an answer: the member grades their own recall. */
    GRADE,
    /** Review now, under a reminder. */
    REVIEW,
    /** Share, under a private stats card: posts it to the channel. */
    SHARE,
    /** A button that deletes something for good ("Delete my data"): shown as a danger. */
    FORGET
}
