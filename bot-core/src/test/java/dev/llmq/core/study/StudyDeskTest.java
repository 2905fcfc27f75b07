package dev.llmq.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.fsrs.Fsrs;
import dev.llmq.core.fsrs.FsrsParameters;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.in.Action;
import dev.llmq.core.port.in.ActionId;
import dev.llmq.core.port.in.ActionKind;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import dev.llmq.core.settings.Preferences;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MemoryStore;
import dev.llmq.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The study loop through the quizmaster, as a member meets it: grade, review, settings, forget-me.
 * Time is a {@link MutableClock}; the store is the in-memory one (the same contract as SQLite and
 * PostgreSQL). FSRS runs with fuzz on, seeded, but a new card's first interval is never fuzzed
 * (fuzz starts at 2.5 days), so Good on a new card is 2 days: S₀ = 2.3065.
 */
class StudyDeskTest {
    static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");
    final QuestionBank bank = Fixtures.fixtureBank();
    final MutableClock clock = new MutableClock(NOON);
    final MemoryStore store = new MemoryStore();
    final Quizmaster qm = quizmaster();

    Quizmaster quizmaster() {
        Fsrs fsrs = new Fsrs(FsrsParameters.defaults());
        Preferences prefs = new Preferences(store, store, Duration.ofMinutes(1));
        return new Quizmaster(() -> bank, Decks.seeded(7, clock), new LangPolicy(Optional.empty()), Optional.empty(),
                Optional.of(store), clock).limitedBy(UserLimits.none())
                .studiedWith(new StoredStudyDesk(() -> bank, new Study(store, fsrs, new SplittableRandom(11)), store, store,
                        prefs, store, clock), prefs);
    }

    static Origin member(String user) {
        return new Origin("test", "space", "c1", user, "en-US", Optional.empty(), false);
    }

    final Origin me = member("u1");

    Reply say(Origin who, String text) {
        return qm.handle(who, CommandParser.parse(text));
    }

    static String press(Reply r, ActionKind kind, int nth) {
        return r.actions().stream().filter(a -> a.kind() == kind).skip(nth).findFirst().map(Action::id).orElseThrow(
                () -> new AssertionError("no " + kind + " #" + nth + " in " + r.actions()));
    }

    /** Ask, reveal, grade Good: the reply names the day in two days, and a review says nothing is due until then. */
    @Test
    void goodOnANewCardComesBackInTwoDaysAndTheReviewSaysSo() {
        QuestionCard q = assertInstanceOf(QuestionCard.class, say(me, "/llmq architecture"));
        AnswerCard a = assertInstanceOf(AnswerCard.class, qm.press(me, press(q, ActionKind.REVEAL, 0)));
        Notice graded = assertInstanceOf(Notice.class, qm.press(me, press(a, ActionKind.GRADE, 2)));
        assertEquals("Good: this question comes back to you on 2026-12-03 (in 2 days).", graded.text());
        assertTrue(graded.ephemeral());

        Notice review = assertInstanceOf(Notice.class, say(me, "/llmq review"));
        assertTrue(review.ephemeral());
        assertTrue(review.text().startsWith("Nothing is due today. Next due 2026-12-03 (in 2 days): 1."), review.text());

        clock.set(Instant.parse("2026-12-03T00:30:00Z")); // the due day, before the due hour: due means the day
        QuestionCard due = assertInstanceOf(QuestionCard.class, say(me, "/llmq review"));
        assertEquals(q.questionId(), due.questionId());
        assertTrue(due.ephemeral(), "a review is private");
        assertEquals(Optional.of("Review · 1 due"), due.lead());
        assertFalse(due.actions().stream().anyMatch(x -> x.kind() == ActionKind.NEXT), "the review decides what is next");
    }

    /** Through a whole review: each card's reveal carries the count, a grade shows the next, and the last line sums up. */
    @Test
    void aReviewGoesThroughTheDueCardsOneAtATimeAndEndsWithTheCount() {
        for (String topic : List.of("architecture", "objectives")) {
            QuestionCard q = assertInstanceOf(QuestionCard.class, say(me, "/llmq " + topic));
            AnswerCard a = assertInstanceOf(AnswerCard.class, qm.press(me, press(q, ActionKind.REVEAL, 0)));
            qm.press(me, press(a, ActionKind.GRADE, 0)); // Again: back tomorrow (no same-day steps)
        }
        clock.advance(Duration.ofDays(1));
        QuestionCard first = assertInstanceOf(QuestionCard.class, say(me, "/llmq review"));
        assertEquals(Optional.of("Review · 2 due"), first.lead());
        String reveal = press(first, ActionKind.REVEAL, 0);
        assertEquals(OptionalInt.of(0), assertInstanceOf(ActionId.Reveal.class, ActionId.parse(reveal).orElseThrow()).review());
        AnswerCard answer = assertInstanceOf(AnswerCard.class, qm.press(me, reveal));
        assertTrue(answer.ephemeral());
        assertEquals(4, answer.actions().size(), "only the grades: " + answer.actions());

        QuestionCard second = assertInstanceOf(QuestionCard.class, qm.press(me, press(answer, ActionKind.GRADE, 3)));
        assertFalse(second.questionId().equals(first.questionId()));
        assertTrue(second.lead().orElseThrow().startsWith("Easy: this question comes back to you on"), second.lead().get());
        assertTrue(second.lead().get().endsWith("Review · 1 due"), second.lead().get());

        AnswerCard answer2 = assertInstanceOf(AnswerCard.class, qm.press(me, press(second, ActionKind.REVEAL, 0)));
        Notice done = assertInstanceOf(Notice.class, qm.press(me, press(answer2, ActionKind.GRADE, 0)));
        assertTrue(done.text().contains("2 reviewed · next due tomorrow: 1"), done.text());
    }

