package dev.llmq.core.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MemoryStore;
import dev.llmq.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DecksTest {
    private final QuestionBank bank = Fixtures.fixtureBank();
    private final List<Question> architecture = bank.questionsOf("architecture");

    @Test
    void noRepeatsUntilTheDeckIsExhausted() {
        Decks decks = Decks.seeded(1, new MutableClock(Fixtures.EPOCH));
        for (int round = 0; round < 20; round++) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < architecture.size(); i++) {
                String id = decks.draw(ch("c1"), architecture).orElseThrow().id();
                assertTrue(seen.add(id), "repeat of " + id + " in round " + round);
            }
            assertEquals(architecture.stream().map(Question::id).collect(Collectors.toSet()), seen);
        }
    }

    @Test
    void aNewRoundNeverStartsWithTheQuestionJustAsked() {
        Decks decks = Decks.seeded(7, new MutableClock(Fixtures.EPOCH));
        String last = null;
        for (int i = 0; i < 400; i++) {
            String id = decks.draw(ch("c1"), architecture).orElseThrow().id();
            assertNotEquals(last, id, "same question twice in a row at draw " + i);
            last = id;
        }
    }

    @Test
    void channelsHaveTheirOwnDecks() {
        Decks decks = Decks.seeded(3, new MutableClock(Fixtures.EPOCH));
        Set<String> a = new HashSet<>();
        Set<String> b = new HashSet<>();
        for (int i = 0; i < architecture.size(); i++) {
            a.add(decks.draw(ch("a"), architecture).orElseThrow().id());
            b.add(decks.draw(ch("b"), architecture).orElseThrow().id());
        }
        assertEquals(architecture.size(), a.size());
        assertEquals(architecture.size(), b.size());
    }

    @Test
    void sameSeedSameOrder() {
        assertEquals(sequence(42), sequence(42));
        assertNotEquals(sequence(42), sequence(43));
    }

    @Test
    void idleDecksExpireOnTheInjectedClock() {
        MutableClock clock = new MutableClock(Fixtures.EPOCH);
        Decks decks = new Decks(new java.util.Random(5), clock, Duration.ofHours(1), 1000);
        decks.draw(ch("c"), architecture);
        assertEquals(1, decks.activeDecks());
        clock.advance(Duration.ofMinutes(59));
        assertEquals(1, decks.activeDecks());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(0, decks.activeDecks());
    }

    @Test
    void emptyPoolDrawsNothing() {
        Decks decks = Decks.seeded(1, new MutableClock(Fixtures.EPOCH));
        assertTrue(decks.draw(ch("c"), List.of()).isEmpty());
    }

    private List<String> sequence(long seed) {
        Decks decks = Decks.seeded(seed, new MutableClock(Fixtures.EPOCH));
        List<Question> all = bank.questions();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            out.add(decks.draw(ch("c"), all).orElseThrow().id());
        }
        return out;
    }

    static ChannelRef ch(String id) {
        return new ChannelRef("test", "space", id);
    }

    /**
     * One deck per channel, whatever the ask filters by: alternating all topics, one topic, and one
     * topic at one difficulty repeats nothing until every question was drawn once.
     */
    @Test
    void alternatingFiltersShareTheChannelsDeckAndRepeatNothing() {
        List<Question> all = bank.questions();
        String topic = architecture.get(0).topicId();
        int d = architecture.get(0).difficulty();
        List<Question> hard = architecture.stream().filter(q -> q.difficulty() == d).toList();
        Decks decks = Decks.seeded(9, new MutableClock(Fixtures.EPOCH));
        Set<String> seen = new HashSet<>();
        List<List<Question>> filters = List.of(all, architecture, hard);
        for (int i = 0; seen.size() < all.size() && i < 10 * all.size(); i++) {
            List<Question> candidates = filters.get(i % 3);
            Set<String> left = new HashSet<>();
            candidates.forEach(q -> left.add(q.id()));
            left.removeAll(seen);
            if (left.isEmpty()) {
                continue; // this filter's candidates are exhausted; the others still have fresh ones
            }
            String id = decks.draw(ch("c"), candidates).orElseThrow().id();
            assertTrue(seen.add(id), "repeat of " + id + " (" + topic + ") at draw " + i + " before the candidates ran out");
        }
        assertEquals(all.size(), seen.size());
    }

    /** In a store: the deck survives a "restart" (new Decks), and two replicas' draws never repeat. */
    @Test
    void storedDecksSurviveARestartAndReplicasShareThem() {
        MemoryStore store = new MemoryStore();
        MutableClock clock = new MutableClock(Fixtures.EPOCH);
        Decks one = new Decks(new java.util.Random(1), clock, Duration.ofHours(1), 1000, Optional.of(store));
        Decks two = new Decks(new java.util.Random(2), clock, Duration.ofHours(1), 1000, Optional.of(store.reopen()));
        assertTrue(one.persistent());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < architecture.size(); i++) {
            // alternating replicas, each with its own cache: the other's cache is stale every time
            String id = (i % 2 == 0 ? one : two).draw(ch("c"), architecture).orElseThrow().id();
            assertTrue(seen.add(id), "repeat of " + id + " at draw " + i);
        }
        assertEquals(architecture.size(), store.deck(ch("c")).asked().size());
        Decks restarted = new Decks(new java.util.Random(3), clock, Duration.ofHours(1), 1000,
                Optional.of(store.reopen()));
        String next = restarted.draw(ch("c"), architecture).orElseThrow().id();
        assertEquals(1, store.deck(ch("c")).round(), "the deck was full: a new round, kept across the restart");
        assertTrue(architecture.stream().anyMatch(q -> q.id().equals(next)));
    }

    /**
     * Simultaneous asks in one channel, on a store whose write is slow: they are drawn together and
     * written in a few conditional updates, not one each, and none repeats. Competing instead,
     * all but one would lose each update, and after three losses show a question anyway.
     */
    @Test
    void simultaneousDrawsInAChannelAreCombinedIntoFewWritesAndRepeatNothing() throws Exception {
        MemoryStore store = new MemoryStore();
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        dev.llmq.core.port.out.DeckStore slow = new dev.llmq.core.port.out.DeckStore() {
            @Override
            public dev.llmq.core.port.out.DeckState deck(ChannelRef channel) {
                return store.deck(channel);
            }

            @Override
            public boolean replaceDeck(ChannelRef channel, dev.llmq.core.port.out.DeckState expected,
                                       dev.llmq.core.port.out.DeckState next) {
                writes.incrementAndGet();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return store.replaceDeck(channel, expected, next);
            }
        };
        Decks decks = new Decks(new java.util.Random(9), new MutableClock(Fixtures.EPOCH), Duration.ofHours(1), 1000,
                Optional.of(slow));
        List<Question> all = bank.questions();
        int asks = all.size();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<String>> drawn = new ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < asks; i++) {
                drawn.add(threads.submit(() -> {
                    go.await();
                    return decks.draw(ch("busy"), all).orElseThrow().id();
                }));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            for (java.util.concurrent.Future<String> f : drawn) {
                ids.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(asks, ids.size(), "a repeat among " + asks + " simultaneous draws of " + asks + " questions");
        }
        assertEquals(asks, store.deck(ch("busy")).asked().size(), "every draw is in the stored deck");
        assertTrue(writes.get() < asks, writes.get() + " writes for " + asks + " draws: they were not combined");
    }
}
