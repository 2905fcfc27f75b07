package dev.llmq.core.port.out;

import dev.llmq.core.fsrs.Card;
import java.util.Objects;

/** One of a member's cards, with the question it is for: a row of their deck for a review. */
public record StudiedCard(String questionId, Card card, int reviews) {
    public StudiedCard {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(card, "card");
    }
}
