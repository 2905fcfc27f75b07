package dev.llmq.core.study;

import dev.llmq.core.fsrs.Card;
import dev.llmq.core.fsrs.Fsrs;
import dev.llmq.core.fsrs.Grade;
import dev.llmq.core.fsrs.ReviewEntry;
import dev.llmq.core.fsrs.StudyKey;
import dev.llmq.core.port.out.StoredCard;
import dev.llmq.core.port.out.StudyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Grades a member's card: reads it (a new card if they never graded the question), reviews it
 * with FSRS, and writes it with the review log line in one conditional update. If another grade
 * of the same card came first (a second press, another replica), it reads the card again and
 * reviews that, so no grade is lost and none is counted on a stale card.
 */
public final class Study {
    private static final int ATTEMPTS = 5;

    private final StudyStore store;
    private final Fsrs fsrs;
    private final RandomGenerator random;

    public Study(StudyStore store, Fsrs fsrs, RandomGenerator random) {
        this.store = Objects.requireNonNull(store);
        this.fsrs = Objects.requireNonNull(fsrs);
        this.random = Objects.requireNonNull(random);
    }

    /** The scheduler, for the recall probability of a card. */
    public Fsrs fsrs() {
        return fsrs;
    }

    /**
     * Records {@code grade} of the member's card at {@code at} (to the millisecond, as stored) and
     * returns the review.
     *
     * @throws IllegalStateException when the card kept changing under every attempt
     */
    public Fsrs.Review grade(StudyKey key, Grade grade, Instant at) {
        Instant when = at.truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<StoredCard> stored = store.card(key);
            Card before = stored.map(StoredCard::card).orElseGet(() -> Card.fresh(when));
            Fsrs.Review review = fsrs.review(before, grade, when, random);
            Card after = review.after();
            Card kept = new Card(after.state(), after.step(), after.stability(), after.difficulty(),
                    after.due().truncatedTo(ChronoUnit.MILLIS), after.lastReview());
            int number = stored.map(StoredCard::reviews).orElse(0) + 1;
            if (store.recordReview(new ReviewEntry(key, number, grade, stored.map(StoredCard::card), kept))) {
                return new Fsrs.Review(before, kept, grade, when, review.interval());
            }
        }
        throw new IllegalStateException("the card of " + key + " changed under " + ATTEMPTS + " grades in a row");
    }
}
