package dev.llmq.core.port.out;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A channel's deck: the round number, the questions already asked in this round (by its asks and
 * its daily question), and the last question asked (so that a new round does not start with it).
 */
public record DeckState(int round, Set<String> asked, Optional<String> last) {
    public static final DeckState EMPTY = new DeckState(0, Set.of(), Optional.empty());

    public DeckState {
        asked = Set.copyOf(asked);
        Objects.requireNonNull(last, "last");
    }
}
