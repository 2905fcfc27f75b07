package dev.llmq.core.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyScheduler;
import dev.llmq.core.daily.StoredDailyDesk;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.port.out.AnswerState;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PostLedger;
import dev.llmq.core.port.out.PostRecord;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.port.out.SpaceSettings;
import dev.llmq.core.port.out.Store;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.Schedule;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MutableClock;
import dev.llmq.core.testing.TestPublisher;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The scheduler on a real store and a fake clock; the same on every engine (SQLite, PostgreSQL,
 * memory): each engine's test extends this and says how to open its store.
 */
public abstract class SchedulerContract {
    protected final QuestionBank bank = Fixtures.fixtureBank();
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T00:00:00Z"));
    protected final TestPublisher publisher = new TestPublisher("test", clock);
    protected final DailyScheduler.Settings settings = DailyScheduler.Settings.defaults().withSenders(1);
    protected final List<AutoCloseable> open = new ArrayList<>();
    protected Store store;
    protected DailyScheduler scheduler;

    /**
     * Opens the store, whose time is {@code clock}: on an empty database the first time in a test,
     * on the same data after that (a restart).
     */
    protected abstract Store openStore(Clock clock);

    protected void start() {
        reopen(publisher);
    }

    /** A "restart": a new store and scheduler on the same database. */
    protected void reopen(TestPublisher pub) {
        store = openStore(clock);
        scheduler = new DailyScheduler(store, () -> bank, List.of(pub), clock, Lang.EN, settings, new Random(7),
                clock::advance);
        open.add(store);
        open.add(scheduler);
    }

