package dev.llmq.core.daily;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.out.DailyObserver;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PostLedger;
import dev.llmq.core.port.out.PostRecord;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.quiz.Cards;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one claimed post (or reveals one answer) through its platform's publisher and records
 * what happened: sent, retried under the {@link RetryPolicy}, or given up. A post whose earlier
 * send may have landed (its lease lapsed mid-send) is looked for in the channel first.
 */
final class PostSender {
    private static final Logger log = LoggerFactory.getLogger(DailyScheduler.class);

    private final PostLedger ledger;
    private final Supplier<QuestionBank> bank;
    private final Map<String, DailyPublisher> publishers;
    private final Clock clock;
    private final DailyScheduler.Settings settings;
    private final RetryPolicy retry;
    private final RandomGenerator random;
    private final OutcomeRecorder recorder;
    private final Leases leases;
    private final Supplier<DailyObserver> observer;
    private final Supplier<Nudges> nudges;
    private final BooleanSupplier stopping;
    private final DailyScheduler.Sleeper sleeper;
    /** Until when each platform is paused by a platform-wide rate limit; channel limits pause nothing here. */
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    PostSender(PostLedger ledger, Supplier<QuestionBank> bank, Map<String, DailyPublisher> publishers, Clock clock,
               DailyScheduler.Settings settings, RandomGenerator random, OutcomeRecorder recorder, Leases leases,
               Supplier<DailyObserver> observer, Supplier<Nudges> nudges, BooleanSupplier stopping,
               DailyScheduler.Sleeper sleeper) {
        this.ledger = ledger;
        this.bank = bank;
        this.publishers = publishers;
        this.clock = clock;
        this.settings = settings;
        this.retry = new RetryPolicy(settings.maxAttempts(), settings.firstBackoff(), settings.maxBackoff());
        this.random = random;
        this.recorder = recorder;
        this.leases = leases;
        this.observer = observer;
        this.nudges = nudges;
        this.stopping = stopping;
        this.sleeper = sleeper;
    }

    /**
     * Waits while the platform is paused by a platform-wide rate limit: pacing, not a retry (the
     * refused post itself went back to the store). A channel's own limit never pauses the others.
     */
    private void awaitPlatform(String platform) throws InterruptedException {
        while (true) {
            Instant until = pausedUntil.get(platform);
            Instant now = clock.instant();
            if (until == null || !until.isAfter(now)) {
                return;
            }
            sleeper.sleep(Duration.between(now, until));
        }
    }

    /** Platform-wide waits one send sits out before its post goes back to the store. */
    private static final int MAX_PACED = 50;
    /** A platform-wide retry-after longer than this sends the post back to the store instead. */
    private static final Duration MAX_PACE = Duration.ofSeconds(30);

    /**
     * A short platform-wide rate limit pauses the platform's senders (this one included) until it
     * passes, and the post is sent again then, under the same claim: pacing, as the platforms' own
     * clients do. Anything else (a channel's limit, a long wait, an error) goes to the retry policy.
     *
     * @return true when the post should be sent again after the pause
     */
    private boolean paceOnly(String platform, PublishException e, int paced) {
        if (!e.platformWide() || e.retryAfter().isEmpty() || paced >= MAX_PACED
                || e.retryAfter().get().compareTo(MAX_PACE) > 0) {
            return false;
        }
        Instant until = clock.instant().plus(e.retryAfter().get());
        pausedUntil.merge(platform, until, (x, y) -> x.isAfter(y) ? x : y);
        return true;
    }

    /**
     * A claim made at {@code claimedAt} is safe to act on without asking the store while less than
     * a third of its lease has passed (the heartbeat's period): no replica may take it over before
     * the lease ends. Later (it waited for a sender, or the ticking thread sent others first) the
     * claim is renewed first, which also tells whether it still holds.
     */
    private boolean stillFresh(Instant claimedAt) {
        return clock.instant().isBefore(claimedAt.plus(settings.lease().dividedBy(3)));
    }

