package dev.llmq.core.port.out;

/** Deletes what llmq keeps about one member: their "forget me". */
public interface ForgetStore {
    /**
     * Deletes every row about {@code user} on {@code platform}, in every server or workspace and in one
     * transaction: cards, review log, reveals, settings, and their reminder (its schedule, its rows in
     * the daily ledger and its deck). Returns how many rows went.
     */
    int forgetUser(String platform, String user);
}
