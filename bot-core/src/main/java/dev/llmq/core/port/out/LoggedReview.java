package dev.llmq.core.port.out;

import dev.llmq.core.fsrs.Grade;
import java.time.Instant;
import java.util.Objects;

/** One line of the review log, as much of it as a ranking needs: who graded which question, how and when. */
public record LoggedReview(String user, String questionId, Grade grade, Instant at) {
    public LoggedReview {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(at, "at");
    }
}
