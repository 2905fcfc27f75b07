package dev.llmq.core.quiz;

import dev.llmq.core.bank.Question;
import dev.llmq.core.port.out.DeckState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * One draw from a channel's deck: a question among the candidates (the topic's, the difficulty's:
 * whatever the ask filters by) that the channel has not had in this round. A channel keeps one
 * "asked" set for every ask and the daily question alike; each ask filters it at the draw. When a
 * filter's candidates are all asked, only those are put back (a new round), so the other filters
 * keep their memory, and the new round never starts with the question asked last.
 */
public final class DeckDraw {
    /** The drawn question and the channel's deck after it. */
    public record Draw(Question question, DeckState after) {
    }

    private DeckDraw() {
    }

    public static Optional<Draw> draw(List<Question> candidates, DeckState deck, RandomGenerator random) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        int round = deck.round();
        Set<String> asked = new HashSet<>(deck.asked());
        List<Question> fresh = new ArrayList<>();
        for (Question q : candidates) {
            if (!asked.contains(q.id())) {
                fresh.add(q);
            }
        }
        if (fresh.isEmpty()) {
            round++;
            candidates.forEach(q -> asked.remove(q.id()));
            fresh.addAll(candidates);
            if (fresh.size() > 1) {
                fresh.removeIf(q -> deck.last().equals(Optional.of(q.id())));
            }
        }
        int i;
        synchronized (random) {
            i = random.nextInt(fresh.size());
        }
        Question q = fresh.get(i);
        asked.add(q.id());
        return Optional.of(new Draw(q, new DeckState(round, asked, Optional.of(q.id()))));
    }
}
