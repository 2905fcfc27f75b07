package dev.llmq.core.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One user's progress on one question.
 *
 * @param reveals how often the user revealed its answer
 * @param grade   the user's own grade (1-3), once self-grading exists
 */
public record UserProgress(String questionId, int reveals, Instant firstRevealedAt, Instant lastRevealedAt,
                           OptionalInt grade) {
    public UserProgress {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(firstRevealedAt, "firstRevealedAt");
        Objects.requireNonNull(lastRevealedAt, "lastRevealedAt");
        Objects.requireNonNull(grade, "grade");
    }
}