    void send(PostRecord p, Instant claimedAt, TickCounters c) {
        if (stopping.getAsBoolean()) {
            // Shutting down: hand the claim back at once instead of letting its lease run out.
            try {
                ledger.markRetry(p.channel(), p.localDate(), p.claim(), p.attempts(), clock.instant(),
                        "released at shutdown");
            } catch (RuntimeException e) {
                log.warn("daily {} {}: claim not released ({}); its lease will expire", p.channel(), p.localDate(),
                        e.toString());
            }
            return;
        }
        Leases.InFlight mine = leases.track(p, false);
        try {
            // A claimed post may have waited for a free sender: start only while the claim still holds
            // (renewing it), never after another replica took it over.
            if (!stillFresh(claimedAt)
                    && !ledger.renewSend(p.channel(), p.localDate(), p.claim(), clock.instant().plus(settings.lease()))) {
                log.warn("daily {} {}: claim {} was taken over before its send started; not sent here", p.channel(),
                        p.localDate(), p.claim());
                return;
            }
            DailyPublisher publisher = publishers.get(p.channel().platform());
            if (publisher == null) {
                giveUp(p, PostState.FAILED, p.attempts(), "no publisher for platform " + p.channel().platform(), c);
                return;
            }
            if (p.channel().isMember()) {
                remind(publisher, p, mine, c);
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
            deliver(p, mine, () -> publisher.postQuestion(post), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The store failed: the post keeps its lease and is taken over when the lease passes.
            log.error("daily {} {}: could not record the outcome: {}", p.channel(), p.localDate(), e.toString(), e);
        } finally {
            release(mine);
        }
    }

    /**
     * A member's reminder, under the claim like a post: nothing due, it is skipped for the day; in
     * doubt (an earlier send may have landed), it is recorded as sent and not sent again.
     */
    private void remind(DailyPublisher publisher, PostRecord p, Leases.InFlight mine, TickCounters c)
            throws InterruptedException {
        if (p.inDoubt()) {
            log.info("daily {} {}: reminder in doubt; not sent again", p.channel(), p.localDate());
            recorder.recordDurably(new Outcome.Sent(p.channel(), p.localDate(), p.claim(),
                    new Published("in-doubt", Optional.empty()), clock.instant(), p.attempts()));
            return;
        }
        Optional<Notice> nudge = nudges.get().nudge(p.channel(), p.lang(), clock.instant());
        if (nudge.isEmpty()) {
            if (!stale(ledger.markGivenUp(p.channel(), p.localDate(), p.claim(), PostState.SKIPPED, p.attempts(),
                    "nothing due"), p)) {
                c.skipped.incrementAndGet();
            }
            return;
        }
        deliver(p, mine, () -> publisher.postReminder(p.channel(), nudge.get()), c);
    }

    /** One call to the platform; what it returns says where the post landed. */
    @FunctionalInterface
    private interface Delivery {
        Published send() throws PublishException;
    }

    /**
     * Sends a claimed post (a question or a reminder) and records it as sent under the claim: paced
     * while the whole platform says "wait", never after the heartbeat found the claim taken over, and
     * a failure handed to the retry policy.
     */
    private void deliver(PostRecord p, Leases.InFlight mine, Delivery delivery, TickCounters c)
            throws InterruptedException {
        int attempts = p.attempts() + 1;
        Published where;
        int paced = 0;
        while (true) {
            awaitPlatform(p.channel().platform());
            if (!leases.holds(mine)) { // taken over while it waited: the new holder sends it
                log.warn("daily {} {}: claim {} lost before its send; not sent here", p.channel(), p.localDate(),
                        p.claim());
                return;
            }
            try {
                where = delivery.send();
                break;
            } catch (PublishException e) {
                if (paceOnly(p.channel().platform(), e, paced++)) {
                    continue; // the whole platform said "wait": everyone waits, then this goes first
                }
                // A rate limit (a retry-after) is the platform saying "later", not a failed attempt:
                // it does not count towards giving up. The catch-up window still bounds the wait.
                failed(p, e.retryAfter().isPresent() ? p.attempts() : attempts, e.retryable(), e.retryAfter(),
                        e.getMessage(), c);
                return;
            } catch (RuntimeException e) {
                failed(p, attempts, true, Optional.empty(), e.toString(), c);
                return;
            }
        }
        // Sent: from here on a failure must never lead to sending it again.
        if (recorder.recordDurably(new Outcome.Sent(p.channel(), p.localDate(), p.claim(), where, clock.instant(),
                attempts))) {
            c.sent.incrementAndGet();
        }
    }

    /** Stops tracking; the interrupt of an abandoned send is ours and must not reach the sender's next post. */
    private void release(Leases.InFlight mine) {
        leases.untrack(mine);
        if (mine.abandoned()) {
            Thread.interrupted();
        }
    }

    /**
     * A send (or reveal) past its deadline: its outcome is recorded as unknown, under its claim,
     * and its sender interrupted. The post goes back to the store in doubt, so whoever sends it
     * next looks for it in the channel first (a send that hangs may still land). Whatever the
     * abandoned send does afterwards is refused by the fence.
     */
    void abandon(Leases.InFlight f) {
        PostRecord p = f.post();
        String why = "no answer from the platform within the deadline of " + settings.sendDeadline().toSeconds() + " s";
        try {
            if (f.reveal()) {
                revealFailed(p, p.answerAttempts() + 1, true, Optional.empty(), why);
            } else {
                int attempts = p.attempts() + 1;
                switch (retry.afterFailure(attempts, true, Optional.empty(), why, clock.instant(), unit())) {
                    case RetryPolicy.Decision.GiveUp g -> unknownLater(p, attempts, clock.instant(), why);
                    case RetryPolicy.Decision.RetryAt r -> unknownLater(p, attempts, r.at(), why);
                }
            }
        } catch (RuntimeException e) {
            log.error("daily {} {}: abandoned at its deadline, but not recorded ({}); its lease will expire",
                    p.channel(), p.localDate(), e.toString());
        } finally {
            f.abandon();
        }
    }

    /**
     * Records an unknown outcome. Even past the last attempt the post is not given up: it may be
     * in the channel, and only the next look there can tell (the catch-up window still ends it).
     */
    private void unknownLater(PostRecord p, int attempts, Instant at, String why) {
        log.error("daily {} {}: send abandoned, outcome unknown; it is looked for in the channel at {}: {}",
                p.channel(), p.localDate(), at, why);
        stale(ledger.markUnknown(p.channel(), p.localDate(), p.claim(), attempts, at, why), p);
    }

    /**
     * For a post whose earlier send may have reached the channel (its sender's lease ran out while
     * sending): looks for it there first. Found, it is recorded where it is and not sent again.
     *
     * @return true when the post needs no send: found and recorded, or the channel could not be read
     *     (then it waits for a retry, still in doubt)
     */
    private boolean alreadyDelivered(DailyPublisher publisher, DailyPost post, PostRecord p, TickCounters c)
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
        if (recorder.recordDurably(new Outcome.Sent(p.channel(), p.localDate(), p.claim(), found.get(), clock.instant(),
                Math.max(1, p.attempts())))) {
            c.sent.incrementAndGet();
        }
        return true;
    }

    private void failed(PostRecord p, int attempts, boolean retryable, Optional<Duration> retryAfter, String error,
                        TickCounters c) {
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
                if (stale(ledger.markRetry(p.channel(), p.localDate(), p.claim(), attempts, r.at(), error), p)) {
                    return;
                }
                c.retried.incrementAndGet();
                observer.get().retried(p.channel().platform());
            }
        }
    }

    private void giveUp(PostRecord p, PostState state, int attempts, String error, TickCounters c) {
        log.error("daily {} {}: {} ({})", p.channel(), p.localDate(), state == PostState.SKIPPED ? "skipped" : "failed",
                error);
        if (stale(ledger.markGivenUp(p.channel(), p.localDate(), p.claim(), state, attempts, error), p)) {
            return;
        }
        (state == PostState.SKIPPED ? c.skipped : c.failed).incrementAndGet();
        observer.get().gaveUp(p.channel().platform(), state == PostState.SKIPPED ? "skipped" : "failed");
    }

    /** True, and logged, when a fenced write was refused because the claim was taken over. */
    private static boolean stale(boolean written, PostRecord p) {
        if (!written) {
            log.warn("daily {} {}: claim {} no longer holds the post (taken over by another replica, or abandoned "
                    + "at its deadline); this outcome was not recorded",
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

    void reveal(PostRecord p, Instant claimedAt, TickCounters c) {
        Leases.InFlight mine = leases.track(p, true);
        try {
            // As for a send: a claimed answer may have waited for a sender; reveal it only while the
            // claim still holds, never after another replica took it over (it would appear twice).
            if (!stillFresh(claimedAt)
                    && !ledger.renewReveal(p.channel(), p.localDate(), p.claim(), clock.instant().plus(settings.lease()))) {
                log.warn("daily {} {}: answer claim {} was taken over before it started; not revealed here",
                        p.channel(), p.localDate(), p.claim());
                return;
            }
            DailyPublisher publisher = publishers.get(p.channel().platform());
            QuestionBank b = bank.get();
            Optional<Question> q = b.question(p.questionId());
            int attempts = p.answerAttempts() + 1;
            if (p.channel().isMember()) { // a reminder has no answer: its turn in the ledger just ends
                stale(ledger.markRevealed(p.channel(), p.localDate(), p.claim(), p.answerAttempts()), p);
                return;
            }
            if (publisher == null || q.isEmpty() || p.published().isEmpty()) {
                String why = publisher == null ? "no publisher for platform " + p.channel().platform()
                        : q.isEmpty() ? "question " + p.questionId() + " is no longer in the bank" : "the post has no message";
                log.error("daily {} {}: answer not revealed: {}", p.channel(), p.localDate(), why);
                stale(ledger.markRevealFailed(p.channel(), p.localDate(), p.claim(), attempts, why), p);
                return;
            }
            // with the grade buttons: each member grades their own recall of yesterday's question
            AnswerCard answer = Cards.answer(b, q.get(), p.lang(), true, OptionalInt.empty(), true);
            awaitPlatform(p.channel().platform());
            if (!leases.holds(mine)) {
                log.warn("daily {} {}: answer claim {} lost before its reveal; not revealed here", p.channel(),
                        p.localDate(), p.claim());
                return;
            }
            try {
                publisher.postAnswer(p.channel(), p.published().get(), answer);
            } catch (PublishException e) {
                paceOnly(p.channel().platform(), e, 0); // pauses the platform's other sends; this one is stored
                revealFailed(p, e.retryAfter().isPresent() ? p.answerAttempts() : attempts, e.retryable(),
                        e.retryAfter(), e.getMessage());
                return;
            } catch (RuntimeException e) {
                revealFailed(p, attempts, true, Optional.empty(), e.toString());
                return;
            }
            if (recorder.recordDurably(new Outcome.Revealed(p.channel(), p.localDate(), p.claim(), attempts))) {
                c.revealed.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("daily {} {}: could not record the answer's outcome: {}", p.channel(), p.localDate(),
                    e.toString(), e);
        } finally {
            release(mine);
        }
    }

    private void revealFailed(PostRecord p, int attempts, boolean retryable, Optional<Duration> retryAfter, String error) {
        switch (retry.afterFailure(attempts, retryable, retryAfter, error, clock.instant(), unit())) {
            case RetryPolicy.Decision.GiveUp g -> {
                log.error("daily {} {}: answer not revealed after {} attempt(s): {}", p.channel(), p.localDate(),
                        attempts, g.why());
                if (!stale(ledger.markRevealFailed(p.channel(), p.localDate(), p.claim(), attempts, g.why()), p)) {
                    observer.get().gaveUp(p.channel().platform(), "answer-failed");
                }
            }
            case RetryPolicy.Decision.RetryAt r -> {
                log.warn("daily {} {}: answer attempt {} failed, retrying at {}: {}", p.channel(), p.localDate(),
                        attempts, r.at(), error);
                stale(ledger.markRevealRetry(p.channel(), p.localDate(), p.claim(), attempts, r.at(), error), p);
            }
        }
    }
}
