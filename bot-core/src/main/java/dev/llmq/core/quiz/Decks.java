package dev.llmq.core.quiz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.llmq.core.bank.Question;
import dev.llmq.core.port.out.DeckState;
import dev.llmq.core.port.out.DeckStore;
import dev.llmq.core.schedule.ChannelRef;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each channel's deck for its asks: every candidate question is drawn once, in random order,
 * before any repeats ({@link DeckDraw}). With a {@link DeckStore} the decks live in the store, so
 * they survive restarts and are shared by replicas (and with the channel's daily question); a
 * Caffeine cache reads through in front of it, and every draw is written with a conditional
 * update before the question is shown, so a replica whose cached deck is stale reads it again and
 * draws again. Without a store the cache is the deck (tests, and nothing else). Idle entries expire
 * on the injected {@link Clock}.
 */
public final class Decks {
    private static final Logger log = LoggerFactory.getLogger(Decks.class);
    /** Draws in a row that lost to another replica's before this one shows its question anyway. */
    private static final int ATTEMPTS = 3;

    private final RandomGenerator random;
    private final Optional<DeckStore> store;
    private final Cache<ChannelRef, DeckState> decks;

    /** Decks in memory only (tests): they are gone with the process. */
    public Decks(RandomGenerator random, Clock clock, Duration idle, long maxDecks) {
        this(random, clock, idle, maxDecks, Optional.empty());
    }

    /** Decks in {@code store}, with a read-through cache of {@code maxDecks} entries idle for at most {@code idle}. */
    public Decks(RandomGenerator random, Clock clock, Duration idle, long maxDecks, Optional<DeckStore> store) {
        this.random = Objects.requireNonNull(random);
        this.store = Objects.requireNonNull(store);
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.decks = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterAccess(idle)
                .maximumSize(maxDecks)
                .build();
    }

    /** Decks in memory, seeded for repeatable tests. */
    public static Decks seeded(long seed, Clock clock) {
        return new Decks(new Random(seed), clock, Duration.ofDays(30), 100_000);
    }

    /** True when the decks live in a store: a draw then waits on it. */
    public boolean persistent() {
        return store.isPresent();
    }

    /**
     * Draws the next question of {@code candidates} for the channel, and records it in the
     * channel's deck before returning; empty when there are no candidates.
     */
    public Optional<Question> draw(ChannelRef channel, List<Question> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (store.isEmpty()) {
            return Optional.of(drawInMemory(channel, candidates));
        }
        DeckDraw.Draw d = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            DeckState before;
            try {
                before = decks.get(channel, store.get()::deck);
                d = DeckDraw.draw(candidates, before, random).orElseThrow();
                if (store.get().replaceDeck(channel, before, d.after())) {
                    decks.put(channel, d.after());
                    return Optional.of(d.question());
                }
            } catch (RuntimeException e) {
                // The store failed: the question is still shown, its draw just not remembered.
                log.warn("the deck of {} could not be read or written ({}); this draw is not remembered", channel,
                        e.toString());
                return Optional.of(d != null ? d.question()
                        : DeckDraw.draw(candidates, DeckState.EMPTY, random).orElseThrow().question());
            }
            decks.invalidate(channel); // another replica (or the daily claim) drew first: read it again
        }
        log.warn("the deck of {} changed under {} draws in a row; showing {} anyway", channel, ATTEMPTS,
                d.question().id());
        return Optional.of(d.question());
    }

    private Question drawInMemory(ChannelRef channel, List<Question> candidates) {
        while (true) {
            DeckState before = decks.get(channel, c -> DeckState.EMPTY);
            DeckDraw.Draw d = DeckDraw.draw(candidates, before, random).orElseThrow();
            if (decks.asMap().replace(channel, before, d.after())) {
                return d.question();
            }
        }
    }

    /** How many decks are held in memory (after dropping expired ones). */
    public long activeDecks() {
        decks.cleanUp();
        return decks.estimatedSize();
    }
}
