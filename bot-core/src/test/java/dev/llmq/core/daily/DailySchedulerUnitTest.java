package dev.llmq.core.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.DailyArgs;
import dev.llmq.core.port.out.PostLedger;
import dev.llmq.core.port.out.DeckState;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MemoryStore;
import dev.llmq.core.testing.MutableClock;
import dev.llmq.core.testing.TestPublisher;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.Schedule;
import java.time.LocalTime;
import java.time.ZoneId;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scheduler's pure parts: drawing from a channel's history, and the retry backoff. */
class DailySchedulerUnitTest {
    private final QuestionBank bank = Fixtures.fixtureBank();
    private final PostLedger noStore = (PostLedger) Proxy.newProxyInstance(PostLedger.class.getClassLoader(),
            new Class<?>[] {PostLedger.class}, (p, m, a) -> {
                throw new UnsupportedOperationException(m.getName());
            });
    private final DailyScheduler scheduler = new DailyScheduler(noStore, () -> bank, List.of(),
            new MutableClock(Instant.EPOCH), Lang.EN, DailyScheduler.Settings.defaults().withSenders(1), new Random(5),
            d -> { });

    @Test
    void aRoundDrawsEveryQuestionOnceThenANewRoundAvoidsTheLast() {
        List<Question> pool = bank.questions();
        DeckState deck = DeckState.EMPTY;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pool.size(); i++) {
            PostPlanner.Draw d = scheduler.draw(pool, deck).orElseThrow();
            assertTrue(seen.add(d.questionId()), "repeat within a round: " + d.questionId());
            deck = d.deckAfter();
        }
        assertEquals(0, deck.round());
        String last = deck.last().orElseThrow();
        for (int i = 0; i < 20; i++) {
            PostPlanner.Draw next = scheduler.draw(pool, deck).orElseThrow();
            assertEquals(1, next.deckAfter().round());
            assertNotEquals(last, next.questionId());
        }
        assertTrue(scheduler.draw(List.of(), deck).isEmpty());
    }

    @Test
    void aSingleQuestionPoolRepeatsIt() {
        List<Question> one = List.of(bank.questions().get(0));
        DeckState deck = scheduler.draw(one, DeckState.EMPTY).orElseThrow().deckAfter();
        assertEquals(one.get(0).id(), scheduler.draw(one, deck).orElseThrow().questionId());
    }

    @Test
    void theBackoffDoublesWithJitterUpToItsCap() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long expected = Math.min(30L * (1L << (attempt - 1)), 1800L) * 1000;
            long got = scheduler.backoff(attempt).toMillis();
            assertTrue(got >= expected * 0.8 - 1 && got <= expected * 1.2 + 1,
                    "attempt " + attempt + ": " + got + " ms, expected about " + expected);
        }
        assertTrue(scheduler.backoff(50).compareTo(Duration.ofMinutes(36)) <= 0);
    }

    @Test
    void settingsAreChecked() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DailyScheduler.Settings.defaults().withBatch(0));
        assertEquals(Duration.ofHours(6), DailyScheduler.Settings.defaults().catchUp());
        assertEquals(Optional.of(Duration.ofMinutes(90)), DailyArgs.duration("90m"));
    }

    @Test
    void aTickCutShortByItsBoundSaysSoAndTheTickerGoesOnAtOnce() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        MemoryStore store = new MemoryStore();
        TestPublisher platform = new TestPublisher("test", clock);
        int due = 1_050; // more than one tick's bound of 1,000 rounds at one post per round
        for (int i = 0; i < due; i++) {
            Schedule s = new Schedule(new ChannelRef("test", "space", "c" + i), LocalTime.of(9, 0), ZoneId.of("UTC"),
                    Schedule.EVERY_DAY, List.of(), Optional.empty(), false, Optional.empty(), "admin");
            store.putSchedule(s, clock.instant());
        }
        try (DailyScheduler one = new DailyScheduler(store, () -> bank, List.of(platform), clock, Lang.EN,
                DailyScheduler.Settings.defaults().withSenders(1).withBatch(1), new Random(5), d -> { })) {
            DailyScheduler.TickReport first = one.tick();
            assertEquals(1_000, first.sent());
            assertTrue(first.more(), "cut short with posts still due");

            one.guardedTick(); // what the ticker runs: it goes on until nothing is due, without waiting a period
            assertEquals(due, platform.posts.size());
            assertFalse(one.tick().more());
        }
    }
}
