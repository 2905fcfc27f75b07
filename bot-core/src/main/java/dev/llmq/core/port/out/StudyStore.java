package dev.llmq.core.port.out;

import dev.llmq.core.fsrs.ReviewEntry;
import dev.llmq.core.fsrs.StudyKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each member's cards (their FSRS memory of each question they graded) and the whole review log. */
public interface StudyStore {
    /** The member's card of the question and how many reviews it has had; empty when never graded. */
    Optional<StoredCard> card(StudyKey key);

    /**
     * Writes the card after a review and appends the review to the log, in one transaction, if the
     * card has had {@code entry.number() - 1} reviews still (a conditional update). False when
     * another grade of the same card came first (another press, another replica): read it again.
     */
    boolean recordReview(ReviewEntry entry);

    /** Every card of the member in a space, in no particular order (a member has at most one per question). */
    List<StudiedCard> cards(String platform, String space, String user);

    /** The member's review log in a space, oldest first. */
    List<ReviewEntry> reviewLog(String platform, String space, String user);

    /**
     * The reviews in a space from {@code from} (inclusive) to {@code until} (exclusive), oldest first,
     * of the members who opted in to the leaderboard ({@link UserSettings#leaderboard()}) only: the
     * others' reviews never leave the store.
     */
    List<LoggedReview> boardReviews(String platform, String space, Instant from, Instant until);
}
