package dev.llmq.core.port.out;

import java.util.Objects;

/**
 * The token of one claim on a post: who claimed it and the claim's epoch, which grows by one with
 * every claim of the post (to send it, or to reveal its answer). Every outcome write and lease
 * renewal names its fence, and the store refuses it unless the post is still held under that fence,
 * so a holder whose lease lapsed and was taken over can no longer overwrite the new holder's record.
 */
public record Fence(String owner, long epoch) {
    public Fence {
        Objects.requireNonNull(owner, "owner");
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch " + epoch);
        }
    }

    @Override
    public String toString() {
        return owner + "#" + epoch;
    }
}
