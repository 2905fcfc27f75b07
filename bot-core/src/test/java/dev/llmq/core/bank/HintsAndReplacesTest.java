package dev.llmq.core.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.i18n.Lang;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `hints` apart from `key_points`, and `replaces`: old ids that keep resolving after a merge. */
class HintsAndReplacesTest {
    static final String HEAD = """
            version: 1
            topics:
              - id: arch
                name: {en: Architectures, zh: 架构}
            questions:
            """;

    static String question(String id, String extra) {
        return """
                  - id: %s
                    topic: arch
                    difficulty: 1
                    prompt: {en: "Why?", zh: "为什么？"}
                    answer: {en: "Because.", zh: "因为。"}
                    key_points: {en: ["The summary"], zh: ["总结"]}
                %s
                """.formatted(id, extra);
    }

    static QuestionBank load(String yaml) throws BankException {
        return BankLoader.load(new BankLoader.Source("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hintsAreShownInsteadOfKeyPointsAndKeyPointsStayTheSummary() throws Exception {
        QuestionBank b = load(HEAD + question("q1", "    hints: {en: [\"Look here\", \"Closer\"], zh: [\"看这里\", \"更近\"]}")
                + question("q2", ""));
        Question q1 = b.question("q1").orElseThrow();
        assertEquals(List.of("Look here", "Closer"), q1.hintsIn(Lang.EN));
        assertEquals(List.of("The summary"), q1.keyPoints().en());
        assertEquals(List.of("总结"), b.question("q2").orElseThrow().hintsIn(Lang.ZH), "no hints: the key points");
    }

    /** The Hint button shows the hints, and an old message's button with a replaced id still answers. */
    @Test
    void theQuizmasterHintsWithHintsAndAnswersOldIds() throws Exception {
        QuestionBank b = load(HEAD + question("merged", "    hints: {en: [\"Look here\", \"Closer\"], zh: [\"看这里\", \"更近\"]}\n"
                + "    replaces: [old-a]"));
        dev.llmq.core.quiz.Quizmaster qm = dev.llmq.core.testing.Fixtures.quizmaster(b, 1);
        dev.llmq.core.port.in.Origin me = dev.llmq.core.testing.Fixtures.origin("c1");
        dev.llmq.core.port.in.HintCard first = (dev.llmq.core.port.in.HintCard) qm.press(me, "hint:merged:en:1");
        assertEquals("Look here", first.hint());
        assertEquals(2, first.total());
        dev.llmq.core.port.in.AnswerCard old = (dev.llmq.core.port.in.AnswerCard) qm.press(me, "reveal:old-a:en");
        assertEquals("merged", old.questionId(), "a button of the old question reveals the one that replaced it");
        assertEquals(List.of("The summary"), old.keyPoints());
    }

    @Test
    void oneHintOrSixAreRefusedWithTheirPlace() {
        BankException one = assertThrows(BankException.class, () -> load(HEAD
                + question("q1", "    hints: {en: [\"Only\"], zh: [\"只有\"]}")));
        assertTrue(one.problems().stream().anyMatch(p -> p.toString().contains("questions[q1].hints.en")
                && p.toString().contains("1 hint; write 2 to 5")), one.problems().toString());
        BankException six = assertThrows(BankException.class, () -> load(HEAD + question("q1",
                "    hints: {en: [a1, a2, a3, a4, a5, a6], zh: [b1, b2]}")));
        assertTrue(six.problems().toString().contains("6 hints"), six.problems().toString());
    }

    @Test
    void anOldIdResolvesToTheQuestionThatReplacesIt() throws Exception {
        QuestionBank b = load(HEAD + question("merged", "    replaces: [old-a, old-b]"));
        assertEquals("merged", b.question("old-a").orElseThrow().id());
        assertEquals("merged", b.question("old-b").orElseThrow().id());
        assertTrue(b.isCurrentId("merged"));
        assertFalse(b.isCurrentId("old-a"));
        assertEquals(1, b.size(), "an old id is not a question of its own");
    }

    @Test
    void anIdStillInUseOrReplacedTwiceIsRefused() {
        BankException inUse = assertThrows(BankException.class, () -> load(HEAD + question("q1", "    replaces: [q2]")
                + question("q2", "")));
        assertTrue(inUse.problems().toString().contains("'q2' is still a question"), inUse.problems().toString());
        BankException twice = assertThrows(BankException.class, () -> load(HEAD + question("q1", "    replaces: [gone]")
                + question("q2", "    replaces: [gone]")));
        assertTrue(twice.problems().toString().contains("'gone' is already replaced by questions[q1]"),
                twice.problems().toString());
    }
}
