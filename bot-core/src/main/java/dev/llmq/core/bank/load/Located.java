package dev.llmq.core.bank.load;

/** A text value and where it was written. */
record Located(String value, Loc loc) {
}
