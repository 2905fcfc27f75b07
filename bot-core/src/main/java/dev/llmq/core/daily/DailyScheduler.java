package dev.llmq.core.daily;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.ClaimPlanner;
import dev.llmq.core.port.out.DailyObserver;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PostLedger;
import dev.llmq.core.port.out.DeckState;
import dev.llmq.core.port.out.Lease;
import dev.llmq.core.port.out.NewPost;
import dev.llmq.core.port.out.NowClaim;
import dev.llmq.core.port.out.PostRecord;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.schedule.Schedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the daily questions. Each tick finds due schedules through the store's index on their
 * next fire time, claims each day's post in a transaction (one post per channel and local date,
 * however many replicas tick), sends it through the platform's {@link DailyPublisher}, and
 * records the outcome at once. Failed sends are retried with exponential backoff (or after the
 * platform's {@code retryAfter}); posts missed for longer than the catch-up window are skipped and
 * logged; answers are revealed after the schedule's delay, by default with the channel's next
 * post in the previous post's thread.
 *
 * <p>The timing loop is the JDK's {@link ScheduledExecutorService}; every run is guarded, so one
 * failure never stops later runs. The retry state lives in the store, not in memory, so retries
 * survive restarts and move between replicas; that is why no in-memory retry library is used.
 * All times come from the injected {@link Clock}.
 */
public final class DailyScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DailyScheduler.class);
    /** Bounds one tick: at most this many batches of posts and of answers. */
    private static final int MAX_ROUNDS = 1_000;
    /** Tries to record a sent post before giving up (its lease then lets another replica send it again). */
    private static final int RECORD_ATTEMPTS = 4;

    /**
     * @param catchUp       how late a missed post may still be sent ({@code LLMQ_CATCHUP})
     * @param lease         how long claimed work is ours before another replica may take it over,
     *                      unless the heartbeat renews it (every third of it while a send runs)
     * @param tickEvery     the period of {@link #start()}
     * @param batch         posts claimed per transaction
     * @param senders       parallel sends; 1 sends on the ticking thread (deterministic tests)
     * @param maxAttempts   send attempts before a post is given up
     * @param firstBackoff  the first retry delay; it doubles per attempt, with jitter
     * @param maxBackoff    the longest retry delay
     * @param sendDeadline  how long one send or reveal may take: past it, it is abandoned and its
     *                      outcome recorded as unknown (the next attempt looks in the channel first)
     */
    public record Settings(Duration catchUp, Duration lease, Duration tickEvery, int batch, int senders,
                           int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration sendDeadline) {
        public static final Duration DEFAULT_CATCH_UP = Duration.ofHours(6);
        /**
         * Short, so that the posts of a replica that died are taken over within about this long;
         * a live sender keeps its lease by renewing it every third of it ({@link #heartbeat()}).
         */
        public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
        /**
         * Longer than any client-side wait the adapters allow (JDA's and Slack's own 429 handling),
         * so that only a send that truly hangs reaches it.
         */
        public static final Duration DEFAULT_SEND_DEADLINE = Duration.ofMinutes(3);

        public Settings {
            Objects.requireNonNull(catchUp, "catchUp");
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(tickEvery, "tickEvery");
            Objects.requireNonNull(firstBackoff, "firstBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(sendDeadline, "sendDeadline");
            if (catchUp.isNegative() || lease.isNegative() || lease.isZero() || tickEvery.isNegative()
                    || tickEvery.isZero() || batch < 1 || senders < 1 || maxAttempts < 1 || sendDeadline.isNegative()
                    || sendDeadline.isZero()) {
                throw new IllegalArgumentException("bad scheduler settings: " + catchUp + ", " + lease + ", "
                        + tickEvery + ", " + batch + ", " + senders + ", " + maxAttempts + ", " + sendDeadline);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_CATCH_UP, DEFAULT_LEASE, Duration.ofSeconds(5), 100, 8, 8,
                    Duration.ofSeconds(30), Duration.ofMinutes(30), DEFAULT_SEND_DEADLINE);
        }

        public Settings withCatchUp(Duration d) {
            return new Settings(d, lease, tickEvery, batch, senders, maxAttempts, firstBackoff, maxBackoff, sendDeadline);
        }

        public Settings withBatch(int b) {
            return new Settings(catchUp, lease, tickEvery, b, senders, maxAttempts, firstBackoff, maxBackoff, sendDeadline);
        }

        public Settings withSenders(int n) {
            return new Settings(catchUp, lease, tickEvery, batch, n, maxAttempts, firstBackoff, maxBackoff, sendDeadline);
        }

        public Settings withTickEvery(Duration d) {
            return new Settings(catchUp, lease, d, batch, senders, maxAttempts, firstBackoff, maxBackoff, sendDeadline);
        }

        public Settings withLease(Duration d) {
            return new Settings(catchUp, d, tickEvery, batch, senders, maxAttempts, firstBackoff, maxBackoff, sendDeadline);
        }

        public Settings withSendDeadline(Duration d) {
            return new Settings(catchUp, lease, tickEvery, batch, senders, maxAttempts, firstBackoff, maxBackoff, d);
        }
    }

    /** Waits; the real one sleeps, tests may advance a fake clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> TimeUnit.NANOSECONDS.sleep(Math.max(0, d.toNanos()));
    }

    /**
     * What one tick did. {@code more}: the tick stopped at its bound with posts still due, and the
     * next one should start at once rather than after {@link Settings#tickEvery()}.
     */
    public record TickReport(int claimed, int sent, int retried, int failed, int skipped, int revealed, boolean more) {
        public boolean idle() {
            return claimed + sent + retried + failed + skipped + revealed == 0;
        }
    }

    /** The outcome of posting on demand. */
    public sealed interface NowResult {
        record Posted(PostRecord post) implements NowResult {
        }

        /** The channel already has this date's post: sent, or pending a retry. */
        record Exists(PostRecord post) implements NowResult {
        }

        record Failed(String reason, boolean willRetry) implements NowResult {
        }

        record NoQuestions() implements NowResult {
        }
    }

    private final PostLedger ledger;
    private final Supplier<QuestionBank> bank;
    private final Map<String, DailyPublisher> publishers;
    private final Clock clock;
    private final Lang defaultLang;
    private final Settings settings;
    private final RandomGenerator random;
    private final Sleeper sleeper;
    private final String instance;
    private final SenderPool pool;
    /** Set by {@link #shutdown}: no new claims; claimed posts not yet started are handed back. */
    private volatile boolean stopping;
    private volatile DailyObserver observer = DailyObserver.NONE;
    private final Leases leases;
    private final PostPlanner planner;
    private final PostSender sender;
    private ScheduledExecutorService ticker;
    private ScheduledExecutorService heart;

    public DailyScheduler(PostLedger ledger, Supplier<QuestionBank> bank, List<DailyPublisher> publishers, Clock clock,
                          Lang defaultLang, Settings settings, RandomGenerator random, Sleeper sleeper) {
        this.ledger = Objects.requireNonNull(ledger);
        this.bank = Objects.requireNonNull(bank);
        this.publishers = publishers.stream().collect(Collectors.toMap(DailyPublisher::platform, Function.identity()));
        this.clock = Objects.requireNonNull(clock);
        this.defaultLang = Objects.requireNonNull(defaultLang);
        this.settings = Objects.requireNonNull(settings);
        this.random = Objects.requireNonNull(random);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.instance = "llmq-" + UUID.randomUUID().toString().substring(0, 8);
        this.leases = new Leases(ledger, clock, settings.lease(), settings.sendDeadline());
        this.planner = new PostPlanner(bank, defaultLang, settings, random);
        this.sender = new PostSender(ledger, bank, this.publishers, clock, settings, random,
                new OutcomeRecorder(ledger, sleeper), leases, () -> observer, () -> nudges, () -> stopping, sleeper);
        this.pool = new SenderPool(settings.senders(), () -> stopping);
    }

    public Settings settings() {
        return settings;
    }

    /** What members' reminders say (the default: {@link Nudges#NONE}, no reminder is sent); returns this. */
    public DailyScheduler remindingWith(Nudges n) {
        this.nudges = Objects.requireNonNull(n);
        return this;
    }

    private volatile Nudges nudges = Nudges.NONE;

    /** Tells {@code o} about every retry and give-up from now on (the metrics); returns this scheduler. */
    public DailyScheduler observedBy(DailyObserver o) {
        this.observer = Objects.requireNonNull(o);
        return this;
    }

    public Clock clock() {
        return clock;
    }

    /** This scheduler's name in leases (and logs). */
    public String instance() {
        return instance;
    }

    // ------------------------------------------------------------------ running

    /** Ticks now and then every {@link Settings#tickEvery()} on a daemon thread until {@link #close()}. */
    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "llmq-daily-scheduler");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::guardedTick, 0, settings.tickEvery().toMillis(), TimeUnit.MILLISECONDS);
        // Its own thread: the ticker is busy for as long as a batch is being sent.
        heart = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "llmq-daily-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, settings.lease().toMillis() / 3);
        heart.scheduleWithFixedDelay(this::guardedHeartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    private void guardedHeartbeat() {
        try {
            heartbeat();
        } catch (Throwable t) { // NOPMD: the executor would silently stop on any throwable
            log.warn("daily heartbeat failed; the next one will try again: {}", t.toString());
        }
    }

    /**
     * Renews the lease of every post this scheduler is sending or revealing, so that a send slower
     * than the lease is not taken over by another replica; a claim taken over already is let go
     * (its outcome will be refused by the fence). A send past its deadline is abandoned: its
     * outcome is recorded as unknown and its sender interrupted. Runs every third of the lease once
     * started.
     *
     * @return how many leases were renewed
     */
    public int heartbeat() {
        return leases.heartbeat(sender::abandon);
    }

    /** One scheduled run: never throws, so a failure never stops the runs after it. */
    void guardedTick() {
        try {
            TickReport r;
            do { // a tick cut short by its bound (a large fan-out) goes on at once, not after the period
                r = tick();
                if (!r.idle()) {
                    log.info("daily tick: {}", r);
                }
            } while (r.more() && !stopping);
        } catch (Throwable t) { // NOPMD: the executor would silently stop on any throwable
            log.error("daily scheduler run failed; the next run will try again: {}", t.toString(), t);
        }
    }

    /**
     * One pass: claims and sends due posts in batches until none is left, takes over posts whose
     * retry time or lease passed, then reveals the answers that are due.
     */
    public TickReport tick() {
        TickCounters c = new TickCounters();
        boolean more = false;
        for (int round = 0; !stopping; round++) {
            if (round == MAX_ROUNDS) {
                more = true; // the answers get their turn below, then the next tick goes on
                break;
            }
            Instant now = clock.instant();
            AtomicInteger planned = new AtomicInteger();
            AtomicInteger dueAgain = new AtomicInteger();
            // Claim only what a free sender can start now: a slow channel holds one sender, never the tick.
            int room = pool.room(settings.batch());
            if (room == 0) {
                break;
            }
            List<PostRecord> claimed = ledger.claimDue(now, room, lease(now), (due, deck) -> {
                planned.incrementAndGet();
                ClaimPlanner.Plan plan = planner.plan(due, deck, now, c);
                if (!plan.nextFireAt().isAfter(now)) {
                    dueAgain.incrementAndGet();
                }
                return plan;
            });
            c.claimed.addAndGet(claimed.size());
            int wanted = room - claimed.size();
            List<PostRecord> retries = wanted > 0 ? ledger.takeRetries(now, wanted, lease(now)) : List.of();
            List<PostRecord> work = new ArrayList<>(claimed);
            work.addAll(retries);
            pool.giveBack(room - work.size());
            pool.dispatch(work, p -> sender.send(p, now, c));
            // Go on while a batch was full or a late schedule is due again at once (a catch-up window
            // longer than a day); what falls due later waits for the next tick.
            boolean moreDue = planned.get() >= room || dueAgain.get() > 0;
            boolean moreRetries = wanted > 0 && retries.size() == wanted;
            if (!moreDue && !moreRetries) {
                break;
            }
        }
        if (!stopping) {
            revealDue(c);
        }
        return c.report(more);
    }

    private void revealDue(TickCounters c) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = clock.instant();
            int room = pool.room(settings.batch());
            if (room == 0) {
                break;
            }
            List<PostRecord> due = ledger.takeReveals(now, room, lease(now));
            pool.giveBack(room - due.size());
            if (due.isEmpty()) {
                break;
            }
            pool.dispatch(due, p -> sender.reveal(p, now, c));
            if (due.size() < room) {
                break;
            }
        }
    }

    private Lease lease(Instant now) {
        return new Lease(instance, now.plus(settings.lease()));
    }

    /**
     * Waits until no post is being sent or revealed (at most {@code timeout}); true when idle. For
     * tests and benchmarks that drive {@link #tick()} by hand with several senders.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return pool.awaitIdle(timeout);
    }

    /** For the unit tests: the planner's draw and the retry policy's backoff. */
    Optional<PostPlanner.Draw> draw(List<Question> pool, DeckState deck) {
        return planner.draw(pool, deck);
    }

    Duration backoff(int attempts) {
        return sender.backoff(attempts);
    }

    // ------------------------------------------------------------------ on demand

    /**
     * Posts the channel's question for today (in the schedule's zone) now, unless the channel
     * already has today's post, then reveals the answers that became due.
     */
    public NowResult postNow(Schedule s) {
        Instant now = clock.instant();
        LocalDate date = LocalDate.ofInstant(now, s.zone());
        List<Question> pool = planner.pool(s);
        if (pool.isEmpty()) {
            return new NowResult.NoQuestions();
        }
        Lang lang = s.lang().orElse(defaultLang);
        NowClaim claim = ledger.claimNow(s.channel(), date, lease(now), deck -> {
            PostPlanner.Draw d = planner.draw(pool, deck).orElseThrow();
            return new NewPost(date, now, d.questionId(), lang, s.thread(), s.revealAfter(), d.deckAfter());
        });
        return switch (claim) {
            case NowClaim.Exists e -> new NowResult.Exists(e.post());
            case NowClaim.Claimed mine -> sendNow(s, date, mine.post(), now);
        };
    }

    private NowResult sendNow(Schedule s, LocalDate date, PostRecord claimed, Instant claimedAt) {
        TickCounters c = new TickCounters();
        sender.send(claimed, claimedAt, c);
        PostRecord after = ledger.post(s.channel(), date).orElseThrow();
        if (after.state() == PostState.SENT) {
            try {
                revealDue(c);
            } catch (RuntimeException e) {
                log.warn("daily {}: answers not revealed yet: {}", s.channel(), e.toString());
            }
            return new NowResult.Posted(after);
        }
        return new NowResult.Failed(after.lastError().orElse(after.state().name()), after.state() == PostState.PENDING);
    }

    /** True once {@link #shutdown} has begun. */
    public boolean stopping() {
        return stopping;
    }

    /** How long {@link #close()} lets posts in flight finish. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    /**
     * Stops gracefully: claims nothing more, lets the posts in flight finish (within
     * {@code grace}), and hands back the claimed posts it has not started, so another replica
     * (or the next start) sends them at once.
     */
    public synchronized void shutdown(Duration grace) {
        stopping = true;
        long deadline = System.nanoTime() + grace.toNanos();
        if (ticker != null) {
            ticker.shutdown();
            awaitUntil(ticker, deadline);
            ticker.shutdownNow();
            ticker = null;
        }
        pool.shutdown(deadline);
        if (heart != null) { // last: the sends that were finishing needed their leases renewed
            heart.shutdownNow();
            heart = null;
        }
    }

    private static void awaitUntil(ExecutorService executor, long deadlineNanos) {
        try {
            executor.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        shutdown(SHUTDOWN_GRACE);
    }
}
