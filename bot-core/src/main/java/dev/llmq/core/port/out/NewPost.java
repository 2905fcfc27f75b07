package dev.llmq.core.port.out;

import dev.llmq.core.i18n.Lang;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A post to claim: the channel's local date, when it was due, the question drawn for it and the
 * channel's history after the draw (written in the same transaction as the claim).
 */
public record NewPost(LocalDate localDate, Instant fireAt, String questionId, Lang lang, boolean thread,
                      Optional<Duration> revealAfter, DeckState deckAfter) {
    public NewPost {
        Objects.requireNonNull(localDate, "localDate");
        Objects.requireNonNull(fireAt, "fireAt");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(revealAfter, "revealAfter");
        Objects.requireNonNull(deckAfter, "deckAfter");
    }
}
