package dev.llmq.core.port.out;

/** Deletes what llmq keeps about one member: their "forget me". */
public interface ForgetStore {
    /**
     * Deletes every row about {@code user} on {@code platform}, in every server or workspace and in one
     * transaction: cards, review log, reveals, settings. Returns how many rows went.
     */
    int forgetUser(String platform, String user);
}
