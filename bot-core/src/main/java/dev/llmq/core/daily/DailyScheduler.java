package dev.llmq.core.daily;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.out.ClaimPlanner;
import dev.llmq.core.port.out.DailyObserver;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.DailyStore;
import dev.llmq.core.port.out.DeckState;
import dev.llmq.core.port.out.Lease;
import dev.llmq.core.port.out.NewPost;
import dev.llmq.core.port.out.NowClaim;
import dev.llmq.core.port.out.Outcome;
import dev.llmq.core.port.out.PostRecord;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.port.out.StoredSchedule;
import dev.llmq.core.quiz.Cards;
import dev.llmq.core.schedule.FireTimes;
import dev.llmq.core.schedule.Schedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
     */
    public record Settings(Duration catchUp, Duration lease, Duration tickEvery, int batch, int senders,
                           int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        public static final Duration DEFAULT_CATCH_UP = Duration.ofHours(6);
        /**
         * Short, so that the posts of a replica that died are taken over within about this long;
         * a live sender keeps its lease by renewing it every third of it ({@link #heartbeat()}).
         */
        public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

        public Settings {
            Objects.requireNonNull(catchUp, "catchUp");
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(tickEvery, "tickEvery");
            Objects.requireNonNull(firstBackoff, "firstBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            if (catchUp.isNegative() || lease.isNegative() || lease.isZero() || tickEvery.isNegative()
                    || tickEvery.isZero() || batch < 1 || senders < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("bad scheduler settings: " + catchUp + ", " + lease + ", "
                        + tickEvery + ", " + batch + ", " + senders + ", " + maxAttempts);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_CATCH_UP, DEFAULT_LEASE, Duration.ofSeconds(5), 100, 8, 8,
                    Duration.ofSeconds(30), Duration.ofMinutes(30));
        }

        public Settings withCatchUp(Duration d) {
            return new Settings(d, lease, tickEvery, batch, senders, maxAttempts, firstBackoff, maxBackoff);
        }

        public Settings withBatch(int b) {
            return new Settings(catchUp, lease, tickEvery, b, senders, maxAttempts, firstBackoff, maxBackoff);
        }

        public Settings withSenders(int n) {
            return new Settings(catchUp, lease, tickEvery, batch, n, maxAttempts, firstBackoff, maxBackoff);
        }

        public Settings withTickEvery(Duration d) {
            return new Settings(catchUp, lease, d, batch, senders, maxAttempts, firstBackoff, maxBackoff);
        }

        public Settings withLease(Duration d) {
            return new Settings(catchUp, d, tickEvery, batch, senders, maxAttempts, firstBackoff, maxBackoff);
        }
    }

    /** Waits; the real one sleeps, tests may advance a fake clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> TimeUnit.NANOSECONDS.sleep(Math.max(0, d.toNanos()));
    }

    /** What one tick did. */
    public record TickReport(int claimed, int sent, int retried, int failed, int skipped, int revealed) {
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

    private final class Counters {
        final AtomicInteger claimed = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger revealed = new AtomicInteger();

        TickReport report() {
            return new TickReport(claimed.get(), sent.get(), retried.get(), failed.get(), skipped.get(), revealed.get());
        }
    }

    private final DailyStore store;
    private final Supplier<QuestionBank> bank;
    private final Map<String, DailyPublisher> publishers;
    private final Clock clock;
    private final Lang defaultLang;
    private final Settings settings;
    private final RandomGenerator random;
    private final Sleeper sleeper;
    private final String instance;
    private final ExecutorService senders;
    /** Free senders: a tick claims no more posts than it can start at once. */
    private final java.util.concurrent.Semaphore slots;
    /** Set by {@link #shutdown}: no new claims; claimed posts not yet started are handed back. */
    private volatile boolean stopping;
    private final RetryPolicy retry;
    private volatile DailyObserver observer = DailyObserver.NONE;
    /** The posts this scheduler is sending or revealing now, whose leases the heartbeat renews. */
    private final Map<InFlight, Boolean> inFlight = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;
    private ScheduledExecutorService heart;

    /** A claimed post being worked on: sending its question, or revealing its answer. */
    private record InFlight(PostRecord post, boolean reveal) {
    }

    public DailyScheduler(DailyStore store, Supplier<QuestionBank> bank, List<DailyPublisher> publishers, Clock clock,
                          Lang defaultLang, Settings settings, RandomGenerator random, Sleeper sleeper) {
        this.store = Objects.requireNonNull(store);
        this.bank = Objects.requireNonNull(bank);
        this.publishers = publishers.stream().collect(Collectors.toMap(DailyPublisher::platform, Function.identity()));
        this.clock = Objects.requireNonNull(clock);
        this.defaultLang = Objects.requireNonNull(defaultLang);
        this.settings = Objects.requireNonNull(settings);
        this.retry = new RetryPolicy(settings.maxAttempts(), settings.firstBackoff(), settings.maxBackoff());
        this.random = Objects.requireNonNull(random);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.instance = "llmq-" + UUID.randomUUID().toString().substring(0, 8);
        this.slots = settings.senders() <= 1 ? null : new java.util.concurrent.Semaphore(settings.senders());
        this.senders = settings.senders() <= 1 ? null : Executors.newFixedThreadPool(settings.senders(), r -> {
            Thread t = new Thread(r, "llmq-daily-sender");
            t.setDaemon(true);
            return t;
        });
    }

    public Settings settings() {
        return settings;
    }

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
     * than the lease is not taken over by another replica. A lease that was taken over already (this
     * process stalled past it) is not renewed: the new holder owns the post, and this sender's
     * outcome will be refused by the fence.
     *
     * @return how many leases were renewed
     */
    public int heartbeat() {
        int renewed = 0;
        for (InFlight f : inFlight.keySet()) {
            PostRecord p = f.post();
            Instant until = clock.instant().plus(settings.lease());
            boolean held = f.reveal() ? store.renewReveal(p.channel(), p.localDate(), p.claim(), until)
                    : store.renewSend(p.channel(), p.localDate(), p.claim(), until);
            if (held) {
                renewed++;
            } else if (inFlight.remove(f) != null) {
                log.warn("daily {} {}: the claim {} was taken over by another replica while {}; its outcome will be "
                        + "refused", p.channel(), p.localDate(), p.claim(), f.reveal() ? "revealing" : "sending");
            }
        }
        return renewed;
    }

    /** One scheduled run: never throws, so a failure never stops the runs after it. */
    void guardedTick() {
        try {
            TickReport r = tick();
            if (!r.idle()) {
                log.info("daily tick: {}", r);
            }
        } catch (Throwable t) { // NOPMD: the executor would silently stop on any throwable
            log.error("daily scheduler run failed; the next run will try again: {}", t.toString(), t);
        }
    }

    /**
     * One pass: claims and sends due posts in batches until none is left, takes over posts whose
     * retry time or lease passed, then reveals the answers that are due.
     */
    public TickReport tick() {
        Counters c = new Counters();
        for (int round = 0; round < MAX_ROUNDS && !stopping; round++) {
            Instant now = clock.instant();
            AtomicInteger planned = new AtomicInteger();
            AtomicInteger dueAgain = new AtomicInteger();
            // Claim only what a free sender can start now: a slow channel holds one sender, never the tick.
            int room = room(settings.batch());
            if (room == 0) {
                break;
            }
            List<PostRecord> claimed = store.claimDue(now, room, lease(now), (due, deck) -> {
                planned.incrementAndGet();
                ClaimPlanner.Plan plan = plan(due, deck, now, c);
                if (!plan.nextFireAt().isAfter(now)) {
                    dueAgain.incrementAndGet();
                }
                return plan;
            });
            c.claimed.addAndGet(claimed.size());
            int wanted = room - claimed.size();
            List<PostRecord> retries = wanted > 0 ? store.takeRetries(now, wanted, lease(now)) : List.of();
            List<PostRecord> work = new ArrayList<>(claimed);
            work.addAll(retries);
            giveBack(room - work.size());
            dispatch(work, p -> send(p, c));
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
        return c.report();
    }

    private void revealDue(Counters c) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = clock.instant();
            int room = room(settings.batch());
            if (room == 0) {
                break;
            }
            List<PostRecord> due = store.takeReveals(now, room, lease(now));
            giveBack(room - due.size());
            if (due.isEmpty()) {
                break;
            }
            dispatch(due, p -> reveal(p, c));
            if (due.size() < room) {
                break;
            }
        }
    }

    private Lease lease(Instant now) {
        return new Lease(instance, now.plus(settings.lease()));
    }

    /**
     * Takes up to {@code wanted} free senders (all of them when sends run on the ticking thread):
     * waits for one to be free, then takes what else is free. So the tick goes on as soon as any
     * sender is free; only when every sender is held by a slow channel does it wait.
     */
    private int room(int wanted) {
        if (slots == null) {
            return wanted;
        }
        try {
            while (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
                if (stopping) {
                    return 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        int got = 1;
        while (got < wanted && slots.tryAcquire()) {
            got++;
        }
        return got;
    }

    private void giveBack(int unused) {
        if (slots != null && unused > 0) {
            slots.release(unused);
        }
    }

    /**
     * Starts each post on a sender of its own and returns: every post is sent and recorded on its
     * own, so one slow channel delays no other post and no later tick. With one sender the posts
     * run here, in order (deterministic tests).
     */
    private void dispatch(List<PostRecord> work, java.util.function.Consumer<PostRecord> action) {
        if (senders == null) {
            work.forEach(action);
            return;
        }
        for (PostRecord p : work) {
            try {
                senders.execute(() -> {
                    try {
                        action.accept(p);
                    } catch (RuntimeException e) {
                        log.error("daily {} {}: {}", p.channel(), p.localDate(), e.toString(), e);
                    } finally {
                        slots.release();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                slots.release();
                action.accept(p); // shutting down: send() hands the claim back at once
            }
        }
    }

    /**
     * Waits until no post is being sent or revealed (at most {@code timeout}); true when idle. For
     * tests and benchmarks that drive {@link #tick()} by hand with several senders.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (slots == null) {
            return true;
        }
        if (!slots.tryAcquire(settings.senders(), timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        slots.release(settings.senders());
        return true;
    }

    // ------------------------------------------------------------------ planning (inside the claim transaction)

    private ClaimPlanner.Plan plan(StoredSchedule due, DeckState deck, Instant now, Counters c) {
        Schedule s = due.schedule();
        try {
            Instant fire = due.nextFireAt();
            Instant oldest = now.minus(settings.catchUp());
            if (fire.isBefore(oldest)) {
                Instant resumed = FireTimes.next(s, oldest.minusNanos(1));
                log.warn("daily {}: skipped the post(s) due from {} to {} (older than the catch-up window of {})",
                        s.channel(), fire.atZone(s.zone()), oldest.atZone(s.zone()), settings.catchUp());
                c.skipped.incrementAndGet();
                fire = resumed;
            }
            if (fire.isAfter(now)) {
                return new ClaimPlanner.Plan(fire, Optional.empty());
            }
            Instant next = FireTimes.next(s, fire);
            LocalDate date = FireTimes.localDate(s, fire);
            Lang lang = s.lang().or(due::spaceLang).orElse(defaultLang);
            Optional<Draw> draw = draw(pool(s), deck);
            if (draw.isEmpty()) {
                log.error("daily {}: no questions for topics {}; nothing posted for {}", s.channel(), s.topics(), date);
                c.failed.incrementAndGet();
                return new ClaimPlanner.Plan(next, Optional.empty());
            }
            return new ClaimPlanner.Plan(next, Optional.of(new NewPost(date, fire, draw.get().questionId(), lang,
                    s.thread(), s.revealAfter(), draw.get().deckAfter())));
        } catch (RuntimeException e) {
            // A schedule that cannot be planned must not block the others: look at it again in a day.
            log.error("daily {}: cannot plan the next post: {}", s.channel(), e.toString(), e);
            return new ClaimPlanner.Plan(now.plus(Duration.ofDays(1)), Optional.empty());
        }
    }

    private List<Question> pool(Schedule s) {
        QuestionBank b = bank.get();
        if (s.topics().isEmpty()) {
            return b.questions();
        }
        List<Question> pool = new ArrayList<>();
        for (String t : s.topics()) {
            pool.addAll(b.questionsOf(t));
        }
        return pool;
    }

    /** A drawn question and the channel's history after it. */
    record Draw(String questionId, DeckState deckAfter) {
    }

    /**
     * Draws a question the channel has not had in this round; when every question of the pool was
     * asked, a new round starts (never with the question asked last).
     */
    Optional<Draw> draw(List<Question> pool, DeckState deck) {
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        int round = deck.round();
        Set<String> asked = deck.asked();
        List<Question> fresh = new ArrayList<>();
        for (Question q : pool) {
            if (!asked.contains(q.id())) {
                fresh.add(q);
            }
        }
        if (fresh.isEmpty()) {
            round++;
            asked = Set.of();
            fresh.addAll(pool);
            if (fresh.size() > 1) {
                fresh.removeIf(q -> deck.last().equals(Optional.of(q.id())));
            }
        }
        int i;
        synchronized (random) {
            i = random.nextInt(fresh.size());
        }
        Question q = fresh.get(i);
        Set<String> after = new HashSet<>(asked);
        after.add(q.id());
        return Optional.of(new Draw(q.id(), new DeckState(round, after, Optional.of(q.id()))));
    }

    // ------------------------------------------------------------------ sending

    private void send(PostRecord p, Counters c) {
        if (stopping) {
            // Shutting down: hand the claim back at once instead of letting its lease run out.
            try {
                store.markRetry(p.channel(), p.localDate(), p.claim(), p.attempts(), clock.instant(),
                        "released at shutdown");
            } catch (RuntimeException e) {
                log.warn("daily {} {}: claim not released ({}); its lease will expire", p.channel(), p.localDate(),
                        e.toString());
            }
            return;
        }
        InFlight mine = new InFlight(p, false);
        inFlight.put(mine, Boolean.TRUE);
        try {
            DailyPublisher publisher = publishers.get(p.channel().platform());
            if (publisher == null) {
                giveUp(p, PostState.FAILED, p.attempts(), "no publisher for platform " + p.channel().platform(), c);
                return;
            }
            QuestionBank b = bank.get();
            Optional<Question> q = b.question(p.questionId());
            if (q.isEmpty()) {
                giveUp(p, PostState.FAILED, p.attempts(), "question " + p.questionId() + " is no longer in the bank", c);
                return;
            }
            QuestionCard card = Cards.question(b, q.get(), p.lang(), false, Optional.of(q.get().topicId()),
                    OptionalInt.empty());
            DailyPost post = DailyPost.of(p.channel(), p.localDate(), card, p.thread());
            if (p.inDoubt() && alreadyDelivered(publisher, post, p, c)) {
                return;
            }
            int attempts = p.attempts() + 1;
            Published where;
            try {
                where = publisher.postQuestion(post);
            } catch (PublishException e) {
                failed(p, attempts, e.retryable(), e.retryAfter(), e.getMessage(), c);
                return;
            } catch (RuntimeException e) {
                failed(p, attempts, true, Optional.empty(), e.toString(), c);
                return;
            }
            // Sent: from here on a failure must never lead to sending it again.
            if (recordDurably(new Outcome.Sent(p.channel(), p.localDate(), p.claim(), where, clock.instant(),
                    attempts))) {
                c.sent.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The store failed: the post keeps its lease and is taken over when the lease passes.
            log.error("daily {} {}: could not record the outcome: {}", p.channel(), p.localDate(), e.toString(), e);
        } finally {
            inFlight.remove(mine);
        }
    }

    /**
     * For a post whose earlier send may have reached the channel (its sender's lease ran out while
     * sending): looks for it there first. Found, it is recorded where it is and not sent again.
     *
     * @return true when the post needs no send: found and recorded, or the channel could not be read
     *     (then it waits for a retry, still in doubt)
     */
    private boolean alreadyDelivered(DailyPublisher publisher, DailyPost post, PostRecord p, Counters c)
            throws InterruptedException {
        Optional<Published> found;
        try {
            found = publisher.find(post);
        } catch (PublishException e) {
            failed(p, p.attempts(), e.retryable(), e.retryAfter(),
                    "cannot check whether an earlier attempt delivered it: " + e.getMessage(), c);
            return true;
        }
        if (found.isEmpty()) {
            log.info("daily {} {}: an earlier attempt's outcome was unknown and the post is not in the channel; sending",
                    p.channel(), p.localDate());
            return false;
        }
        log.warn("daily {} {}: already in the channel from an earlier attempt ({}); recorded, not sent again",
                p.channel(), p.localDate(), found.get().messageRef());
        if (recordDurably(new Outcome.Sent(p.channel(), p.localDate(), p.claim(), found.get(), clock.instant(),
                Math.max(1, p.attempts())))) {
            c.sent.incrementAndGet();
        }
        return true;
    }

    // ------------------------------------------------------------------ recording (group commit)

    /** An outcome waiting to be written, and whether it was. */
    private static final class Pending {
        final Outcome outcome;
        boolean written;
        boolean refused;
        RuntimeException failure;

        Pending(Outcome outcome) {
            this.outcome = outcome;
        }
    }

    private final Object writeLock = new Object();
    private final List<Pending> pending = new ArrayList<>();

    /**
     * Writes an outcome before returning, so that a sender never moves on with an unrecorded post.
     * Senders that finish while another one writes are written together with the next write
     * (group commit): the same guarantee, fewer transactions.
     */
    private boolean record(Outcome outcome) {
        Pending mine = new Pending(outcome);
        synchronized (pending) {
            pending.add(mine);
        }
        synchronized (writeLock) {
            if (!mine.written && mine.failure == null) {
                List<Pending> group;
                synchronized (pending) {
                    group = new ArrayList<>(pending);
                    pending.clear();
                }
                try {
                    List<Outcome> refused = store.recordAll(group.stream().map(x -> x.outcome)
                            .collect(Collectors.toList()));
                    group.forEach(x -> {
                        x.written = true;
                        x.refused = refused.contains(x.outcome);
                    });
                } catch (RuntimeException e) {
                    group.forEach(x -> x.failure = e);
                }
            }
            if (mine.failure != null) {
                throw mine.failure;
            }
        }
        return !mine.refused;
    }

    /**
     * Records a successful send, trying a few times over a few seconds when the store fails: an
     * unrecorded post would be sent again once its lease passes.
     *
     * @return false when the store refused it: the claim was taken over (this process stalled past
     *     its lease), and the new holder's record stands
     */
    private boolean recordDurably(Outcome outcome) throws InterruptedException {
        RuntimeException last = null;
        for (int attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
            try {
                if (record(outcome)) {
                    return true;
                }
                log.warn("daily {} {}: the outcome of claim {} was refused: another replica took the post over",
                        outcome.channel(), outcome.localDate(), outcome.fence());
                return false;
            } catch (RuntimeException e) {
                last = e;
                log.warn("daily {} {}: recording the send failed (attempt {}): {}", outcome.channel(),
                        outcome.localDate(), attempt + 1, e.toString());
                sleeper.sleep(Duration.ofSeconds(1L << attempt));
            }
        }
        throw last;
    }

    private void failed(PostRecord p, int attempts, boolean retryable, Optional<Duration> retryAfter, String error,
                        Counters c) {
        switch (retry.afterFailure(attempts, retryable, retryAfter, error, clock.instant(), unit())) {
            case RetryPolicy.Decision.GiveUp g -> giveUp(p, PostState.FAILED, attempts, g.why(), c);
            case RetryPolicy.Decision.RetryAt r -> {
                if (r.at().isAfter(p.fireAt().plus(settings.catchUp()))) {
                    giveUp(p, PostState.SKIPPED, attempts, "a retry would be later than the catch-up window of "
                            + settings.catchUp() + ": " + error, c);
                    return;
                }
                log.warn("daily {} {}: attempt {} failed, retrying at {}: {}", p.channel(), p.localDate(), attempts,
                        r.at(), error);
                if (stale(store.markRetry(p.channel(), p.localDate(), p.claim(), attempts, r.at(), error), p)) {
                    return;
                }
                c.retried.incrementAndGet();
                observer.retried(p.channel().platform());
            }
        }
    }

    private void giveUp(PostRecord p, PostState state, int attempts, String error, Counters c) {
        log.error("daily {} {}: {} ({})", p.channel(), p.localDate(), state == PostState.SKIPPED ? "skipped" : "failed",
                error);
        if (stale(store.markGivenUp(p.channel(), p.localDate(), p.claim(), state, attempts, error), p)) {
            return;
        }
        (state == PostState.SKIPPED ? c.skipped : c.failed).incrementAndGet();
        observer.gaveUp(p.channel().platform(), state == PostState.SKIPPED ? "skipped" : "failed");
    }

    /** True, and logged, when a fenced write was refused because the claim was taken over. */
    private static boolean stale(boolean written, PostRecord p) {
        if (!written) {
            log.warn("daily {} {}: claim {} was taken over by another replica; this outcome was not recorded",
                    p.channel(), p.localDate(), p.claim());
        }
        return !written;
    }

    /** The delay before retry number {@code attempts}, as the retry policy draws it. */
    Duration backoff(int attempts) {
        return retry.backoff(attempts, unit());
    }

    private double unit() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    // ------------------------------------------------------------------ answers

    private void reveal(PostRecord p, Counters c) {
        InFlight mine = new InFlight(p, true);
        inFlight.put(mine, Boolean.TRUE);
        try {
            DailyPublisher publisher = publishers.get(p.channel().platform());
            QuestionBank b = bank.get();
            Optional<Question> q = b.question(p.questionId());
            int attempts = p.answerAttempts() + 1;
            if (publisher == null || q.isEmpty() || p.published().isEmpty()) {
                String why = publisher == null ? "no publisher for platform " + p.channel().platform()
                        : q.isEmpty() ? "question " + p.questionId() + " is no longer in the bank" : "the post has no message";
                log.error("daily {} {}: answer not revealed: {}", p.channel(), p.localDate(), why);
                stale(store.markRevealFailed(p.channel(), p.localDate(), p.claim(), attempts, why), p);
                return;
            }
            AnswerCard answer = Cards.answer(b, q.get(), p.lang(), true);
            try {
                publisher.postAnswer(p.channel(), p.published().get(), answer);
            } catch (PublishException e) {
                revealFailed(p, attempts, e.retryable(), e.retryAfter(), e.getMessage());
                return;
            } catch (RuntimeException e) {
                revealFailed(p, attempts, true, Optional.empty(), e.toString());
                return;
            }
            if (recordDurably(new Outcome.Revealed(p.channel(), p.localDate(), p.claim(), attempts))) {
                c.revealed.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("daily {} {}: could not record the answer's outcome: {}", p.channel(), p.localDate(),
                    e.toString(), e);
        } finally {
            inFlight.remove(mine);
        }
    }

    private void revealFailed(PostRecord p, int attempts, boolean retryable, Optional<Duration> retryAfter, String error) {
        switch (retry.afterFailure(attempts, retryable, retryAfter, error, clock.instant(), unit())) {
            case RetryPolicy.Decision.GiveUp g -> {
                log.error("daily {} {}: answer not revealed after {} attempt(s): {}", p.channel(), p.localDate(),
                        attempts, g.why());
                if (!stale(store.markRevealFailed(p.channel(), p.localDate(), p.claim(), attempts, g.why()), p)) {
                    observer.gaveUp(p.channel().platform(), "answer-failed");
                }
            }
            case RetryPolicy.Decision.RetryAt r -> {
                log.warn("daily {} {}: answer attempt {} failed, retrying at {}: {}", p.channel(), p.localDate(),
                        attempts, r.at(), error);
                stale(store.markRevealRetry(p.channel(), p.localDate(), p.claim(), attempts, r.at(), error), p);
            }
        }
    }

    // ------------------------------------------------------------------ on demand

    /**
     * Posts the channel's question for today (in the schedule's zone) now, unless the channel
     * already has today's post, then reveals the answers that became due.
     */
    public NowResult postNow(Schedule s) {
        Instant now = clock.instant();
        LocalDate date = LocalDate.ofInstant(now, s.zone());
        List<Question> pool = pool(s);
        if (pool.isEmpty()) {
            return new NowResult.NoQuestions();
        }
        Lang lang = s.lang().orElse(defaultLang);
        NowClaim claim = store.claimNow(s.channel(), date, lease(now), deck -> {
            Draw d = draw(pool, deck).orElseThrow();
            return new NewPost(date, now, d.questionId(), lang, s.thread(), s.revealAfter(), d.deckAfter());
        });
        return switch (claim) {
            case NowClaim.Exists e -> new NowResult.Exists(e.post());
            case NowClaim.Claimed mine -> sendNow(s, date, mine.post());
        };
    }

    private NowResult sendNow(Schedule s, LocalDate date, PostRecord claimed) {
        Counters c = new Counters();
        send(claimed, c);
        PostRecord after = store.post(s.channel(), date).orElseThrow();
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
        if (senders != null) {
            senders.shutdown();
            awaitUntil(senders, deadline);
            senders.shutdownNow();
        }
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
