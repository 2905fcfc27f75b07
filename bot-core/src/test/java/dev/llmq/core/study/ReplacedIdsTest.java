package dev.llmq.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.fsrs.Card;
import dev.llmq.core.port.out.StudiedCard;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A member's cards under ids that a merged question replaces count as that question's (issue 16). */
class ReplacedIdsTest {
    static final QuestionBank BANK = load();

    static QuestionBank load() {
        String yaml = """
                version: 1
                topics:
                  - id: arch
                    name: {en: Architectures, zh: 架构}
                questions:
                  - id: merged
                    topic: arch
                    difficulty: 1
                    prompt: {en: "Why?", zh: "为什么？"}
                    answer: {en: "Because.", zh: "因为。"}
                    replaces: [old-a, old-b]
                """;
        try {
            return BankLoader.load(new BankLoader.Source("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static StudiedCard card(String id, String due) {
        return new StudiedCard(id, Card.fresh(Instant.parse(due)), 1);
    }

    @Test
    void anOldCardCountsAsTheQuestionThatReplacedIt() {
        assertEquals(List.of(new StudiedCard("merged", card("old-a", "2026-12-01T00:00:00Z").card(), 1)),
                StoredStudyDesk.current(BANK, List.of(card("old-a", "2026-12-01T00:00:00Z"))));
    }

    @Test
    void theQuestionsOwnCardWinsOverOldOnesWhateverTheOrder() {
        StudiedCard own = card("merged", "2026-12-09T00:00:00Z");
        assertEquals(List.of(own), StoredStudyDesk.current(BANK, List.of(card("old-a", "2026-12-01T00:00:00Z"), own)));
        assertEquals(List.of(own), StoredStudyDesk.current(BANK, List.of(own, card("old-b", "2026-12-01T00:00:00Z"))));
    }

    @Test
    void aCardOfAQuestionDroppedFromTheBankIsLeftOut() {
        assertEquals(List.of(), StoredStudyDesk.current(BANK, List.of(card("gone", "2026-12-01T00:00:00Z"))));
    }
}
