package dev.llmq.core.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankStatsTest {
    private final BankStats stats = new BankStats(Fixtures.fixtureBank());

    @Test
    void countsPerTopicDifficultyAndLanguage() {
        assertEquals(7, stats.questions());
        assertEquals(3, stats.topics());
        assertEquals(4, stats.questionsIn("architecture"));
        assertEquals(2, stats.questionsIn("objectives"));
        assertEquals(2, stats.withDifficulty(1));
        assertEquals(4, stats.withDifficulty(2));
        assertEquals(1, stats.withDifficulty(3));
        assertEquals(7, stats.translated(Lang.ZH));
        assertEquals(5, stats.withKeyPoints(Lang.EN));
        assertEquals(1, stats.withFollowUps());
    }

    @Test
    void chainsAndIsolatedQuestions() {
        assertEquals(List.of("arch-families"), stats.chainRoots());
        assertEquals(List.of("arch-encdec", "obj-lm", "obj-denoise", "emg-metric"), stats.isolated());
        String report = stats.render();
        assertTrue(report.contains("  arch-families\n    → arch-prefix\n    → arch-causal\n"), report);
        assertTrue(report.contains("no chain reaches or leaves (4): arch-encdec, obj-lm, obj-denoise, emg-metric"), report);
    }

    @Test
    void shortAnswersAreListed() {
        // Every fixture answer is a few words: all are outside the interview-sized range.
        assertEquals(7, stats.answersOutOfRange().size());
        assertEquals(4, BankStats.words(" one two\nthree  four "));
    }
}
