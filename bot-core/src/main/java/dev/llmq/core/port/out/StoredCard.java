package dev.llmq.core.port.out;

import dev.llmq.core.fsrs.Card;
import java.util.Objects;

/** A member's card as stored, with the number of reviews it has had (its version). */
public record StoredCard(Card card, int reviews) {
    public StoredCard {
        Objects.requireNonNull(card, "card");
        if (reviews < 1) {
            throw new IllegalArgumentException("a stored card has been reviewed");
        }
    }
}
