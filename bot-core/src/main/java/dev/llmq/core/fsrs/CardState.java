package dev.llmq.core.fsrs;

/** Where a card is in its life: learning (new, in its learning steps), review, or relearning after a lapse. */
public enum CardState {
    LEARNING, REVIEW, RELEARNING
}
