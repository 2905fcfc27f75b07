package dev.llmq.core.quiz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.llmq.core.bank.Question;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Per-channel decks of questions: every question of a pool is drawn once, in random order,
 * before any repeats; then a new round starts (never with the question just asked). A pool that
 * changes (a reloaded bank) keeps the round's memory of what was asked.
 * Idle decks expire; the time source is the injected {@link Clock}.
 */
public final class Decks {
    private final RandomGenerator random;
    private final Cache<String, Deck> decks;

    public Decks(RandomGenerator random, Clock clock, Duration idle, long maxDecks) {
        this.random = Objects.requireNonNull(random);
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.decks = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterAccess(idle)
                .maximumSize(maxDecks)
                .build();
    }

    /** Decks seeded for repeatable tests. */
    public static Decks seeded(long seed, Clock clock) {
        return new Decks(new Random(seed), clock, Duration.ofDays(30), 100_000);
    }

    /** Draws the next question of {@code pool} for {@code key}; empty when the pool is empty. */
    public Optional<Question> draw(String key, List<Question> pool) {
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        Deck deck = decks.get(key, k -> new Deck());
        synchronized (deck) {
            return Optional.of(deck.next(pool));
        }
    }

    /** How many decks are held (after dropping expired ones). */
    public long activeDecks() {
        decks.cleanUp();
        return decks.estimatedSize();
    }

    /** One channel's round: which questions were asked since the last reshuffle. */
    private final class Deck {
        private final Set<String> asked = new HashSet<>();
        private String last;

        Question next(List<Question> pool) {
            List<Question> fresh = unasked(pool);
            if (fresh.isEmpty()) {
                asked.clear();
                fresh = unasked(pool);
                if (fresh.size() > 1) {
                    fresh.removeIf(q -> q.id().equals(last));
                }
            }
            Question q = fresh.get(nextInt(fresh.size()));
            asked.add(q.id());
            last = q.id();
            return q;
        }

        private List<Question> unasked(List<Question> pool) {
            List<Question> out = new ArrayList<>(pool.size());
            for (Question q : pool) {
                if (!asked.contains(q.id())) {
                    out.add(q);
                }
            }
            return out;
        }
    }

    private int nextInt(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }
}