    /** A card is due on its local day in the member's zone: the same instant is due in one zone and not in another. */
    @Test
    void dueIsALocalDateInTheMembersZone() {
        QuestionCard q = assertInstanceOf(QuestionCard.class, say(me, "/llmq emergence"));
        AnswerCard a = assertInstanceOf(AnswerCard.class, qm.press(me, press(q, ActionKind.REVEAL, 0)));
        qm.press(me, press(a, ActionKind.GRADE, 0)); // Again at 12:00Z: due 2026-12-02T12:00Z
        clock.set(Instant.parse("2026-12-02T06:00:00Z"));
        say(me, "/llmq settings zone:Asia/Tokyo"); // 15:00 on the 2nd: due today
        assertInstanceOf(QuestionCard.class, say(me, "/llmq review"));
        say(me, "/llmq settings zone:Pacific/Honolulu"); // 20:00 on the 1st: due tomorrow
        Notice n = assertInstanceOf(Notice.class, say(me, "/llmq review"));
        assertTrue(n.text().startsWith("Nothing is due today. Next due tomorrow: 1."), n.text());
        Origin slackish = new Origin("test", "space", "c1", "u9", "en-US", Optional.empty(), false,
                Optional.of(ZoneId.of("Asia/Tokyo")));
        assertEquals(ZoneId.of("Asia/Tokyo"), new Preferences(store, store, Duration.ofMinutes(1)).zone(slackish),
                "with no setting, the platform's zone for the member");
    }

    /** With nothing due, new questions come from the weakest topic first: the one graded Again before the one graded Easy. */
    @Test
    void nothingDueOffersNewQuestionsFromTheWeakestTopics() {
        Notice empty = assertInstanceOf(Notice.class, say(me, "/llmq review"));
        assertTrue(empty.text().startsWith("Nothing to review yet"), empty.text());
        assertEquals(3, empty.actions().size(), "one new question from each of three topics: " + empty.actions());

        grade("architecture", 3); // Easy
        grade("objectives", 0); // Again
        clock.advance(Duration.ofDays(1));
        QuestionCard due = assertInstanceOf(QuestionCard.class, say(me, "/llmq review"));
        AnswerCard a = assertInstanceOf(AnswerCard.class, qm.press(me, press(due, ActionKind.REVEAL, 0)));
        Notice done = assertInstanceOf(Notice.class, qm.press(me, press(a, ActionKind.GRADE, 0)));
        List<String> offered = done.actions().stream().map(x -> ActionId.parse(x.id()).orElseThrow())
                .map(id -> assertInstanceOf(ActionId.Ask.class, id).questionId()).toList();
        assertTrue(bank.question(offered.get(0)).orElseThrow().topicId().equals("objectives"), offered.toString());
        QuestionCard fresh = assertInstanceOf(QuestionCard.class, qm.press(me, done.actions().get(0).id()));
        assertTrue(fresh.ephemeral(), "a new question from a review stays in the review");
        assertEquals(Optional.of("Review · a new question"), fresh.lead());
    }

    private void grade(String topic, int grade) {
        QuestionCard q = assertInstanceOf(QuestionCard.class, say(me, "/llmq " + topic));
        AnswerCard a = assertInstanceOf(AnswerCard.class, qm.press(me, press(q, ActionKind.REVEAL, 0)));
        qm.press(me, press(a, ActionKind.GRADE, grade));
    }

    /** A member's grades never change what the channel sees: another member's ask draws from the same deck as before. */
    @Test
    void gradesAreTheMembersOwn() {
        grade("architecture", 0);
        clock.advance(Duration.ofDays(1));
        assertInstanceOf(QuestionCard.class, say(me, "/llmq review"));
        Notice theirs = assertInstanceOf(Notice.class, say(member("u2"), "/llmq review"));
        assertTrue(theirs.text().startsWith("Nothing to review yet"), theirs.text());
        QuestionCard group = assertInstanceOf(QuestionCard.class, say(member("u2"), "/llmq architecture"));
        assertFalse(group.ephemeral(), "a group ask stays a group ask");
    }

