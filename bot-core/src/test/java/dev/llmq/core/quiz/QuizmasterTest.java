package dev.llmq.core.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.in.Action;
import dev.llmq.core.port.in.ActionKind;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.HelpCard;
import dev.llmq.core.port.in.HintCard;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.TopicList;
import dev.llmq.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class QuizmasterTest {
    private final Origin origin = Fixtures.origin("c1");

    @Test
    void askByTopicGivesAQuestionCardWithButtons() {
        Quizmaster qm = Fixtures.quizmaster(1);
        QuestionCard card = assertInstanceOf(QuestionCard.class, qm.handle(origin, CommandParser.parse("/llmq architecture")));
        assertEquals("architecture", card.topicId());
        assertEquals("Architectures", card.topicName());
        assertFalse(card.ephemeral());
        assertEquals(Fixtures.fixtureBank().question(card.questionId()).orElseThrow().prompt().en(), card.prompt());
        assertEquals(ActionKind.REVEAL, card.actions().get(0).kind());
        assertEquals("reveal:" + card.questionId() + ":en", card.actions().get(0).id());
        assertEquals(ActionKind.NEXT, card.actions().get(card.actions().size() - 1).kind());
    }

    @Test
    void revealWorksByIdAloneOnAFreshInstance() {
        QuestionCard card = assertInstanceOf(QuestionCard.class,
                Fixtures.quizmaster(1).handle(origin, Command.Ask.topic("objectives")));
        // A different instance, as after a restart or on another replica, with a different channel.
        Quizmaster other = Fixtures.quizmaster(99);
        AnswerCard answer = assertInstanceOf(AnswerCard.class,
                other.press(Fixtures.origin("elsewhere"), card.actions().get(0).id()));
        assertEquals(card.questionId(), answer.questionId());
        assertEquals(Fixtures.fixtureBank().question(card.questionId()).orElseThrow().answer().en(), answer.answer());
        assertTrue(answer.ephemeral(), "reveal is private by default");
    }

    @Test
    void publicAskRevealsPublicly() {
        Quizmaster qm = Fixtures.quizmaster(1);
        QuestionCard card = assertInstanceOf(QuestionCard.class, qm.handle(origin, CommandParser.parse("/llmq arch public")));
        assertTrue(card.actions().get(0).id().endsWith(":pub"));
        AnswerCard answer = assertInstanceOf(AnswerCard.class, qm.press(origin, card.actions().get(0).id()));
        assertFalse(answer.ephemeral());
    }

    /**
     * Every button path, with every option: {@code public} goes through Hint (and Next hint) to
     * Reveal, and the difficulty filter goes through Hint, Reveal and a follow-up to Next.
     */
    @Test
    void theAsksOptionsSurviveEveryButton() {
        QuestionBank bank = Fixtures.fixtureBank();
        for (boolean pub : new boolean[] {false, true}) {
            for (OptionalInt d : List.of(OptionalInt.empty(), OptionalInt.of(1), OptionalInt.of(2), OptionalInt.of(3))) {
                String what = "public " + pub + ", difficulty " + d;
                Quizmaster qm = Fixtures.quizmaster(3);
                Reply first = qm.handle(origin, new Command.Ask(Optional.empty(), Optional.empty(), d, pub));
                if (first instanceof Notice) {
                    continue; // the fixture bank has no question of that difficulty
                }
                QuestionCard card = assertInstanceOf(QuestionCard.class, first, what);
                d.ifPresent(k -> assertEquals(k, card.difficulty(), what));

                // Question card -> Hint -> (Next hint ...) -> Reveal: the answer is as public as the ask.
                Optional<Action> hint = find(card.actions(), ActionKind.HINT);
                if (hint.isPresent()) {
                    HintCard h = assertInstanceOf(HintCard.class, qm.press(origin, hint.get().id()), what);
                    while (find(h.actions(), ActionKind.HINT).isPresent()) {
                        h = assertInstanceOf(HintCard.class, qm.press(origin, find(h.actions(), ActionKind.HINT)
                                .orElseThrow().id()), what);
                    }
                    AnswerCard viaHints = assertInstanceOf(AnswerCard.class,
                            qm.press(origin, find(h.actions(), ActionKind.REVEAL).orElseThrow().id()), what);
                    assertEquals(!pub, viaHints.ephemeral(), "Hint then Reveal keeps public: " + what);
                    assertNextKeeps(qm, viaHints.actions(), d, pub, what + ", via the hints");
                }
                AnswerCard answer = assertInstanceOf(AnswerCard.class,
                        qm.press(origin, find(card.actions(), ActionKind.REVEAL).orElseThrow().id()), what);
                assertEquals(!pub, answer.ephemeral(), what);
                assertNextKeeps(qm, card.actions(), d, pub, what + ", the question card's Next");
                assertNextKeeps(qm, answer.actions(), d, pub, what + ", the answer card's Next");

                // A follow-up keeps both, on its own card and its answer.
                Optional<Action> follow = find(answer.actions(), ActionKind.FOLLOW_UP);
                if (follow.isPresent()) {
                    QuestionCard next = assertInstanceOf(QuestionCard.class, qm.press(origin, follow.get().id()), what);
                    AnswerCard nextAnswer = assertInstanceOf(AnswerCard.class,
                            qm.press(origin, find(next.actions(), ActionKind.REVEAL).orElseThrow().id()), what);
                    assertEquals(!pub, nextAnswer.ephemeral(), "a follow-up keeps public: " + what);
                    assertNextKeeps(qm, next.actions(), d, pub, what + ", a follow-up's Next");
                }
            }
        }
        assertTrue(bank.questions().stream().anyMatch(q -> !q.keyPoints().get(Lang.EN).isEmpty())
                && bank.questions().stream().anyMatch(q -> !q.followUps().isEmpty()), "the walk covers hints and follow-ups");
    }

    private static Optional<Action> find(List<Action> actions, ActionKind kind) {
        return actions.stream().filter(a -> a.kind() == kind).findFirst();
    }

    /** Presses Next among {@code actions}: a question of the filtered difficulty, whose reveal is as public. */
    private void assertNextKeeps(Quizmaster qm, List<Action> actions, OptionalInt d, boolean pub, String what) {
        Reply r = qm.press(origin, find(actions, ActionKind.NEXT).orElseThrow(() -> new AssertionError("no Next: " + what))
                .id());
        if (r instanceof Notice n) { // the topic's questions of that difficulty ran out: the filter held
            assertTrue(d.isPresent(), what + ": " + n.text());
            return;
        }
        QuestionCard next = assertInstanceOf(QuestionCard.class, r, what);
        d.ifPresent(k -> assertEquals(k, next.difficulty(), "Next keeps the difficulty: " + what));
        AnswerCard a = assertInstanceOf(AnswerCard.class,
                qm.press(origin, find(next.actions(), ActionKind.REVEAL).orElseThrow().id()), what);
        assertEquals(!pub, a.ephemeral(), "Next keeps public: " + what);
    }

    @Test
    void aUserOverTheLimitGetsAPoliteNoticeWhileOthersGoOn() {
        Quizmaster qm = Fixtures.quizmaster(1).limitedBy(new UserLimits(3, java.time.Duration.ofMinutes(1)));
        Command ask = new Command.Ask(Optional.empty(), Optional.empty(), OptionalInt.empty(), false);
        QuestionCard card = assertInstanceOf(QuestionCard.class, qm.handle(origin, ask));
        assertInstanceOf(QuestionCard.class, qm.handle(origin, ask));
        assertInstanceOf(AnswerCard.class, qm.press(origin, card.actions().get(0).id()), "a press counts too");
        String slow = Msg.SLOW_DOWN.text(Lang.EN);
        Notice over = assertInstanceOf(Notice.class, qm.handle(origin, ask));
        assertEquals(slow, over.text());
        assertTrue(over.ephemeral(), "privately");
        assertEquals(slow, assertInstanceOf(Notice.class, qm.press(origin, card.actions().get(0).id())).text());
        Notice daily = assertInstanceOf(Notice.class, qm.handle(origin, new Command.DailyStatus(Optional.empty(),
                Optional.empty())));
        assertFalse(daily.text().equals(slow), "the daily commands do not count");
        Origin other = new Origin(origin.platform(), origin.space(), origin.channel(), "someone-else", "en-US",
                Optional.empty(), false);
        assertInstanceOf(QuestionCard.class, qm.handle(other, ask), "another user goes on");
    }

    @Test
    void staleAndForeignButtonsGetPoliteNotices() {
        Quizmaster qm = Fixtures.quizmaster(1);
        Notice stale = assertInstanceOf(Notice.class, qm.press(origin, "reveal:no-such-question:en"));
        assertTrue(stale.ephemeral());
        assertTrue(stale.text().contains("no longer in the bank"), stale.text());
        Notice staleZh = assertInstanceOf(Notice.class, qm.press(origin, "hint:gone:zh:1"));
        assertTrue(staleZh.text().contains("已不在题库中"), staleZh.text());
        for (String junk : new String[] {"", "reveal", "reveal::en", "launch:x:en", "hint:x:en:0", "reveal:x:fr",
                                         "next:x:en:d7", "reveal:X:en", "x".repeat(200)}) {
            Notice n = assertInstanceOf(Notice.class, qm.press(origin, junk), junk);
            assertEquals(Notice.Level.ERROR, n.level());
        }
    }

    @Test
    void hintsComeOneAtATimeThenOfferTheAnswer() {
        Quizmaster qm = Fixtures.quizmaster(1);
        String id = "obj-lm";
        HintCard h1 = assertInstanceOf(HintCard.class, qm.press(origin, "hint:" + id + ":en:1"));
        assertEquals("Next token.", h1.hint());
        assertEquals(1, h1.number());
        assertEquals(3, h1.total());
        assertEquals("hint:obj-lm:en:2", h1.actions().get(0).id());
        HintCard h2 = assertInstanceOf(HintCard.class, qm.press(origin, h1.actions().get(0).id()));
        assertEquals("Likelihood.", h2.hint());
        HintCard h3 = assertInstanceOf(HintCard.class, qm.press(origin, h2.actions().get(0).id()));
        assertEquals("Loss on which tokens?", h3.hint());
        assertEquals(List.of(ActionKind.REVEAL), h3.actions().stream().map(Action::kind).toList());
        Notice done = assertInstanceOf(Notice.class, qm.press(origin, "hint:obj-lm:en:4"));
        assertEquals(ActionKind.REVEAL, done.actions().get(0).kind());
    }

    @Test
    void questionWithoutKeyPointsHasNoHintButton() {
        Quizmaster qm = Fixtures.quizmaster(1);
        QuestionCard card = assertInstanceOf(QuestionCard.class, qm.press(origin, "ask:arch-causal:en"));
        assertTrue(card.actions().stream().noneMatch(a -> a.kind() == ActionKind.HINT));
        assertInstanceOf(Notice.class, qm.press(origin, "hint:arch-causal:en:1"));
    }

    @Test
    void answerOffersFollowUpsThatAskThem() {
        Quizmaster qm = Fixtures.quizmaster(1);
        AnswerCard answer = assertInstanceOf(AnswerCard.class, qm.press(origin, "reveal:arch-families:en"));
        assertEquals(List.of("ask:arch-prefix:en", "ask:arch-causal:en", "next:architecture:en"),
                answer.actions().stream().map(Action::id).toList());
        assertEquals("Follow-up: How does a prefix decoder attend?", answer.actions().get(0).label());
        assertEquals(List.of("Think about attention masks.", "One of them has two stacks."), answer.keyPoints());
        assertEquals(Optional.of("fixture §2"), answer.source());
        QuestionCard follow = assertInstanceOf(QuestionCard.class, qm.press(origin, answer.actions().get(0).id()));
        assertEquals("arch-prefix", follow.questionId());
    }

    @Test
    void longLabelsAreShortened() {
        assertEquals("abcd…", Cards.shorten("abcdefgh", 5));
        assertEquals("a b", Cards.shorten(" a \n b ", 5));
        assertEquals("大模型有…", Cards.shorten("大模型有哪三类", 5));
    }

    @Test
    void nextStaysOnTopicAndDifficulty() {
        Quizmaster qm = Fixtures.quizmaster(1);
        QuestionCard card = assertInstanceOf(QuestionCard.class,
                qm.handle(origin, new Command.Ask(Optional.of("arch"), Optional.empty(), OptionalInt.of(2), false)));
        assertEquals(2, card.difficulty());
        String next = card.actions().get(card.actions().size() - 1).id();
        assertEquals("next:architecture:en:d2", next);
        for (int i = 0; i < 10; i++) {
            QuestionCard n = assertInstanceOf(QuestionCard.class, qm.press(origin, next));
            assertEquals("architecture", n.topicId());
            assertEquals(2, n.difficulty());
        }
    }

    @Test
    void unknownTopicListsTheRealOnesAndSuggests() {
        Quizmaster qm = Fixtures.quizmaster(1);
        Notice n = assertInstanceOf(Notice.class, qm.handle(origin, CommandParser.parse("/llmq archtecture")));
        assertTrue(n.ephemeral());
        assertTrue(n.text().contains("Did you mean architecture?"), n.text());
        assertTrue(n.text().contains("architecture, objectives, emergence"), n.text());
        Notice zh = assertInstanceOf(Notice.class, qm.handle(origin, CommandParser.parse("/llmq 烹饪 lang:zh")));
        assertTrue(zh.text().contains("没有找到主题“烹饪”"), zh.text());
    }

    @Test
    void noTopicDrawsFromTheWholeBankWithoutRepeats() {
        Quizmaster qm = Fixtures.quizmaster(5);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 7; i++) {
            QuestionCard card = assertInstanceOf(QuestionCard.class, qm.handle(origin, CommandParser.parse("/llmq")));
            assertTrue(seen.add(card.questionId()));
            assertEquals("next:*:en", card.actions().get(card.actions().size() - 1).id());
        }
    }

    @Test
    void emptyDifficultyGivesANotice() {
        Quizmaster qm = Fixtures.quizmaster(1);
        Notice n = assertInstanceOf(Notice.class, qm.handle(origin, CommandParser.parse("/llmq emergence difficulty:3")));
        assertTrue(n.text().contains("no questions"), n.text());
    }

    @Test
    void chineseRequestRendersChineseTexts() {
        Quizmaster qm = Fixtures.quizmaster(1);
        QuestionCard card = assertInstanceOf(QuestionCard.class, qm.handle(origin, CommandParser.parse("/llmq 架构 lang:zh")));
        assertEquals(Lang.ZH, card.lang());
        assertEquals("主流架构", card.topicName());
        assertEquals("显示答案", card.actions().get(0).label());
        assertTrue(card.actions().get(0).id().endsWith(":zh"));
        AnswerCard a = assertInstanceOf(AnswerCard.class, qm.press(origin, card.actions().get(0).id()));
        assertEquals(Fixtures.fixtureBank().question(card.questionId()).orElseThrow().answer().zh(), a.answer());
    }

    @Test
    void topicsAndHelp() {
        Quizmaster qm = Fixtures.quizmaster(1);
        TopicList t = assertInstanceOf(TopicList.class, qm.handle(origin, CommandParser.parse("/llmq topics")));
        assertEquals(List.of("architecture", "objectives", "emergence"), t.topics().stream().map(TopicList.Entry::id).toList());
        assertEquals(4, t.topics().get(0).questions());
        HelpCard h = assertInstanceOf(HelpCard.class, qm.handle(origin, CommandParser.parse("/llmq help lang:zh")));
        assertEquals(Lang.ZH, h.lang());
        assertTrue(h.lines().size() >= 4);
    }

    @Test
    void malformedOptionsAreExplained() {
        Quizmaster qm = Fixtures.quizmaster(1);
        Notice n = assertInstanceOf(Notice.class, qm.handle(origin, CommandParser.parse("/llmq arch lang:fr")));
        assertTrue(n.text().contains("lang:fr") && n.text().contains("en and zh"), n.text());
        Notice d = assertInstanceOf(Notice.class, qm.handle(origin, CommandParser.parse("/llmq arch difficulty:5")));
        assertTrue(d.text().contains("1, 2 or 3"), d.text());
    }

    @Test
    void reloadedBankIsPickedUpAndOldButtonsGoStale() throws Exception {
        AtomicReference<QuestionBank> current = new AtomicReference<>(Fixtures.fixtureBank());
        Quizmaster qm = new Quizmaster(current::get, Decks.seeded(1, new dev.llmq.core.testing.MutableClock(Fixtures.EPOCH)),
                new dev.llmq.core.i18n.LangPolicy(Optional.empty()));
        assertInstanceOf(AnswerCard.class, qm.press(origin, "reveal:obj-lm:en"));
        String smaller = "version: 1\ntopics:\n  - id: fresh\n    name: {en: Fresh, zh: 新}\nquestions:\n"
                + "  - id: fresh-one\n    topic: fresh\n    difficulty: 1\n"
                + "    prompt: {en: \"P\", zh: \"问\"}\n    answer: {en: \"A\", zh: \"答\"}\n";
        current.set(BankLoader.load(new BankLoader.Source("new.yaml", smaller.getBytes(StandardCharsets.UTF_8))));
        assertInstanceOf(Notice.class, qm.press(origin, "reveal:obj-lm:en"));
        Reply r = qm.handle(origin, CommandParser.parse("/llmq fresh"));
        assertEquals("fresh-one", assertInstanceOf(QuestionCard.class, r).questionId());
    }
}
