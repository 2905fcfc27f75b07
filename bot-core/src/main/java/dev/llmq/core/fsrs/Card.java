package dev.llmq.core.fsrs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One member's memory of one question, as FSRS models it. A new card has no stability, no
 * difficulty and no last review, and is due at once. The step is the index into the learning (or
 * relearning) steps, and absent in review.
 */
public record Card(CardState state, OptionalInt step, OptionalDouble stability, OptionalDouble difficulty,
                   Instant due, Optional<Instant> lastReview) {
    public Card {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(stability, "stability");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(lastReview, "lastReview");
        if (state == CardState.REVIEW ? step.isPresent() : step.isEmpty()) {
            throw new IllegalArgumentException("a card in review has no step; one learning or relearning has one");
        }
        if (stability.isPresent() != difficulty.isPresent()) {
            throw new IllegalArgumentException("stability and difficulty come together");
        }
    }

    /** A card never reviewed, due at {@code now}. */
    public static Card fresh(Instant now) {
        return new Card(CardState.LEARNING, OptionalInt.of(0), OptionalDouble.empty(), OptionalDouble.empty(), now,
                Optional.empty());
    }
}
