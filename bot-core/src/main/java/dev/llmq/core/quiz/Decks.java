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
import java.util.ArrayList;
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
    private final Cache<ChannelRef, Combiner> combiners;

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
        // Evicting a channel's combiner while it is in use at worst lets two draws compete: the
        // conditional update still keeps them apart.
        this.combiners = Caffeine.newBuilder()
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
        // Draws that arrive together in one channel are combined into one conditional update:
        // drawn one after another from the same deck, written once. Competing with each other
        // instead, all but one would lose the update and draw again, each paying another write.
        Request mine = new Request(candidates);
        Combiner c = combiners.get(channel, k -> new Combiner());
        c.waiting.add(mine);
        c.lock.lock();
        try {
            if (mine.question == null) { // no earlier holder of the lock took it with theirs
                List<Request> batch = new ArrayList<>();
                for (Request r = c.waiting.poll(); r != null; r = c.waiting.poll()) {
                    batch.add(r);
                }
                drawAndWrite(channel, batch);
            }
        } finally {
            c.lock.unlock();
        }
        return Optional.of(mine.question);
    }

    /** One ask's draw, waiting to be combined with the others of its channel. */
    private static final class Request {
        final List<Question> candidates;
        /** Set under the channel's lock, read after taking it. */
        Question question;

        Request(List<Question> candidates) {
            this.candidates = candidates;
        }
    }

    /** A channel's draws waiting for the one that holds its lock to write them together. */
    private static final class Combiner {
        final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        final java.util.Queue<Request> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>();
    }

    /** Draws every request of {@code batch}, in order, from the channel's deck, and writes the deck once. */
    private void drawAndWrite(ChannelRef channel, List<Request> batch) {
        List<Question> drawn = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            drawn.clear();
            DeckState before;
            try {
                before = decks.get(channel, store.get()::deck);
                DeckState state = before;
                for (Request r : batch) {
                    DeckDraw.Draw d = DeckDraw.draw(r.candidates, state, random).orElseThrow();
                    drawn.add(d.question());
                    state = d.after();
                }
                if (store.get().replaceDeck(channel, before, state)) {
                    decks.put(channel, state);
                    answer(batch, drawn);
                    return;
                }
            } catch (RuntimeException e) {
                // The store failed: the questions are still shown, their draws just not remembered.
                log.warn("the deck of {} could not be read or written ({}); {} draws are not remembered", channel,
                        e.toString(), batch.size());
                for (int i = drawn.size(); i < batch.size(); i++) {
                    drawn.add(DeckDraw.draw(batch.get(i).candidates, DeckState.EMPTY, random).orElseThrow().question());
                }
                answer(batch, drawn);
                return;
            }
            decks.invalidate(channel); // another replica (or the daily claim) drew first: read it again
        }
        log.warn("the deck of {} changed under {} draws in a row; showing {} anyway", channel, ATTEMPTS,
                drawn.stream().map(Question::id).toList());
        answer(batch, drawn);
    }

    private static void answer(List<Request> batch, List<Question> drawn) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).question = drawn.get(i);
        }
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