    /** Settings: the language applies to the next reply, the zone shows, bad values are refused with the reason. */
    @Test
    void settingsChangeTheLanguageAndAreShown() {
        Notice saved = assertInstanceOf(Notice.class, say(me, "/llmq settings lang:zh zone:Asia/Shanghai remind:19:30"));
        assertTrue(saved.text().startsWith("已保存。"), saved.text());
        assertTrue(saved.text().contains("时区：Asia/Shanghai"), saved.text());
        assertTrue(saved.text().contains("每日提醒：19:30"), saved.text());
        assertEquals(Lang.ZH, qm.langFor(me, Optional.empty()), "the member's setting beats their locale");
        assertEquals(Lang.EN, qm.langFor(me, Optional.of(Lang.EN)), "an explicit lang: beats the setting");
        QuestionCard q = assertInstanceOf(QuestionCard.class, say(me, "/llmq architecture"));
        assertEquals(Lang.ZH, q.lang());

        Notice bad = assertInstanceOf(Notice.class, say(me, "/llmq settings zone:Mars/Olympus"));
        assertEquals(Notice.Level.ERROR, bad.level());
        assertTrue(bad.text().contains("Mars/Olympus"), bad.text());
        say(me, "/llmq settings lang:auto");
        assertEquals(Lang.EN, qm.langFor(me, Optional.empty()), "auto: the platform's locale again");
    }

    /** Server settings: anyone sees them, only admins change them; public reveals by default make asks' reveals public. */
    @Test
    void serverSettingsAreForAdmins() {
        Notice refused = assertInstanceOf(Notice.class, say(me, "/llmq settings server public:on"));
        assertEquals(Notice.Level.ERROR, refused.level());
        Origin admin = new Origin("test", "space", "c1", "boss", "en-US", Optional.empty(), true);
        Notice saved = assertInstanceOf(Notice.class, say(admin, "/llmq settings server public:on lang:zh"));
        assertTrue(saved.text().contains("answers revealed to the channel by default: on"), saved.text());
        QuestionCard q = assertInstanceOf(QuestionCard.class, say(member("u3"), "/llmq architecture lang:en"));
        assertTrue(assertInstanceOf(ActionId.Reveal.class, ActionId.parse(press(q, ActionKind.REVEAL, 0)).orElseThrow())
                .publicReveal(), "the server's default");
        Origin newcomer = new Origin("test", "space", "c1", "u4", null, Optional.empty(), false);
        assertEquals(Lang.ZH, qm.langFor(newcomer, Optional.empty()), "no locale, no setting: the server's language");
    }

    /** forget-me asks first; the confirmation deletes the member's cards and settings, and the review starts over. */
    @Test
    void forgetMeConfirmsThenDeletes() {
        grade("architecture", 2);
        say(me, "/llmq settings lang:zh");
        Notice ask = assertInstanceOf(Notice.class, say(me, "/llmq forget-me"));
        String confirm = press(ask, ActionKind.FORGET, 0);
        assertEquals(1, store.cards("test", "space", "u1").size(), "nothing is deleted before the confirmation");
        Notice done = assertInstanceOf(Notice.class, qm.press(me, confirm));
        assertEquals("已完成：删除了 4 条关于你的记录。", done.text(), "a card, its log line, the reveal and the settings");
        assertEquals(List.of(), store.cards("test", "space", "u1"));
        assertEquals(Lang.EN, qm.langFor(me, Optional.empty()), "the settings went too, also from the cache");
    }

    /** The command words are commands, not topics. */
    @Test
    void commandWordsAreNotTopics() {
        assertInstanceOf(dev.llmq.core.port.in.Command.Review.class, CommandParser.parse("/llmq review"));
        assertInstanceOf(dev.llmq.core.port.in.Command.Review.class, CommandParser.parse("复习 lang:zh"));
        assertInstanceOf(dev.llmq.core.port.in.Command.ForgetMe.class, CommandParser.parse("/llmq forget-me"));
        assertInstanceOf(dev.llmq.core.port.in.Command.Malformed.class, CommandParser.parse("/llmq review now"));
        assertInstanceOf(dev.llmq.core.port.in.Command.Stats.class, CommandParser.parse("/llmq 统计"));
        assertInstanceOf(dev.llmq.core.port.in.Command.Leaderboard.class, CommandParser.parse("/llmq leaderboard"));
        assertEquals(new dev.llmq.core.port.in.Command.Export(dev.llmq.core.port.in.Command.ExportScope.ALL,
                dev.llmq.core.port.in.Command.ExportFormat.CSV, Optional.empty()), CommandParser.parse("/llmq export all csv"));
        assertEquals(new dev.llmq.core.port.in.Command.Export(dev.llmq.core.port.in.Command.ExportScope.MISSES,
                dev.llmq.core.port.in.Command.ExportFormat.ANKI, Optional.of(Lang.ZH)), CommandParser.parse("导出 lang:zh"));
        assertInstanceOf(dev.llmq.core.port.in.Command.Malformed.class, CommandParser.parse("/llmq export everything"));
    }
}
