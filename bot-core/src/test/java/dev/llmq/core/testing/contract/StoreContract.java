package dev.llmq.core.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.AnswerState;
import dev.llmq.core.port.out.ClaimPlanner;
import dev.llmq.core.port.out.DeckState;
import dev.llmq.core.port.out.Fence;
import dev.llmq.core.port.out.Lease;
import dev.llmq.core.port.out.NewPost;
import dev.llmq.core.port.out.NowClaim;
import dev.llmq.core.port.out.PostRecord;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.port.out.SpaceSettings;
import dev.llmq.core.port.out.Store;
import dev.llmq.core.port.out.StoredSchedule;
import dev.llmq.core.port.out.UserProgress;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.Schedule;
import dev.llmq.core.testing.MutableClock;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's behaviour, the same on every engine (SQLite, PostgreSQL, memory): each engine's test
 * extends this and says how to open its store.
 */
public abstract class StoreContract {
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    protected final MutableClock clock = new MutableClock(T0);
    protected Store store;

    /** A store on an empty database, whose time is {@code clock}. */
    protected abstract Store openStore(Clock clock);

    @BeforeEach
    void open() {
        store = openStore(clock);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    static ChannelRef ch(String id) {
        return new ChannelRef("test", "space", id);
    }

    static Schedule schedule(String channel, String time, String zone) {
        return new Schedule(ch(channel), LocalTime.parse(time), ZoneId.of(zone), Schedule.EVERY_DAY, List.of(),
                Optional.empty(), true, Optional.empty(), "admin");
    }

    static NewPost newPost(LocalDate date, Instant fire, String q, Optional<Duration> reveal) {
        return new NewPost(date, fire, q, Lang.EN, true, reveal, new DeckState(0, Set.of(q), Optional.of(q)));
    }

    /** A planner that posts the fire's UTC date with question q1 and fires again a day later. */
    static ClaimPlanner daily(String q) {
        return (due, deck) -> new ClaimPlanner.Plan(due.nextFireAt().plus(Duration.ofDays(1)), Optional.of(newPost(
                LocalDate.ofInstant(due.nextFireAt(), ZoneId.of("UTC")), due.nextFireAt(), q, Optional.empty())));
    }

    Lease lease(Instant now) {
        return new Lease("me", now.plus(Duration.ofMinutes(5)));
    }

    @Test
    void schedulesRoundTripAndReplace() {
        Schedule s = new Schedule(ch("c1"), LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of("architecture", "emergence"),
                Optional.of(Lang.ZH), true, Optional.of(Duration.ofHours(2)), "admin");
        store.putSchedule(s, T0.plusSeconds(3600));
        StoredSchedule got = store.schedule(ch("c1")).orElseThrow();
        assertEquals(s, got.schedule());
        assertEquals(T0.plusSeconds(3600), got.nextFireAt());
        assertEquals(Optional.empty(), got.spaceLang());

        Schedule replaced = schedule("c1", "07:30", "Europe/Berlin");
        store.putSchedule(replaced, T0.plusSeconds(60));
        store.putSchedule(schedule("c2", "08:00", "UTC"), T0.plusSeconds(120));
        store.putSchedule(new Schedule(new ChannelRef("test", "other", "c3"), LocalTime.NOON, ZoneId.of("UTC"),
                Schedule.EVERY_DAY, List.of(), Optional.empty(), false, Optional.empty(), "x"), T0);
        assertEquals(replaced, store.schedule(ch("c1")).orElseThrow().schedule());
        assertEquals(List.of("c1", "c2"), store.schedules("test", "space").stream()
                .map(x -> x.schedule().channel().channel()).toList());
        assertEquals(Optional.of(T0), store.nextFireAt());
        assertTrue(store.removeSchedule(ch("c1")));
        assertFalse(store.removeSchedule(ch("c1")));
        assertTrue(store.schedule(ch("c1")).isEmpty());
    }

    @Test
    void theSpacesDefaultLanguageComesWithItsSchedules() {
        store.putSchedule(schedule("c1", "09:00", "UTC"), T0);
        store.putSettings("test", "space", new SpaceSettings(Optional.of(Lang.ZH), true));
        assertEquals(new SpaceSettings(Optional.of(Lang.ZH), true), store.settings("test", "space"));
        assertEquals(SpaceSettings.DEFAULTS, store.settings("test", "nowhere"));
        assertEquals(Optional.of(Lang.ZH), store.schedule(ch("c1")).orElseThrow().spaceLang());
        store.putSettings("test", "space", new SpaceSettings(Optional.empty(), false));
        assertEquals(SpaceSettings.DEFAULTS, store.settings("test", "space"));
    }

    @Test
    void claimTakesOnlyDueSchedulesOnceAndAdvancesThem() {
        store.putSchedule(schedule("early", "09:00", "UTC"), T0.plusSeconds(10));
        store.putSchedule(schedule("due", "09:00", "UTC"), T0);
        store.putSchedule(schedule("later", "09:00", "UTC"), T0.plusSeconds(3600));
        List<PostRecord> first = store.claimDue(T0.plusSeconds(10), 10, lease(T0), daily("q1"));
        assertEquals(List.of("due", "early"), first.stream().map(p -> p.channel().channel()).toList());
        assertTrue(store.claimDue(T0.plusSeconds(10), 10, lease(T0), daily("q1")).isEmpty(), "claimed twice");
        assertEquals(T0.plus(Duration.ofDays(1)), store.schedule(ch("due")).orElseThrow().nextFireAt());
        PostRecord p = store.post(ch("due"), LocalDate.parse("2026-03-02")).orElseThrow();
        assertEquals(PostState.PENDING, p.state());
        assertEquals("q1", p.questionId());
        assertEquals(new DeckState(0, Set.of("q1"), Optional.of("q1")), store.deck(ch("due")));
    }

    @Test
    void claimRespectsTheLimitOldestFirst() {
        for (int i = 0; i < 5; i++) {
            store.putSchedule(schedule("c" + i, "09:00", "UTC"), T0.minusSeconds(i));
        }
        assertEquals(List.of("c4", "c3"), store.claimDue(T0, 2, lease(T0), daily("q")).stream()
                .map(p -> p.channel().channel()).toList());
        assertEquals(3, store.claimDue(T0, 10, lease(T0), daily("q")).size());
    }

    @Test
    void anExistingPostOfTheDayIsNeverClaimedAgain() {
        LocalDate day = LocalDate.parse("2026-03-02");
        NowClaim now = store.claimNow(ch("c1"), day, lease(T0), deck -> newPost(day, T0, "q1", Optional.empty()));
        assertInstanceOf(NowClaim.Claimed.class, now);
        assertInstanceOf(NowClaim.Exists.class, store.claimNow(ch("c1"), day, lease(T0),
                deck -> newPost(day, T0, "q2", Optional.empty())));
        store.putSchedule(schedule("c1", "09:00", "UTC"), T0);
        assertTrue(store.claimDue(T0, 10, lease(T0), daily("q3")).isEmpty());
        assertEquals("q1", store.post(ch("c1"), day).orElseThrow().questionId());
        assertEquals(T0.plus(Duration.ofDays(1)), store.schedule(ch("c1")).orElseThrow().nextFireAt(), "still advanced");
    }

    @Test
    void aFailedPostOfTheDayCanBeTakenOverOnDemand() {
        LocalDate day = LocalDate.parse("2026-03-02");
        NowClaim first = store.claimNow(ch("c1"), day, lease(T0), deck -> newPost(day, T0, "q1", Optional.empty()));
        Fence fence = assertInstanceOf(NowClaim.Claimed.class, first).post().claim();
        assertTrue(store.markGivenUp(ch("c1"), day, fence, PostState.FAILED, 1, "boom"));
        assertEquals(PostState.FAILED, store.post(ch("c1"), day).orElseThrow().state());
        NowClaim again = store.claimNow(ch("c1"), day, lease(T0), deck -> newPost(day, T0, "q2", Optional.empty()));
        PostRecord retaken = assertInstanceOf(NowClaim.Claimed.class, again).post();
        assertEquals("q2", retaken.questionId());
        assertEquals(fence.epoch() + 1, retaken.claim().epoch(), "a take-over is a new epoch");
        PostRecord p = store.post(ch("c1"), day).orElseThrow();
        assertEquals(PostState.PENDING, p.state());
        assertEquals(0, p.attempts());
    }

    @Test
    void retriesAreTakenWhenTheirTimeOrLeasePasses() {
        store.putSchedule(schedule("c1", "09:00", "UTC"), T0);
        store.claimDue(T0, 10, lease(T0), daily("q1"));
        assertTrue(store.takeRetries(T0.plusSeconds(60), 10, lease(T0)).isEmpty(), "the lease holds");
        List<PostRecord> abandoned = store.takeRetries(T0.plus(Duration.ofMinutes(6)), 10, lease(T0));
        assertEquals(1, abandoned.size(), "taken over after the lease");
        LocalDate day = abandoned.get(0).localDate();
        assertTrue(store.markRetry(ch("c1"), day, abandoned.get(0).claim(), 1, T0.plus(Duration.ofMinutes(30)),
                "rate limited"));
        assertTrue(store.takeRetries(T0.plus(Duration.ofMinutes(29)), 10, lease(T0)).isEmpty());
        PostRecord r = store.takeRetries(T0.plus(Duration.ofMinutes(30)), 10, lease(T0)).get(0);
        assertEquals(1, r.attempts());
        assertEquals(Optional.of("rate limited"), r.lastError());
        assertTrue(store.markSent(ch("c1"), day, r.claim(), new Published("m1", Optional.of("t1")),
                T0.plus(Duration.ofMinutes(31)), 2));
        assertTrue(store.takeRetries(T0.plus(Duration.ofDays(2)), 10, lease(T0)).isEmpty(), "sent posts are done");
        PostRecord sent = store.post(ch("c1"), day).orElseThrow();
        assertEquals(PostState.SENT, sent.state());
        assertEquals(2, sent.attempts());
        assertEquals(Optional.of(new Published("m1", Optional.of("t1"))), sent.published());
    }

    @Test
    void anAnswerWaitsForTheNextPostThenBecomesDue() {
        LocalDate d1 = LocalDate.parse("2026-03-02");
        LocalDate d2 = d1.plusDays(1);
        Fence f1 = claimed(store.claimNow(ch("c1"), d1, lease(T0), deck -> newPost(d1, T0, "q1", Optional.empty())));
        assertTrue(store.markSent(ch("c1"), d1, f1, new Published("m1", Optional.of("t1")), T0, 1));
        assertEquals(AnswerState.WAITING, store.post(ch("c1"), d1).orElseThrow().answerState());
        assertTrue(store.takeReveals(T0.plus(Duration.ofDays(30)), 10, lease(T0)).isEmpty());

        Instant t2 = T0.plus(Duration.ofDays(1));
        Fence f2 = claimed(store.claimNow(ch("c1"), d2, lease(t2), deck -> newPost(d2, t2, "q2", Optional.empty())));
        assertTrue(store.markSent(ch("c1"), d2, f2, new Published("m2", Optional.of("t2")), t2, 1));
        List<PostRecord> due = store.takeReveals(t2, 10, lease(t2));
        assertEquals(List.of(d1), due.stream().map(PostRecord::localDate).toList());
        assertEquals(Optional.of(new Published("m1", Optional.of("t1"))), due.get(0).published());
        assertTrue(store.takeReveals(t2, 10, lease(t2)).isEmpty(), "leased");
        assertTrue(store.markRevealed(ch("c1"), d1, due.get(0).claim(), 1));
        assertEquals(AnswerState.SENT, store.post(ch("c1"), d1).orElseThrow().answerState());
        assertEquals(AnswerState.WAITING, store.post(ch("c1"), d2).orElseThrow().answerState());
    }

    @Test
    void aRevealDelayMakesTheAnswerDueAfterIt() {
        LocalDate d1 = LocalDate.parse("2026-03-02");
        Fence f = claimed(store.claimNow(ch("c1"), d1, lease(T0),
                deck -> newPost(d1, T0, "q1", Optional.of(Duration.ofHours(2)))));
        assertTrue(store.markSent(ch("c1"), d1, f, new Published("m1", Optional.empty()), T0, 1));
        assertTrue(store.takeReveals(T0.plus(Duration.ofMinutes(119)), 10, lease(T0)).isEmpty());
        assertEquals(1, store.takeReveals(T0.plus(Duration.ofHours(2)), 10, lease(T0)).size());
    }

    private static Fence claimed(NowClaim claim) {
        return assertInstanceOf(NowClaim.Claimed.class, claim).post().claim();
    }

    /**
     * Fencing: a holder whose lease lapsed and was taken over can neither renew it nor record an
     * outcome, and the new holder's record stands. Every outcome write is checked this way.
     */
    @Test
    void aTakenOverClaimCanNeitherRenewNorRecord() {
        store.putSchedule(schedule("c1", "09:00", "UTC"), T0);
        PostRecord first = store.claimDue(T0, 10, lease(T0), daily("q1")).get(0);
        LocalDate day = first.localDate();
        Fence old = first.claim();
        assertEquals(1, old.epoch());
        assertTrue(store.renewSend(ch("c1"), day, old, T0.plus(Duration.ofMinutes(6))), "the holder renews");
        assertTrue(store.takeRetries(T0.plus(Duration.ofMinutes(5)), 10, new Lease("other", T0.plus(Duration.ofMinutes(10))))
                .isEmpty(), "a renewed lease is not taken over");
        PostRecord taken = store.takeRetries(T0.plus(Duration.ofMinutes(7)), 10,
                new Lease("other", T0.plus(Duration.ofMinutes(12)))).get(0);
        Fence now = taken.claim();
        assertEquals(new Fence("other", 2), now);

        assertFalse(store.renewSend(ch("c1"), day, old, T0.plus(Duration.ofMinutes(20))), "a stale renewal is refused");
        assertFalse(store.markRetry(ch("c1"), day, old, 1, T0, "stale"));
        assertFalse(store.markGivenUp(ch("c1"), day, old, PostState.FAILED, 1, "stale"));
        assertFalse(store.markSent(ch("c1"), day, old, new Published("stale", Optional.empty()), T0, 1));
        assertEquals(PostState.PENDING, store.post(ch("c1"), day).orElseThrow().state(), "nothing was written");

        assertTrue(store.markSent(ch("c1"), day, now, new Published("m-new", Optional.of("t-new")), T0, 1));
        assertFalse(store.markSent(ch("c1"), day, old, new Published("stale", Optional.empty()), T0, 1),
                "a stale outcome is refused after the new holder's too");
        assertEquals(Optional.of(new Published("m-new", Optional.of("t-new"))),
                store.post(ch("c1"), day).orElseThrow().published(), "the new holder's record stands");

        // the answer's reveal is a new claim with the next epoch, fenced the same way
        store.claimNow(ch("c1"), day.plusDays(1), lease(T0), deck -> newPost(day.plusDays(1), T0, "q2", Optional.empty()));
        PostRecord reveal = store.takeReveals(T0.plus(Duration.ofMinutes(8)), 10, lease(T0.plus(Duration.ofMinutes(8))))
                .get(0);
        assertEquals(3, reveal.claim().epoch());
        assertFalse(store.markRevealed(ch("c1"), day, now, 1), "the send's fence does not reveal");
        assertFalse(store.renewReveal(ch("c1"), day, now, T0.plus(Duration.ofHours(1))));
        assertTrue(store.renewReveal(ch("c1"), day, reveal.claim(), T0.plus(Duration.ofHours(1))));
        assertTrue(store.markRevealed(ch("c1"), day, reveal.claim(), 1));
        assertEquals(AnswerState.SENT, store.post(ch("c1"), day).orElseThrow().answerState());
    }

    /** A draw's conditional update: a deck is replaced only if it is still what the draw read. */
    @Test
    void aDeckIsReplacedOnlyIfItIsStillWhatTheDrawRead() {
        DeckState a = new DeckState(0, Set.of("q1"), Optional.of("q1"));
        DeckState b = new DeckState(0, Set.of("q1", "q2"), Optional.of("q2"));
        assertTrue(store.replaceDeck(ch("c1"), DeckState.EMPTY, a));
        assertFalse(store.replaceDeck(ch("c1"), DeckState.EMPTY, b), "another draw created it first");
        assertEquals(a, store.deck(ch("c1")));
        assertTrue(store.replaceDeck(ch("c1"), a, b));
        assertFalse(store.replaceDeck(ch("c1"), a, new DeckState(0, Set.of("q1", "q9"), Optional.of("q9"))), "stale");
        assertEquals(b, store.deck(ch("c1")));

        // The daily claim draws from the same deck, and a draw that read it before the claim is refused.
        store.putSchedule(schedule("c1", "09:00", "UTC"), T0);
        java.util.concurrent.atomic.AtomicReference<DeckState> seen = new java.util.concurrent.atomic.AtomicReference<>();
        store.claimDue(T0, 10, lease(T0), (due, deck) -> {
            seen.set(deck);
            return new ClaimPlanner.Plan(due.nextFireAt().plus(Duration.ofDays(1)), Optional.of(new NewPost(
                    LocalDate.parse("2026-03-02"), due.nextFireAt(), "q3", Lang.EN, true, Optional.empty(),
                    new DeckState(0, Set.of("q1", "q2", "q3"), Optional.of("q3")))));
        });
        assertEquals(b, seen.get(), "the daily question sees the asks' deck");
        assertFalse(store.replaceDeck(ch("c1"), b, new DeckState(0, Set.of("q1", "q2", "q4"), Optional.of("q4"))));
        assertEquals(Set.of("q1", "q2", "q3"), store.deck(ch("c1")).asked());
    }

    @Test
    void revealsAreCountedPerUserAndQuestion() {
        store.recordReveal("test", "space", "u1", "q1", T0);
        store.recordReveal("test", "space", "u1", "q1", T0.plusSeconds(60));
        store.recordReveal("test", "space", "u1", "q2", T0.plusSeconds(30));
        store.recordReveal("test", "space", "u2", "q1", T0);
        List<UserProgress> p = store.progress("test", "space", "u1");
        assertEquals(List.of("q1", "q2"), p.stream().map(UserProgress::questionId).toList());
        assertEquals(2, p.get(0).reveals());
        assertEquals(T0, p.get(0).firstRevealedAt());
        assertEquals(T0.plusSeconds(60), p.get(0).lastRevealedAt());
        assertEquals(1, store.progress("test", "space", "u2").size());
    }
    @Test
    void theQuizmasterRecordsRevealsInTheStore() {
        dev.llmq.core.bank.QuestionBank bank = dev.llmq.core.testing.Fixtures.fixtureBank();
        dev.llmq.core.quiz.Quizmaster qm = new dev.llmq.core.quiz.Quizmaster(() -> bank,
                dev.llmq.core.quiz.Decks.seeded(1, clock), new dev.llmq.core.i18n.LangPolicy(Optional.empty()),
                Optional.empty(), Optional.of(store), clock);
        dev.llmq.core.port.in.Origin who = dev.llmq.core.testing.Fixtures.origin("c1");
        String id = bank.questions().get(0).id();
        qm.press(who, "reveal:" + id + ":en");
        qm.press(who, "reveal:" + id + ":en");
        qm.press(who, "reveal:no-such-question:en");
        List<UserProgress> p = store.progress(who.platform(), who.space(), who.user());
        assertEquals(1, p.size());
        assertEquals(id, p.get(0).questionId());
        assertEquals(2, p.get(0).reveals());
    }

    // ------------------------------------------------------------------ study: cards and the review log

    static final dev.llmq.core.fsrs.StudyKey CARD = new dev.llmq.core.fsrs.StudyKey("test", "space", "u1", "q1");

    /** Two grades of one card: the card is the second's, and the log keeps both, before and after, in order. */
    @Test
    void aGradedCardIsKeptWithItsWholeReviewLog() {
        dev.llmq.core.study.Study study = new dev.llmq.core.study.Study(store, new dev.llmq.core.fsrs.Fsrs(
                dev.llmq.core.fsrs.FsrsParameters.defaults()), new java.util.SplittableRandom(1));
        assertTrue(store.card(CARD).isEmpty());
        dev.llmq.core.fsrs.Fsrs.Review first = study.grade(CARD, dev.llmq.core.fsrs.Grade.GOOD, T0);
        dev.llmq.core.fsrs.Fsrs.Review second = study.grade(CARD, dev.llmq.core.fsrs.Grade.HARD,
                first.after().due().plus(Duration.ofHours(3)));
        dev.llmq.core.port.out.StoredCard stored = store.card(CARD).orElseThrow();
        assertEquals(2, stored.reviews());
        assertEquals(second.after(), stored.card());
        List<dev.llmq.core.fsrs.ReviewEntry> log = store.reviewLog("test", "space", "u1");
        assertEquals(2, log.size());
        assertEquals(Optional.empty(), log.get(0).before(), "a new card has no state before");
        assertEquals(first.after(), log.get(0).after());
        assertEquals(Optional.of(first.after()), log.get(1).before());
        assertEquals(second.after(), log.get(1).after());
        assertEquals(dev.llmq.core.fsrs.Grade.HARD, log.get(1).grade());
        assertEquals(List.of(), store.reviewLog("test", "space", "u2"), "another member's log is their own");
        assertTrue(store.card(new dev.llmq.core.fsrs.StudyKey("test", "other", "u1", "q1")).isEmpty(),
                "cards are per space");
    }

    /** The conditional write: a grade computed on a card that has changed since is refused, and writes nothing. */
    @Test
    void aGradeOnAStaleCardIsRefusedAndLeavesNoTrace() {
        dev.llmq.core.fsrs.Fsrs fsrs = new dev.llmq.core.fsrs.Fsrs(dev.llmq.core.fsrs.FsrsParameters.defaults());
        dev.llmq.core.fsrs.Card fresh = dev.llmq.core.fsrs.Card.fresh(T0);
        dev.llmq.core.fsrs.Card a = fsrs.review(fresh, dev.llmq.core.fsrs.Grade.GOOD, T0,
                new java.util.SplittableRandom(1)).after();
        dev.llmq.core.fsrs.Card b = fsrs.review(fresh, dev.llmq.core.fsrs.Grade.AGAIN, T0,
                new java.util.SplittableRandom(1)).after();
        assertTrue(store.recordReview(new dev.llmq.core.fsrs.ReviewEntry(CARD, 1, dev.llmq.core.fsrs.Grade.GOOD,
                Optional.empty(), a)));
        assertFalse(store.recordReview(new dev.llmq.core.fsrs.ReviewEntry(CARD, 1, dev.llmq.core.fsrs.Grade.AGAIN,
                Optional.empty(), b)), "a second first grade of the same card");
        assertFalse(store.recordReview(new dev.llmq.core.fsrs.ReviewEntry(CARD, 3, dev.llmq.core.fsrs.Grade.AGAIN,
                Optional.of(a), b)), "a grade that skips one");
        assertEquals(a, store.card(CARD).orElseThrow().card());
        assertEquals(1, store.reviewLog("test", "space", "u1").size());
    }

    /** A member's cards are listed per space with their question; settings are per platform and member. */
    @Test
    void aMembersCardsAndSettingsRoundTrip() {
        dev.llmq.core.study.Study study = new dev.llmq.core.study.Study(store, new dev.llmq.core.fsrs.Fsrs(
                dev.llmq.core.fsrs.FsrsParameters.defaults()), new java.util.SplittableRandom(1));
        study.grade(CARD, dev.llmq.core.fsrs.Grade.GOOD, T0);
        study.grade(new dev.llmq.core.fsrs.StudyKey("test", "space", "u1", "q2"), dev.llmq.core.fsrs.Grade.AGAIN, T0);
        study.grade(new dev.llmq.core.fsrs.StudyKey("test", "other", "u1", "q3"), dev.llmq.core.fsrs.Grade.EASY, T0);
        List<dev.llmq.core.port.out.StudiedCard> mine = store.cards("test", "space", "u1");
        assertEquals(Set.of("q1", "q2"), mine.stream().map(dev.llmq.core.port.out.StudiedCard::questionId)
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(store.card(CARD).orElseThrow().card(), mine.stream().filter(c -> c.questionId().equals("q1"))
                .findFirst().orElseThrow().card());
        assertEquals(List.of(), store.cards("test", "space", "u2"));

        assertEquals(dev.llmq.core.port.out.UserSettings.DEFAULTS, store.userSettings("test", "u1"));
        dev.llmq.core.port.out.UserSettings s = new dev.llmq.core.port.out.UserSettings(Optional.of(Lang.ZH),
                Optional.of(ZoneId.of("America/Los_Angeles")), Optional.of(LocalTime.of(7, 45)), true, false);
        store.putUserSettings("test", "u1", s);
        assertEquals(s, store.userSettings("test", "u1"));
        dev.llmq.core.port.out.UserSettings back = dev.llmq.core.port.out.UserSettings.DEFAULTS.withLeaderboard(true);
        store.putUserSettings("test", "u1", back);
        assertEquals(back, store.userSettings("test", "u1"), "a second put replaces every field");
        assertEquals(dev.llmq.core.port.out.UserSettings.DEFAULTS, store.userSettings("other", "u1"));

        int rows = store.forgetUser("test", "u1");
        assertEquals(3 + 3 + 1, rows, "three cards, three log lines, the settings");
        assertEquals(List.of(), store.cards("test", "other", "u1"), "forget-me covers every space");
        assertEquals(dev.llmq.core.port.out.UserSettings.DEFAULTS, store.userSettings("test", "u1"));
    }

    /** The leaderboard's reviews: a space's, in the week's bounds, only of members who opted in. */
    @Test
    void boardReviewsAreTheSpacesWeekOfMembersWhoOptedIn() {
        dev.llmq.core.study.Study study = new dev.llmq.core.study.Study(store, new dev.llmq.core.fsrs.Fsrs(
                dev.llmq.core.fsrs.FsrsParameters.defaults()), new java.util.SplittableRandom(1));
        store.putUserSettings("test", "in", dev.llmq.core.port.out.UserSettings.DEFAULTS.withLeaderboard(true));
        store.putUserSettings("test", "out", dev.llmq.core.port.out.UserSettings.DEFAULTS.withStreaks(true));
        for (String user : List.of("in", "out", "never-set")) {
            study.grade(new dev.llmq.core.fsrs.StudyKey("test", "space", user, "q1"), dev.llmq.core.fsrs.Grade.GOOD, T0);
        }
        study.grade(new dev.llmq.core.fsrs.StudyKey("test", "space", "in", "q2"), dev.llmq.core.fsrs.Grade.HARD,
                T0.plusSeconds(60));
        study.grade(new dev.llmq.core.fsrs.StudyKey("test", "other", "in", "q1"), dev.llmq.core.fsrs.Grade.EASY, T0);
        study.grade(new dev.llmq.core.fsrs.StudyKey("test", "space", "in", "q3"), dev.llmq.core.fsrs.Grade.EASY,
                T0.plus(Duration.ofDays(7)));
        List<dev.llmq.core.port.out.LoggedReview> week = store.boardReviews("test", "space", T0,
                T0.plus(Duration.ofDays(7)));
        assertEquals(List.of(new dev.llmq.core.port.out.LoggedReview("in", "q1", dev.llmq.core.fsrs.Grade.GOOD, T0),
                new dev.llmq.core.port.out.LoggedReview("in", "q2", dev.llmq.core.fsrs.Grade.HARD, T0.plusSeconds(60))),
                week, "the space's, from T0 inclusive to a week later exclusive, of the member who opted in only");
        assertEquals(List.of(), store.boardReviews("other-platform", "space", T0, T0.plus(Duration.ofDays(8))));
    }

    @Test
    void aSpacesZoneRoundTrips() {
        dev.llmq.core.port.out.SpaceSettings s = new dev.llmq.core.port.out.SpaceSettings(Optional.of(Lang.ZH), true,
                Optional.of(ZoneId.of("Asia/Shanghai")));
        store.putSettings("test", "space", s);
        assertEquals(s, store.settings("test", "space"));
        store.putSettings("test", "space", s.withZone(Optional.empty()));
        assertEquals(Optional.empty(), store.settings("test", "space").zone());
        assertEquals(Optional.of(Lang.ZH), store.settings("test", "space").defaultLang());
    }

    /**
     * Two renewals of one claim arriving out of order (the sender's own, computed before it was
     * descheduled, written after the heartbeat's longer one) must not shorten the lease: the claim
     * would be taken over while its holder sends, and the post sent twice.
     */
    @Test
    void aLateRenewalNeverShortensALease() {
        store.putSchedule(schedule("c1", "00:00", "UTC"), T0);
        PostRecord p = store.claimDue(T0, 10, lease(T0), daily("q1")).get(0);
        Instant heartbeat = T0.plus(Duration.ofMinutes(30));
        assertTrue(store.renewSend(p.channel(), p.localDate(), p.claim(), heartbeat));
        assertTrue(store.renewSend(p.channel(), p.localDate(), p.claim(), T0.plus(Duration.ofMinutes(1))),
                "the claim still holds: the late renewal succeeds");
        assertEquals(List.of(), store.takeRetries(T0.plus(Duration.ofMinutes(10)), 10,
                new Lease("other", T0.plus(Duration.ofMinutes(15)))), "the heartbeat's lease still stands");

        // the same for an answer's claim
        assertTrue(store.markSent(p.channel(), p.localDate(), p.claim(), new Published("m1", Optional.empty()), T0, 1));
        store.putSchedule(schedule("c1", "00:00", "UTC"), T0.plus(Duration.ofDays(1)));
        store.claimDue(T0.plus(Duration.ofDays(1)), 10, lease(T0.plus(Duration.ofDays(1))), daily("q2"));
        Instant day = T0.plus(Duration.ofDays(1));
        PostRecord answer = store.takeReveals(day, 10, lease(day)).stream()
                .filter(r -> r.localDate().equals(p.localDate())).findFirst().orElseThrow();
        assertTrue(store.renewReveal(answer.channel(), answer.localDate(), answer.claim(), day.plus(Duration.ofMinutes(30))));
        assertTrue(store.renewReveal(answer.channel(), answer.localDate(), answer.claim(), day.plus(Duration.ofMinutes(1))));
        assertEquals(List.of(), store.takeReveals(day.plus(Duration.ofMinutes(10)), 10,
                new Lease("other", day.plus(Duration.ofMinutes(15)))), "the answer's lease still stands");
    }
}
