package dev.llmq.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyScheduler;
import dev.llmq.core.fsrs.Fsrs;
import dev.llmq.core.fsrs.FsrsParameters;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.in.ActionId;
import dev.llmq.core.port.in.ActionKind;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.settings.Preferences;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MemoryStore;
import dev.llmq.core.testing.MutableClock;
import dev.llmq.core.testing.TestPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A member's daily reminder: opt-in, at their local time, through the daily ledger (so once a
 * day), only when something is due, and gone with forget-me.
 */
class RemindersTest {
    final QuestionBank bank = Fixtures.fixtureBank();
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    final MemoryStore store = new MemoryStore();
    final TestPublisher platform = new TestPublisher("test", clock);
    final DailyScheduler scheduler = new DailyScheduler(store, () -> bank, List.of(platform), clock, Lang.EN,
            DailyScheduler.Settings.defaults().withSenders(1), new Random(7), DailyScheduler.Sleeper.REAL);
    final Quizmaster qm;
    final Origin me = new Origin("test", "space", "c1", "u1", "en-US", Optional.empty(), false);
    final Origin other = new Origin("test", "space", "c1", "u2", "en-US", Optional.empty(), false);

    RemindersTest() {
        Fsrs fsrs = new Fsrs(FsrsParameters.defaults());
        Preferences prefs = new Preferences(store, store, Duration.ofMinutes(1));
        StoredStudyDesk desk = new StoredStudyDesk(() -> bank, new Study(store, fsrs, new SplittableRandom(3)), store,
                store, prefs, store, clock);
        scheduler.remindingWith(desk);
        qm = new Quizmaster(() -> bank, Decks.seeded(7, clock), new LangPolicy(Optional.empty()),
                Optional.of(new dev.llmq.core.daily.StoredDailyDesk(store, scheduler, () -> bank)), Optional.of(store), clock).limitedBy(UserLimits.none()).studiedWith(desk, prefs);
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    Reply say(Origin who, String text) {
        return qm.handle(who, CommandParser.parse(text));
    }

    void gradeAgain(Origin who) {
        QuestionCard q = assertInstanceOf(QuestionCard.class, say(who, "/llmq architecture"));
        AnswerCard a = assertInstanceOf(AnswerCard.class, qm.press(who, q.actions().get(0).id()));
        qm.press(who, a.actions().stream().filter(x -> x.kind() == ActionKind.GRADE).findFirst().orElseThrow().id());
    }

    @Test
    void aReminderIsSentOnceADayAtTheMembersTimeOnlyWhenSomethingIsDue() {
        gradeAgain(me); // due tomorrow
        gradeAgain(other); // due too, but u2 never asked for reminders
        Origin easy = new Origin("test", "space", "c1", "u3", "en-US", Optional.empty(), false);
        QuestionCard q = assertInstanceOf(QuestionCard.class, say(easy, "/llmq architecture"));
        AnswerCard a = assertInstanceOf(AnswerCard.class, qm.press(easy, q.actions().get(0).id()));
        qm.press(easy, a.actions().get(a.actions().size() - 1).id()); // Easy on a new card: S0 = 8.2956, days away
        say(easy, "/llmq settings remind:09:30 zone:Asia/Tokyo");
        Notice saved = assertInstanceOf(Notice.class, say(me, "/llmq settings remind:09:30 zone:Asia/Tokyo"));
        assertTrue(saved.text().contains("daily reminder: 09:30"), saved.text());
        assertFalse(assertInstanceOf(dev.llmq.core.port.in.ScheduleCard.class,
                qm.handle(me, new dev.llmq.core.port.in.Command.DailyStatus(Optional.empty(), Optional.empty())))
                .entries().stream().anyMatch(e -> e.channel().startsWith("@")), "a reminder is no channel's daily");

        clock.set(Instant.parse("2026-12-02T00:29:00Z")); // 09:29 in Tokyo
        scheduler.tick();
        assertEquals(List.of(), platform.reminders, "not before its time");
        clock.set(Instant.parse("2026-12-02T00:31:00Z"));
        scheduler.tick();
        scheduler.tick();
        assertEquals(1, platform.reminders.size(), "once: " + platform.reminders);
        TestPublisher.Reminder r = platform.reminders.get(0);
        assertEquals(ChannelRef.member("test", "space", "u1"), r.member());
        assertEquals("llmq: questions due today: 1.", r.nudge().text());
        ActionId review = ActionId.parse(r.nudge().actions().get(0).id()).orElseThrow();
        assertEquals(new ActionId.StartReview(Optional.of("space"), Lang.EN), review);
        Origin inDm = new Origin("test", "dm", "dm-u1", "u1", "en-US", Optional.empty(), false);
        assertInstanceOf(QuestionCard.class, qm.press(inDm, review.encode()),
                "Review now, pressed in the direct messages, reviews the cards of the reminder's space");
        assertEquals(PostState.SENT, store.post(ChannelRef.member("test", "space", "u1"), LocalDate.parse("2026-12-02"))
                .orElseThrow().state(), "in the daily ledger, under the member's date");

        assertEquals(PostState.SKIPPED, store.post(ChannelRef.member("test", "space", "u3"), LocalDate.parse("2026-12-02"))
                .orElseThrow().state(), "u3's card is days away: nothing due, nothing sent, and the day is done");
    }

    @Test
    void remindOffAndForgetMeEndTheReminder() {
        gradeAgain(me);
        say(me, "/llmq settings remind:09:00");
        say(me, "/llmq settings remind:off");
        clock.set(Instant.parse("2026-12-02T09:01:00Z"));
        scheduler.tick();
        assertEquals(List.of(), platform.reminders, "off means off");

        say(me, "/llmq settings remind:10:00");
        Notice confirm = assertInstanceOf(Notice.class, say(me, "/llmq forget-me"));
        qm.press(me, confirm.actions().get(0).id());
        assertTrue(store.schedule(ChannelRef.member("test", "space", "u1")).isEmpty(), "the reminder's schedule went");
        clock.set(Instant.parse("2026-12-02T10:01:00Z"));
        scheduler.tick();
        assertEquals(List.of(), platform.reminders);
    }

    /** A reminder whose delivery is in doubt (its sender died between the send and the record) is not sent again. */
    @Test
    void aReminderInDoubtIsRecordedAsSentNotRepeated() {
        gradeAgain(me);
        say(me, "/llmq settings remind:09:00");
        ChannelRef dm = ChannelRef.member("test", "space", "u1");
        LocalDate day = LocalDate.parse("2026-12-02");
        clock.set(Instant.parse("2026-12-02T09:00:00Z"));
        dev.llmq.core.port.out.NowClaim claim = store.claimNow(dm, day, new dev.llmq.core.port.out.Lease("elsewhere",
                clock.instant().plusSeconds(60)), deck -> new dev.llmq.core.port.out.NewPost(day, clock.instant(),
                "reminder", Lang.EN, false, Optional.empty(), deck));
        dev.llmq.core.port.out.Fence fence = assertInstanceOf(dev.llmq.core.port.out.NowClaim.Claimed.class, claim)
                .post().claim();
        assertTrue(store.markUnknown(dm, day, fence, 1, clock.instant(), "the sender died mid-send"));
        clock.advance(Duration.ofMinutes(1));
        scheduler.tick();
        assertEquals(List.of(), platform.reminders, "not sent a second time");
        assertEquals(PostState.SENT, store.post(dm, day).orElseThrow().state(), "recorded as delivered");
    }
}