    protected void shutdown() {
        scheduler.close();
        store.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    protected static ChannelRef ch(String id) {
        return new ChannelRef("test", "space", id);
    }

    protected Schedule schedule(String channel, String time, String zone) {
        return new Schedule(ch(channel), LocalTime.parse(time), ZoneId.of(zone), Schedule.EVERY_DAY, List.of(),
                Optional.empty(), true, Optional.empty(), "admin");
    }

    protected void put(Schedule s) {
        store.putSchedule(s, dev.llmq.core.schedule.FireTimes.next(s, clock.instant()));
    }

    /** Moves the clock to {@code end} in steps, ticking after each. */
    protected void runUntil(Instant end, Duration step) {
        while (clock.instant().isBefore(end)) {
            clock.advance(step);
            scheduler.tick();
        }
    }

    static Instant local(String dateTime, String zone) {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    // ------------------------------------------------------------------ DST

    /** Runs a schedule across a transition and checks it fired once per day, at the expected instants. */
    private void firesOnceADay(String zone, String time, String fromLocal, String toLocal, String... expectedOffsets) {
        start();
        clock.set(local(fromLocal, zone));
        put(schedule("c1", time, zone));
        runUntil(local(toLocal, zone), Duration.ofMinutes(15));
        List<ZonedDateTime> expected = new ArrayList<>();
        for (String e : expectedOffsets) {
            expected.add(ZonedDateTime.parse(e));
        }
        List<Instant> at = publisher.posts.stream().map(TestPublisher.Post::at).toList();
        assertEquals(expected.stream().map(ZonedDateTime::toInstant).toList(), at, "fire instants in " + zone);
        List<LocalDate> dates = publisher.dates("c1");
        assertEquals(new HashSet<>(dates).size(), dates.size(), "one post per local date: " + dates);
        assertEquals(expected.stream().map(ZonedDateTime::toLocalDate).toList(), dates);
    }

    @Test
    void newYorkSpringForwardFiresOnceAtTheEndOfTheGap() {
        // 2026-03-08 02:00 EST -> 03:00 EDT: 02:30 does not exist and fires at 03:00.
        firesOnceADay("America/New_York", "02:30", "2026-03-06T12:00", "2026-03-09T12:00",
                "2026-03-07T02:30-05:00[America/New_York]", "2026-03-08T03:00-04:00[America/New_York]",
                "2026-03-09T02:30-04:00[America/New_York]");
    }

    @Test
    void newYorkFallBackFiresOnce() {
        // 2026-11-01 02:00 EDT -> 01:00 EST: 01:30 happens twice and fires at the first.
        firesOnceADay("America/New_York", "01:30", "2026-10-30T12:00", "2026-11-02T12:00",
                "2026-10-31T01:30-04:00[America/New_York]", "2026-11-01T01:30-04:00[America/New_York]",
                "2026-11-02T01:30-05:00[America/New_York]");
    }

    @Test
    void berlinSpringForwardAndFallBack() {
        // 2026-03-29 02:00 CET -> 03:00 CEST.
        firesOnceADay("Europe/Berlin", "02:30", "2026-03-27T12:00", "2026-03-30T12:00",
                "2026-03-28T02:30+01:00[Europe/Berlin]", "2026-03-29T03:00+02:00[Europe/Berlin]",
                "2026-03-30T02:30+02:00[Europe/Berlin]");
    }

    @Test
    void berlinFallBackFiresOnce() {
        // 2026-10-25 03:00 CEST -> 02:00 CET.
        firesOnceADay("Europe/Berlin", "02:30", "2026-10-23T12:00", "2026-10-26T12:00",
                "2026-10-24T02:30+02:00[Europe/Berlin]", "2026-10-25T02:30+02:00[Europe/Berlin]",
                "2026-10-26T02:30+01:00[Europe/Berlin]");
    }

    @Test
    void lordHoweHalfHourSpringForward() {
        // 2026-10-04 02:00 +10:30 -> 02:30 +11:00: 02:15 fires at 02:30.
        firesOnceADay("Australia/Lord_Howe", "02:15", "2026-10-02T12:00", "2026-10-05T12:00",
                "2026-10-03T02:15+10:30[Australia/Lord_Howe]", "2026-10-04T02:30+11:00[Australia/Lord_Howe]",
                "2026-10-05T02:15+11:00[Australia/Lord_Howe]");
    }

    @Test
    void lordHoweHalfHourFallBackFiresOnce() {
        // 2026-04-05 02:00 +11:00 -> 01:30 +10:30: 01:45 happens twice.
        firesOnceADay("Australia/Lord_Howe", "01:45", "2026-04-03T12:00", "2026-04-06T12:00",
                "2026-04-04T01:45+11:00[Australia/Lord_Howe]", "2026-04-05T01:45+11:00[Australia/Lord_Howe]",
                "2026-04-06T01:45+10:30[Australia/Lord_Howe]");
    }

    @Test
    void shanghaiHasNoTransitions() {
        firesOnceADay("Asia/Shanghai", "09:00", "2026-03-07T12:00", "2026-03-10T12:00",
                "2026-03-08T09:00+08:00[Asia/Shanghai]", "2026-03-09T09:00+08:00[Asia/Shanghai]",
                "2026-03-10T09:00+08:00[Asia/Shanghai]");
    }

    @Test
    void weekdaysAreHonoured() {
        start();
        clock.set(local("2026-03-01T12:00", "Asia/Shanghai")); // a Sunday
        put(new Schedule(ch("c1"), LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(), Optional.empty(), true, Optional.empty(),
                "admin"));
        runUntil(local("2026-03-15T12:00", "Asia/Shanghai"), Duration.ofHours(1));
        List<LocalDate> dates = publisher.dates("c1");
        assertEquals(10, dates.size(), dates.toString());
        assertTrue(dates.stream().noneMatch(d -> d.getDayOfWeek().getValue() > 5), dates.toString());
    }

    // ------------------------------------------------------------------ history

    @Test
    void noRepeatsAcrossDaysAndRestartsUntilTheDeckIsExhausted() {
        start();
        put(schedule("c1", "09:00", "UTC"));
        runUntil(clock.instant().plus(Duration.ofDays(4)), Duration.ofHours(1));
        shutdown();
        reopen(publisher);
        runUntil(clock.instant().plus(Duration.ofDays(5)), Duration.ofHours(1));
        List<String> asked = publisher.posts.stream().map(p -> p.post().question().questionId()).toList();
        assertEquals(9, asked.size(), asked.toString());
        List<String> firstRound = asked.subList(0, bank.size());
        assertEquals(bank.size(), new HashSet<>(firstRound).size(), "a whole deck without repeats: " + asked);
        assertNotEquals(asked.get(bank.size() - 1), asked.get(bank.size()), "a new round does not start with the last");
        assertEquals(1, store.deck(ch("c1")).round());
    }

    @Test
    void topicsFilterTheDraw() {
        start();
        put(new Schedule(ch("c1"), LocalTime.of(9, 0), ZoneId.of("UTC"), Schedule.EVERY_DAY, List.of("emergence"),
                Optional.empty(), true, Optional.empty(), "admin"));
        runUntil(clock.instant().plus(Duration.ofDays(3)), Duration.ofHours(1));
        assertEquals(3, publisher.posts.size());
        assertTrue(publisher.posts.stream().allMatch(p -> bank.question(p.post().question().questionId())
                .orElseThrow().topicId().equals("emergence")));
    }

    @Test
    void theSpacesDefaultLanguageIsUsedWhenTheScheduleNamesNone() {
        start();
        store.putSettings("test", "space", new SpaceSettings(Optional.of(Lang.ZH), false));
        put(schedule("c1", "09:00", "UTC"));
        runUntil(clock.instant().plus(Duration.ofDays(1)), Duration.ofHours(1));
        assertEquals(Lang.ZH, publisher.posts.get(0).post().question().lang());
    }

    // ------------------------------------------------------------------ failures

    @Test
    void failedSendsAreRetriedWithBackoff() {
        start();
        put(schedule("c1", "09:00", "UTC"));
        publisher.failNext(2, true, Optional.empty());
        Instant fire = Instant.parse("2026-03-02T09:00:00Z");
        clock.set(fire);
        scheduler.tick();
        PostRecord p = store.post(ch("c1"), LocalDate.parse("2026-03-02")).orElseThrow();
        assertEquals(PostState.PENDING, p.state());
        assertEquals(1, p.attempts());
        assertEquals(Optional.of("planned failure"), p.lastError());
        clock.advance(Duration.ofSeconds(23));
        scheduler.tick();
        assertEquals(1, publisher.attempts.get(), "not before the first backoff (30 s -20%)");
        clock.advance(Duration.ofSeconds(14));
        scheduler.tick();
        assertEquals(2, publisher.attempts.get(), "retried within 30 s +20%");
        clock.advance(Duration.ofSeconds(47));
        scheduler.tick();
        assertEquals(2, publisher.attempts.get(), "the backoff doubles");
        clock.advance(Duration.ofSeconds(30));
        scheduler.tick();
        assertEquals(3, publisher.attempts.get());
        assertEquals(1, publisher.posts.size());
        PostRecord sent = store.post(ch("c1"), LocalDate.parse("2026-03-02")).orElseThrow();
        assertEquals(PostState.SENT, sent.state());
        assertEquals(3, sent.attempts());
        runUntil(clock.instant().plus(Duration.ofHours(2)), Duration.ofMinutes(5));
        assertEquals(1, publisher.posts.size(), "never twice");
    }

    @Test
    void thePlatformsRetryAfterIsHonoured() {
        start();
        put(schedule("c1", "09:00", "UTC"));
        publisher.failNext(1, true, Optional.of(Duration.ofSeconds(90)));
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        scheduler.tick();
        clock.advance(Duration.ofSeconds(89));
        scheduler.tick();
        assertEquals(1, publisher.attempts.get());
        clock.advance(Duration.ofSeconds(1));
        scheduler.tick();
        assertEquals(2, publisher.attempts.get());
        assertEquals(1, publisher.posts.size());
    }

    @Test
    void rateLimitsAreWaitedOutAndNeverCountTowardsGivingUp() {
        start();
        put(schedule("c1", "09:00", "UTC"));
        int refusals = settings.maxAttempts() * 3;
        publisher.failNext(refusals, true, Optional.of(Duration.ofSeconds(10)));
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        scheduler.tick();
        for (int i = 0; i < refusals; i++) {
            clock.advance(Duration.ofSeconds(10));
            scheduler.tick();
        }
        assertEquals(refusals + 1, publisher.attempts.get(), "each retry waited for its retry-after");
        assertEquals(1, publisher.posts.size(), "posted, not given up");
        PostRecord rec = store.post(ch("c1"), LocalDate.parse("2026-03-02")).orElseThrow();
        assertEquals(PostState.SENT, rec.state());
        assertEquals(1, rec.attempts(), "a 429 is not a failed attempt");
    }

    @Test
    void aPermanentFailureIsNotRetriedAndTheNextDayPostsAsUsual() {
        start();
        put(schedule("c1", "09:00", "UTC"));
        publisher.failNext(1, false, Optional.empty());
        runUntil(Instant.parse("2026-03-03T12:00:00Z"), Duration.ofMinutes(30));
        assertEquals(2, publisher.attempts.get());
        assertEquals(PostState.FAILED, store.post(ch("c1"), LocalDate.parse("2026-03-02")).orElseThrow().state());
        assertEquals(List.of(LocalDate.parse("2026-03-03")), publisher.dates("c1"));
    }

    @Test
    void missedPostsAreSentLateWithinTheCatchUpWindowAndSkippedBeyondIt() {
        ListAppender<ILoggingEvent> logs = capture();
        start();
        put(schedule("late", "09:00", "UTC"));
        put(schedule("lost", "03:00", "UTC"));
        // Down from before 03:00 until 14:00: "late" (09:00) is 5 h late, "lost" (03:00) 11 h.
        clock.set(Instant.parse("2026-03-02T14:00:00Z"));
        scheduler.tick();
        scheduler.tick();
        assertEquals(List.of(LocalDate.parse("2026-03-02")), publisher.dates("late"));
        PostRecord late = store.post(ch("late"), LocalDate.parse("2026-03-02")).orElseThrow();
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), late.fireAt());
        assertEquals(Instant.parse("2026-03-02T14:00:00Z"), publisher.posts.get(0).at(), "sent late");
        assertTrue(store.post(ch("lost"), LocalDate.parse("2026-03-02")).isEmpty(), "skipped, never claimed");
        assertTrue(publisher.dates("lost").isEmpty());
        assertTrue(logs.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().contains("test:space:lost") && e.getFormattedMessage().contains("skipped")),
                logs.list.toString());
        runUntil(Instant.parse("2026-03-03T12:00:00Z"), Duration.ofHours(1));
        assertEquals(List.of(LocalDate.parse("2026-03-03")), publisher.dates("lost"));
        assertEquals(2, publisher.dates("late").size());
        assertEquals(1, publisher.perChannelAndDay().values().stream().mapToLong(Long::longValue).max().orElse(0));
    }

    protected static ListAppender<ILoggingEvent> capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(DailyScheduler.class);
        logger.detachAndStopAllAppenders();
        logger.setLevel(Level.WARN);
        logger.setAdditive(false);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    // ------------------------------------------------------------------ answers

    @Test
    void theAnswerComesWithTheNextDaysPostInThePreviousThread() {
        start();
        put(schedule("c1", "09:00", "UTC"));
        runUntil(Instant.parse("2026-03-02T12:00:00Z"), Duration.ofHours(1));
        assertTrue(publisher.answers.isEmpty());
        runUntil(Instant.parse("2026-03-03T12:00:00Z"), Duration.ofHours(1));
        assertEquals(1, publisher.answers.size());
        TestPublisher.Answer a = publisher.answers.get(0);
        TestPublisher.Post day1 = publisher.posts.get(0);
        assertEquals(day1.where(), a.where(), "in the previous post's thread");
        assertEquals(day1.post().question().questionId(), a.answer().questionId());
        assertFalse(a.answer().ephemeral(), "revealed to everyone");
        assertTrue(a.at().equals(publisher.posts.get(1).at()), "with the next post");
        assertEquals(AnswerState.SENT, store.post(ch("c1"), LocalDate.parse("2026-03-02")).orElseThrow().answerState());
    }

    @Test
    void aRevealDelayRevealsTheAnswerThatLongAfterThePost() {
        start();
        put(new Schedule(ch("c1"), LocalTime.of(9, 0), ZoneId.of("UTC"), Schedule.EVERY_DAY, List.of(),
                Optional.empty(), true, Optional.of(Duration.ofHours(2)), "admin"));
        runUntil(Instant.parse("2026-03-02T12:00:00Z"), Duration.ofMinutes(15));
        assertEquals(1, publisher.answers.size());
        assertEquals(Instant.parse("2026-03-02T11:00:00Z"), publisher.answers.get(0).at());
    }

    // ------------------------------------------------------------------ restarts and guards

    @Test
    void aRestartInTheMiddleOfAFanOutKeepsTheClaimsAndDuplicatesNothing() {
        start();
        for (int i = 0; i < 50; i++) {
            put(schedule("c" + i, "09:00", "UTC"));
        }
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        publisher.crashAfter(20);
        assertThrows(TestPublisher.Crash.class, scheduler::tick);
        LocalDate day = LocalDate.parse("2026-03-02");
        List<PostRecord> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(store.post(ch("c" + i), day).orElseThrow(() -> new AssertionError("a claim was lost")));
        }
        assertEquals(20, rows.stream().filter(r -> r.state() == PostState.SENT).count());
        assertEquals(30, rows.stream().filter(r -> r.state() == PostState.PENDING).count());
        shutdown();

        TestPublisher after = new TestPublisher("test", clock);
        reopen(after);
        scheduler.tick();
        assertTrue(after.posts.isEmpty(), "the dead instance's leases are respected");
        clock.advance(settings.lease());
        scheduler.tick();
        assertEquals(30, after.posts.size());
        Set<String> all = new HashSet<>();
        publisher.posts.forEach(p -> assertTrue(all.add(p.post().channel().channel())));
        after.posts.forEach(p -> assertTrue(all.add(p.post().channel().channel()), "duplicate " + p));
        assertEquals(50, all.size());
        runUntil(Instant.parse("2026-03-03T10:00:00Z"), Duration.ofHours(1));
        assertEquals(80, after.posts.size(), "the next day posts once everywhere");
    }

    // ------------------------------------------------------------------ fencing and leases

    /** A platform whose sends block until released: a send slower than any lease. */
    static final class HeldPublisher implements DailyPublisher {
        final TestPublisher inner;
        final String tag;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch letGo = new CountDownLatch(1);

        HeldPublisher(TestPublisher inner, String tag) {
            this.inner = inner;
            this.tag = tag;
        }

        @Override
        public String platform() {
            return inner.platform();
        }

        @Override
        public Published postQuestion(DailyPost post) throws PublishException {
            entered.countDown();
            try {
                if (!letGo.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("never released");
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            Published w = inner.postQuestion(post);
            return new Published(tag + w.messageRef(), w.threadRef().map(t -> tag + t));
        }

        @Override
        public Optional<Published> find(DailyPost post) {
            return inner.find(post).map(w -> new Published(tag + w.messageRef(), w.threadRef().map(t -> tag + t)));
        }

        @Override
        public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) {
            inner.postAnswer(channel, where, answer);
        }
    }

    /** Replica A, sending through {@code pub}, beside the test's own scheduler (replica B) on the same store. */
    private DailyScheduler replicaA(DailyPublisher pub) {
        DailyScheduler a = new DailyScheduler(store, () -> bank, List.of(pub), clock, Lang.EN, settings, new Random(11),
                clock::advance);
        open.add(a);
        return a;
    }

    @Test
    void aSlowChannelDelaysNoOtherPostAndNoLaterTick() throws Exception {
        start();
        for (String c : List.of("c1", "c2", "c3")) {
            put(schedule(c, "09:00", "UTC"));
        }
        put(schedule("c4", "09:01", "UTC"));
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        CountDownLatch c1Entered = new CountDownLatch(1);
        CountDownLatch c1Go = new CountDownLatch(1);
        DailyPublisher slowInC1 = new DailyPublisher() {
            @Override
            public String platform() {
                return publisher.platform();
            }

            @Override
            public Published postQuestion(DailyPost post) throws PublishException {
                if (post.channel().channel().equals("c1")) {
                    c1Entered.countDown();
                    try {
                        assertTrue(c1Go.await(60, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                }
                return publisher.postQuestion(post);
            }

            @Override
            public Optional<Published> find(DailyPost post) {
                return publisher.find(post);
            }

            @Override
            public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) {
                publisher.postAnswer(channel, where, answer);
            }
        };
        DailyScheduler s = new DailyScheduler(store, () -> bank, List.of(slowInC1), clock, Lang.EN,
                settings.withSenders(3), new Random(3), clock::advance);
        open.add(s);
        CompletableFuture.supplyAsync(s::tick).get(20, TimeUnit.SECONDS); // returns although c1 hangs
        assertTrue(c1Entered.await(20, TimeUnit.SECONDS));
        LocalDate day = LocalDate.parse("2026-03-02");
        awaitSent(List.of("c2", "c3"), day);

        // a minute passes; the heartbeat keeps c1's claim (the test drives it with its clock)
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertEquals(1, s.heartbeat());
        }
        CompletableFuture.supplyAsync(s::tick).get(20, TimeUnit.SECONDS);
        awaitSent(List.of("c4"), day);
        assertEquals(PostState.PENDING, store.post(ch("c1"), day).orElseThrow().state(), "c1 is still sending");

        c1Go.countDown();
        assertTrue(s.awaitIdle(Duration.ofSeconds(30)));
        awaitSent(List.of("c1"), day);
        assertEquals(4, publisher.posts.size());
        assertTrue(publisher.perChannelAndDay().values().stream().allMatch(n -> n == 1));
    }

    private void awaitSent(List<String> channels, LocalDate day) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (String c : channels) {
            while (store.post(ch(c), day).map(r -> r.state() != PostState.SENT).orElse(true)) {
                assertTrue(System.nanoTime() < until, c + " was not sent while another channel hung");
                Thread.sleep(20);
            }
        }
    }

    @Test
    void aSendSlowerThanItsLeaseIsKeptByTheHeartbeatAndSentOnce() throws Exception {
        start();
        put(schedule("c1", "09:00", "UTC"));
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        TestPublisher aPosts = new TestPublisher("test", clock);
        HeldPublisher held = new HeldPublisher(aPosts, "A-");
        DailyScheduler a = replicaA(held);
        CompletableFuture<DailyScheduler.TickReport> aTick = CompletableFuture.supplyAsync(a::tick);
        assertTrue(held.entered.await(30, TimeUnit.SECONDS), "A is sending");

        // A's send takes two whole leases; its heartbeat keeps the claim, so B never takes it over.
        Duration beat = settings.lease().dividedBy(3);
        for (int i = 0; i < 6; i++) {
            clock.advance(beat);
            assertEquals(1, a.heartbeat(), "A renews its lease");
            scheduler.tick();
        }
        assertTrue(publisher.posts.isEmpty(), "B did not send the post A holds");
        held.letGo.countDown();
        assertEquals(1, aTick.get(30, TimeUnit.SECONDS).sent());
        assertEquals(0, a.heartbeat(), "nothing left in flight");

        LocalDate day = LocalDate.parse("2026-03-02");
        PostRecord rec = store.post(ch("c1"), day).orElseThrow();
        assertEquals(PostState.SENT, rec.state());
        assertEquals("A-m1", rec.published().orElseThrow().messageRef());
        assertEquals(1, aPosts.posts.size(), "exactly one post");

        // The next day's post (B's) reveals the answer in A's thread.
        runUntil(Instant.parse("2026-03-03T10:00:00Z"), Duration.ofHours(1));
        assertEquals(1, publisher.answers.size());
        assertEquals(rec.published().orElseThrow(), publisher.answers.get(0).where());
        assertEquals(AnswerState.SENT, store.post(ch("c1"), day).orElseThrow().answerState());
    }

    /** Delivers the post, then never answers (until interrupted): a send that landed but hangs. */
    static final class HangingPublisher implements DailyPublisher {
        final TestPublisher inner;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);

        HangingPublisher(TestPublisher inner) {
            this.inner = inner;
        }

        @Override
        public String platform() {
            return inner.platform();
        }

        @Override
        public Published postQuestion(DailyPost post) throws PublishException {
            inner.postQuestion(post);
            entered.countDown();
            try {
                new CountDownLatch(1).await(60, TimeUnit.SECONDS);
                throw new AssertionError("the send was never abandoned");
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw new PublishException("interrupted", true, Optional.empty(), e);
            }
        }

        @Override
        public Optional<Published> find(DailyPost post) {
            return inner.find(post);
        }

        @Override
        public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) {
            inner.postAnswer(channel, where, answer);
        }
    }

    @Test
    void aSendThatHangsIsAbandonedAtItsDeadlineAndFoundInTheChannelInsteadOfSentAgain() throws Exception {
        start();
        put(schedule("c1", "09:00", "UTC"));
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        HangingPublisher hanging = new HangingPublisher(publisher);
        DailyScheduler a = replicaA(hanging);
        CompletableFuture<DailyScheduler.TickReport> aTick = CompletableFuture.supplyAsync(a::tick);
        assertTrue(hanging.entered.await(30, TimeUnit.SECONDS), "A is sending");

        LocalDate day = LocalDate.parse("2026-03-02");
        Duration beat = settings.lease().dividedBy(3);
        Instant deadline = clock.instant().plus(settings.sendDeadline());
        while (clock.instant().plus(beat).isBefore(deadline)) {
            clock.advance(beat);
            assertEquals(1, a.heartbeat(), "renewed until its deadline");
        }
        clock.set(deadline);
        assertEquals(0, a.heartbeat(), "at the deadline the send is abandoned, not renewed");
        assertTrue(hanging.interrupted.await(30, TimeUnit.SECONDS), "its sender was interrupted");
        assertEquals(0, aTick.get(30, TimeUnit.SECONDS).sent());

        PostRecord rec = store.post(ch("c1"), day).orElseThrow();
        assertEquals(PostState.PENDING, rec.state());
        assertTrue(rec.inDoubt(), "the outcome is recorded as unknown");
        assertTrue(rec.fence().isEmpty(), "and the claim released");
        assertTrue(rec.lastError().orElseThrow().contains("deadline"), rec.lastError().toString());
        assertEquals(1, publisher.posts.size(), "it did land");

        // The next attempt looks in the channel first: found, recorded there, not sent again.
        runUntil(Instant.parse("2026-03-02T12:00:00Z"), Duration.ofMinutes(5));
        rec = store.post(ch("c1"), day).orElseThrow();
        assertEquals(PostState.SENT, rec.state());
        assertEquals(publisher.posts.get(0).where(), rec.published().orElseThrow());
        assertEquals(1, publisher.posts.size(), "exactly one post");
        assertTrue(publisher.finds.get() >= 1);

        runUntil(Instant.parse("2026-03-03T10:00:00Z"), Duration.ofHours(1));
        assertEquals(1, publisher.answers.size(), "its answer is revealed with the next day's post");
        assertEquals(rec.published().orElseThrow(), publisher.answers.get(0).where());
    }

    @Test
    void aHolderThatStalledPastItsLeaseCannotOverwriteTheNewHoldersRecord() throws Exception {
        start();
        put(schedule("c1", "09:00", "UTC"));
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        TestPublisher aPosts = new TestPublisher("test", clock);
        HeldPublisher held = new HeldPublisher(aPosts, "A-");
        DailyScheduler a = replicaA(held);
        CompletableFuture<DailyScheduler.TickReport> aTick = CompletableFuture.supplyAsync(a::tick);
        assertTrue(held.entered.await(30, TimeUnit.SECONDS), "A is sending");

        // A stalls (no heartbeat, as in a long GC pause) past its lease: B takes the post over.
        clock.advance(settings.lease().plusSeconds(1));
        scheduler.tick();
        assertEquals(1, publisher.posts.size(), "B sent it");
        LocalDate day = LocalDate.parse("2026-03-02");
        Published bWhere = store.post(ch("c1"), day).orElseThrow().published().orElseThrow();

        held.letGo.countDown();
        assertEquals(0, aTick.get(30, TimeUnit.SECONDS).sent(), "A's outcome is refused, not counted");
        PostRecord rec = store.post(ch("c1"), day).orElseThrow();
        assertEquals(bWhere, rec.published().orElseThrow(), "A's late write did not overwrite B's record");
        assertEquals(PostState.SENT, rec.state());

        runUntil(Instant.parse("2026-03-03T10:00:00Z"), Duration.ofHours(1));
        assertEquals(1, publisher.answers.size(), "the answer is revealed once");
        assertEquals(bWhere, publisher.answers.get(0).where(), "in the thread of the post the ledger kept");
    }

    @Test
    void shutdownFinishesThePostsInFlightAndHandsBackTheClaimedRest() throws Exception {
        start();
        for (int i = 0; i < 6; i++) {
            put(schedule("c" + i, "09:00", "UTC"));
        }
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        java.util.concurrent.CountDownLatch twoInFlight = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch letGo = new java.util.concurrent.CountDownLatch(1);
        dev.llmq.core.port.out.DailyPublisher slow = new dev.llmq.core.port.out.DailyPublisher() {
            @Override
            public String platform() {
                return "test";
            }

            @Override
            public dev.llmq.core.port.out.Published postQuestion(dev.llmq.core.port.out.DailyPost post)
                    throws dev.llmq.core.port.out.PublishException {
                twoInFlight.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    throw new AssertionError("a post in flight was interrupted by the shutdown", e);
                }
                return publisher.postQuestion(post);
            }

            @Override
            public Optional<dev.llmq.core.port.out.Published> find(dev.llmq.core.port.out.DailyPost post) {
                return publisher.find(post);
            }

            @Override
            public void postAnswer(ChannelRef channel, dev.llmq.core.port.out.Published where,
                                   dev.llmq.core.port.in.AnswerCard answer) throws dev.llmq.core.port.out.PublishException {
                publisher.postAnswer(channel, where, answer);
            }
        };
        DailyScheduler running = new DailyScheduler(store, () -> bank, List.of(slow), clock, Lang.EN,
                settings.withSenders(2), new Random(7), clock::advance);
        open.add(running);
        running.start();
        assertTrue(twoInFlight.await(30, java.util.concurrent.TimeUnit.SECONDS), "two posts are in flight");

        // SIGTERM arrives in the middle of the posts.
        java.util.concurrent.CompletableFuture<Void> stopped = java.util.concurrent.CompletableFuture.runAsync(
                () -> running.shutdown(Duration.ofSeconds(30)));
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!running.stopping() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertTrue(running.stopping());
        assertTrue(!stopped.isDone(), "shutdown waits for the posts in flight");
        letGo.countDown();
        stopped.get(30, java.util.concurrent.TimeUnit.SECONDS);

        LocalDate day = LocalDate.parse("2026-03-02");
        long sent = 0;
        for (int i = 0; i < 6; i++) {
            // a tick claims no more than its senders can start, so the rest may not be claimed at all:
            // their schedules are still due, and nothing is lost
            Optional<PostRecord> r = store.post(ch("c" + i), day);
            if (r.isPresent() && r.get().state() == PostState.SENT) {
                sent++;
            } else if (r.isPresent()) {
                assertEquals(PostState.PENDING, r.get().state());
            }
        }
        assertEquals(2, sent, "the two posts in flight finished");
        assertEquals(2, publisher.posts.size());

        // The claims were handed back: a new instance sends the rest at once, without waiting for a lease.
        scheduler.tick();
        assertEquals(6, publisher.posts.size());
        assertEquals(6, publisher.posts.stream().map(p -> p.post().channel().channel()).distinct().count(),
                "no duplicate");
    }

    @Test
    void oneFailingRunNeverStopsTheRunsAfterIt() throws Exception {
        start();
        put(schedule("c1", "09:00", "UTC"));
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        AtomicInteger failures = new AtomicInteger(2);
        PostLedger flaky = (PostLedger) Proxy.newProxyInstance(PostLedger.class.getClassLoader(),
                new Class<?>[] {PostLedger.class}, (proxy, method, args) -> {
                    if (method.getName().equals("claimDue") && failures.getAndDecrement() > 0) {
                        throw new IllegalStateException("database hiccup");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ListAppender<ILoggingEvent> logs = capture();
        DailyScheduler ticking = new DailyScheduler(flaky, () -> bank, List.of(publisher), clock, Lang.EN,
                settings.withTickEvery(Duration.ofMillis(10)), new Random(1), clock::advance);
        open.add(ticking);
        ticking.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (publisher.posts.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.sleep(5); // NOPMD: polling a background executor with a deadline
        }
        ticking.close();
        assertEquals(1, publisher.posts.size(), "posted after two failed runs");
        assertTrue(logs.list.stream().filter(e -> e.getLevel() == Level.ERROR).count() >= 2, logs.list.toString());
    }

    @Test
    void aStoreHiccupAfterASendNeverLeadsToSendingItAgain() {
        start();
        put(schedule("c1", "09:00", "UTC"));
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        AtomicInteger failures = new AtomicInteger(2);
        PostLedger flaky = (PostLedger) Proxy.newProxyInstance(PostLedger.class.getClassLoader(),
                new Class<?>[] {PostLedger.class}, (proxy, method, args) -> {
                    if (method.getName().equals("markSent") && failures.getAndDecrement() > 0) {
                        throw new IllegalStateException("connection reset");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        capture();
        DailyScheduler s = new DailyScheduler(flaky, () -> bank, List.of(publisher), clock, Lang.EN, settings,
                new Random(1), clock::advance);
        open.add(s);
        s.tick();
        assertEquals(1, publisher.posts.size());
        assertEquals(PostState.SENT, store.post(ch("c1"), LocalDate.parse("2026-03-02")).orElseThrow().state());
        clock.advance(settings.lease().multipliedBy(2));
        s.tick();
        assertEquals(1, publisher.posts.size(), "sent once");
    }

    /** A platform that accepts the post, then the process dies before the outcome is recorded. */
    static final class DiesAfterSending implements DailyPublisher {
        final TestPublisher inner;

        DiesAfterSending(TestPublisher inner) {
            this.inner = inner;
        }

        @Override
        public String platform() {
            return inner.platform();
        }

        @Override
        public Published postQuestion(DailyPost post) throws PublishException {
            inner.postQuestion(post);
            throw new TestPublisher.Crash();
        }

        @Override
        public Optional<Published> find(DailyPost post) {
            return inner.find(post);
        }

        @Override
        public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) {
            inner.postAnswer(channel, where, answer);
        }
    }

    @Test
    void aProcessThatDiesBetweenTheSendAndItsRecordCausesNoDuplicate() {
        start();
        put(schedule("c1", "09:00", "UTC"));
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        DailyScheduler dying = replicaA(new DiesAfterSending(publisher));
        assertThrows(TestPublisher.Crash.class, dying::tick);
        assertEquals(1, publisher.posts.size(), "the platform has the post");
        LocalDate day = LocalDate.parse("2026-03-02");
        assertEquals(PostState.PENDING, store.post(ch("c1"), day).orElseThrow().state(), "but the ledger does not");

        scheduler.tick();
        assertEquals(1, publisher.posts.size(), "the dead replica's lease is respected");
        clock.advance(settings.lease().plusSeconds(1));
        scheduler.tick();
        assertEquals(1, publisher.finds.get(), "the survivor looked in the channel first");
        assertEquals(1, publisher.posts.size(), "and did not send it again");
        PostRecord rec = store.post(ch("c1"), day).orElseThrow();
        assertEquals(PostState.SENT, rec.state());
        assertEquals(publisher.posts.get(0).where(), rec.published().orElseThrow(), "recorded where it landed");
        assertFalse(rec.inDoubt());

        runUntil(Instant.parse("2026-03-03T10:00:00Z"), Duration.ofHours(1));
        assertEquals(2, publisher.posts.size(), "the next day posts once");
        assertEquals(1, publisher.answers.size());
        assertEquals(rec.published().orElseThrow(), publisher.answers.get(0).where(), "the answer is revealed");
        assertEquals(1, publisher.finds.get(), "a post claimed normally is not looked for");
    }

    @Test
    void aStoreOutageOfThirtySecondsRightAfterASendCausesNoDuplicate() {
        start();
        put(schedule("c1", "09:00", "UTC"));
        Instant nine = Instant.parse("2026-03-02T09:00:00Z");
        clock.set(nine);
        Instant backAt = nine.plusSeconds(30);
        java.util.concurrent.atomic.AtomicBoolean sent = new java.util.concurrent.atomic.AtomicBoolean();
        // Down from the moment the platform accepted the post, for 30 s of the test's clock.
        PostLedger flaky = (PostLedger) Proxy.newProxyInstance(PostLedger.class.getClassLoader(),
                new Class<?>[] {PostLedger.class}, (proxy, method, args) -> {
                    if (sent.get() && clock.instant().isBefore(backAt)) {
                        throw new IllegalStateException("connection refused");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        TestPublisher platform = publisher;
        DailyPublisher marking = new DailyPublisher() {
            @Override
            public String platform() {
                return platform.platform();
            }

            @Override
            public Published postQuestion(DailyPost post) throws PublishException {
                Published w = platform.postQuestion(post);
                sent.set(true);
                return w;
            }

            @Override
            public Optional<Published> find(DailyPost post) {
                return platform.find(post);
            }

            @Override
            public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) {
                platform.postAnswer(channel, where, answer);
            }
        };
        capture();
        DailyScheduler a = new DailyScheduler(flaky, () -> bank, List.of(marking), clock, Lang.EN, settings,
                new Random(1), clock::advance);
        open.add(a);
        // A sends, tries to record for about 15 s (its sleeper advances the clock) and gives up; the
        // rest of its tick fails on the store too (a running scheduler logs that and ticks again).
        assertThrows(IllegalStateException.class, a::tick);
        assertEquals(1, publisher.posts.size());
        LocalDate day = LocalDate.parse("2026-03-02");
        clock.set(backAt.plusSeconds(1)); // the store is back, and A's lease (30 s from 09:00) has run out
        scheduler.tick();
        assertEquals(1, publisher.posts.size(), "no duplicate: the survivor found the post in the channel");
        PostRecord rec = store.post(ch("c1"), day).orElseThrow();
        assertEquals(PostState.SENT, rec.state());
        assertEquals(publisher.posts.get(0).where(), rec.published().orElseThrow());
    }

    // ------------------------------------------------------------------ commands

    @Test
    void theDailyCommandsPersistThroughTheStore() {
        start();
        clock.set(Instant.parse("2026-03-02T00:00:00Z"));
        Origin admin = new Origin("test", "space", "c1", "admin", null, Optional.empty(), true);
        Reply set = quizmaster().handle(admin, CommandParser.parse("/llmq daily set 09:00 Asia/Shanghai mon-fri arch"));
        ScheduleCard card = assertInstanceOf(ScheduleCard.class, set);
        assertEquals(Instant.parse("2026-03-02T01:00:00Z"), card.entries().get(0).next());
        shutdown();
        reopen(publisher);
        ScheduleCard status = assertInstanceOf(ScheduleCard.class,
                quizmaster().handle(admin, CommandParser.parse("/llmq daily status")));
        assertEquals(1, status.entries().size());
        assertEquals(List.of("architecture"), status.entries().get(0).topics());
        assertEquals(ZoneId.of("Asia/Shanghai"), status.entries().get(0).zone());
        assertEquals(Instant.parse("2026-03-02T01:00:00Z"), status.entries().get(0).next());

        Notice now = assertInstanceOf(Notice.class, quizmaster().handle(admin, CommandParser.parse("/llmq daily now")));
        assertEquals(Notice.Level.INFO, now.level(), now.text());
        assertEquals(1, publisher.posts.size());
        Notice again = assertInstanceOf(Notice.class, quizmaster().handle(admin, CommandParser.parse("/llmq daily now")));
        assertTrue(again.text().contains("already posted"), again.text());
        runUntil(Instant.parse("2026-03-02T12:00:00Z"), Duration.ofMinutes(30));
        assertEquals(1, publisher.posts.size(), "the scheduled post of a day posted on demand is not sent again");
        runUntil(Instant.parse("2026-03-03T12:00:00Z"), Duration.ofMinutes(30));
        assertEquals(2, publisher.posts.size());
        assertEquals(1, publisher.answers.size());

        Notice off = assertInstanceOf(Notice.class, quizmaster().handle(admin, CommandParser.parse("/llmq daily off")));
        assertTrue(off.text().contains("stopped"), off.text());
        runUntil(Instant.parse("2026-03-05T12:00:00Z"), Duration.ofHours(2));
        assertEquals(2, publisher.posts.size());
        assertEquals(Set.of("c1"), publisher.posts.stream().map(p -> p.post().channel().channel())
                .collect(Collectors.toSet()));
    }

    private Quizmaster quizmaster() {
        return new Quizmaster(() -> bank, Decks.seeded(3, clock), new LangPolicy(Optional.empty()),
                Optional.of(new StoredDailyDesk(store, scheduler, () -> bank)));
    }
}
