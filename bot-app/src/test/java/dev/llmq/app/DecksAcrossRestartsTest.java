package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.store.jdbc.DbConfig;
import dev.llmq.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance of the decks in the store, with the shipped bank on the SQLite file llmq uses:
 * ask 5 questions in a topic of 11 or more, restart, ask 6 more: no question repeats.
 */
class DecksAcrossRestartsTest {
    @Test
    void fiveAsksThenARestartThenSixMoreRepeatNothing(@TempDir Path dir) throws Exception {
        QuestionBank bank = BankLoader.load(ShippedBankTest.BANK);
        String topic = bank.topics().stream().filter(t -> bank.questionsOf(t.id()).size() >= 11).findFirst()
                .orElseThrow().id();
        Origin member = new Origin("discord", "guild", "study", "u1", "en-US", Optional.empty(), false);
        DbConfig db = DbConfig.sqlite(dir.resolve("llmq.db"));
        Set<String> seen = new HashSet<>();
        for (int[] run : new int[][] {{5}, {6}}) {
            try (JdbcStore store = JdbcStore.open(db, Clock.systemUTC())) {
                Quizmaster qm = new Quizmaster(() -> bank, new Decks(new SecureRandom(), Clock.systemUTC(),
                        Duration.ofHours(1), 1000, Optional.of(store)), new LangPolicy(Optional.empty()),
                        Optional.empty(), Optional.of(store), Clock.systemUTC());
                assertTrue(qm.waitsOnStore(member, Command.Ask.topic(topic)), "an ask draws from the store's deck");
                for (int i = 0; i < run[0]; i++) {
                    QuestionCard card = assertInstanceOf(QuestionCard.class, qm.handle(member,
                            new Command.Ask(Optional.of(topic), Optional.empty(), OptionalInt.empty(), false)));
                    assertTrue(seen.add(card.questionId()), "repeat of " + card.questionId() + " after " + seen);
                }
            }
        }
        assertEquals(11, seen.size());
    }
}
