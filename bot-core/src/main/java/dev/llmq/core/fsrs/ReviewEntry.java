package dev.llmq.core.fsrs;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the review log: who graded which question how, when, and the card before (absent
 * for a new card) and after. The log is kept whole, so that FSRS parameters can be trained from it.
 * {@code number} counts the card's reviews, from 1: it is the card's version, for the conditional
 * write, and the line's place in the card's history.
 */
public record ReviewEntry(StudyKey key, int number, Grade grade, Optional<Card> before, Card after) {
    public ReviewEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (number < 1) {
            throw new IllegalArgumentException("reviews are counted from 1");
        }
        if (after.lastReview().isEmpty()) {
            throw new IllegalArgumentException("a card after a review has its last review");
        }
    }

    /** When the grade was given. */
    public java.time.Instant at() {
        return after.lastReview().orElseThrow();
    }
}
