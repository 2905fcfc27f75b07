package dev.llmq.core.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
                String id = decks.draw("c1", architecture).orElseThrow().id();
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
            String id = decks.draw("c1", architecture).orElseThrow().id();
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
            a.add(decks.draw("a", architecture).orElseThrow().id());
            b.add(decks.draw("b", architecture).orElseThrow().id());
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
        decks.draw("c", architecture);
        assertEquals(1, decks.activeDecks());
        clock.advance(Duration.ofMinutes(59));
        assertEquals(1, decks.activeDecks());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(0, decks.activeDecks());
    }

    @Test
    void emptyPoolDrawsNothing() {
        Decks decks = Decks.seeded(1, new MutableClock(Fixtures.EPOCH));
        assertTrue(decks.draw("c", List.of()).isEmpty());
    }

    private List<String> sequence(long seed) {
        Decks decks = Decks.seeded(seed, new MutableClock(Fixtures.EPOCH));
        List<Question> all = bank.questions();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            out.add(decks.draw("c", all).orElseThrow().id());
        }
        return out;
    }
}
