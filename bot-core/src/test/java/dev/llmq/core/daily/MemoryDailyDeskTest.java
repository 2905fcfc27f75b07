package dev.llmq.core.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.schedule.Schedule;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MutableClock;
import dev.llmq.core.testing.RecordingPublisher;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryDailyDeskTest {
    private final QuestionBank bank = Fixtures.fixtureBank();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T00:00:00Z"));
    private final RecordingPublisher publisher = new RecordingPublisher("test");
    private final MemoryDailyDesk desk = new MemoryDailyDesk(() -> bank, Decks.seeded(1, clock), clock, List.of(publisher));
    private final Quizmaster qm = new Quizmaster(() -> bank, Decks.seeded(2, clock), new LangPolicy(Optional.empty()),
            Optional.of(desk));
    private final Origin admin = Fixtures.admin("c1");
    private final Origin member = Fixtures.origin("c1");

    @Test
    void setShowsTheNextFireTimeInTheSchedulesZone() {
        ScheduleCard card = assertInstanceOf(ScheduleCard.class,
                qm.handle(admin, CommandParser.parse("/llmq daily set 09:00 Asia/Shanghai mon-fri arch")));
        ScheduleCard.Entry e = card.entries().get(0);
        assertEquals(LocalTime.of(9, 0), e.time());
        assertEquals(ZoneId.of("Asia/Shanghai"), e.zone());
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), e.weekdays());
        assertEquals(List.of("architecture"), e.topics());
        assertEquals(Instant.parse("2026-03-02T01:00:00Z"), e.next());
        Schedule s = desk.schedule(admin.channelRef()).orElseThrow();
        assertEquals("admin", s.createdBy());
    }

    @Test
    void membersMayNotChangeTheSchedule() {
        Notice n = assertInstanceOf(Notice.class, qm.handle(member, CommandParser.parse("/llmq daily set 09:00 UTC")));
        assertTrue(n.text().contains("Only server admins"), n.text());
        assertInstanceOf(Notice.class, qm.handle(member, CommandParser.parse("/llmq daily now")));
        assertTrue(publisher.questions.isEmpty());
        assertInstanceOf(ScheduleCard.class, qm.handle(member, CommandParser.parse("/llmq daily status")));
    }

    @Test
    void unknownTopicInSetListsTheTopics() {
        Notice n = assertInstanceOf(Notice.class, qm.handle(admin, CommandParser.parse("/llmq daily set 09:00 UTC cooking")));
        assertTrue(n.text().contains("architecture, objectives, emergence"), n.text());
    }

    @Test
    void nowPostsWithANonceAndRevealsThePreviousAnswerInItsThread() {
        qm.handle(admin, CommandParser.parse("/llmq daily set 09:00 Asia/Shanghai objectives"));
        assertInstanceOf(Notice.class, qm.handle(admin, CommandParser.parse("/llmq daily now")));
        DailyPost first = publisher.questions.get(0);
        assertEquals("objectives", first.question().topicId());
        assertEquals(LocalDate.of(2026, 3, 2), first.localDate());
        assertEquals(DailyPost.nonceFor(admin.channelRef(), first.localDate()), first.nonce());
        assertEquals(24, first.nonce().length());
        assertTrue(first.openThread());
        assertTrue(publisher.answers.isEmpty());

        clock.advance(Duration.ofDays(1));
        qm.handle(admin, CommandParser.parse("/llmq daily now"));
        assertEquals(2, publisher.questions.size());
        RecordingPublisher.Answer answer = publisher.answers.get(0);
        assertEquals("t1", answer.where().threadRef().orElseThrow());
        assertEquals(first.question().questionId(), answer.answer().questionId());
        assertTrue(!answer.answer().ephemeral(), "the daily answer is public in the thread");
    }

    @Test
    void failedPostIsReported() {
        publisher.failNext(1);
        Notice n = assertInstanceOf(Notice.class, qm.handle(admin, CommandParser.parse("/llmq daily now")));
        assertEquals(Notice.Level.ERROR, n.level());
        assertTrue(n.text().contains("planned failure"), n.text());
    }

    @Test
    void offAndStatus() {
        qm.handle(admin, CommandParser.parse("/llmq daily set 09:00 UTC"));
        assertEquals(1, assertInstanceOf(ScheduleCard.class, qm.handle(member, CommandParser.parse("/llmq daily status"))).entries().size());
        assertTrue(assertInstanceOf(Notice.class, qm.handle(admin, CommandParser.parse("/llmq daily off"))).text().contains("stopped"));
        assertEquals(0, assertInstanceOf(ScheduleCard.class, qm.handle(member, CommandParser.parse("/llmq daily status"))).entries().size());
    }

    @Test
    void withoutADeskDailyIsUnavailable() {
        Notice n = assertInstanceOf(Notice.class, Fixtures.quizmaster(1).handle(admin, CommandParser.parse("/llmq daily now")));
        assertTrue(n.text().contains("not available"), n.text());
    }
}
