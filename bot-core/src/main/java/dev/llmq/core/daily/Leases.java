package dev.llmq.core.daily;

import dev.llmq.core.port.out.PostLedger;
import dev.llmq.core.port.out.PostRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claims this scheduler is working on (sending a question or revealing an answer) and their
 * heartbeat: while a post is in flight its lease is renewed, so a send slower than the lease is
 * not taken over by another replica.
 */
final class Leases {
    private static final Logger log = LoggerFactory.getLogger(DailyScheduler.class);

    /**
     * A claimed post being worked on: sending its question, or revealing its answer, on
     * {@code worker} since {@code started}. Compared by identity: two tracks are two sends.
     */
    static final class InFlight {
        private final PostRecord post;
        private final boolean reveal;
        private final Instant started;
        private final Thread worker;
        /** Set once its deadline passed: the worker's interrupt is ours, not a shutdown's. */
        private volatile boolean abandoned;

        InFlight(PostRecord post, boolean reveal, Instant started, Thread worker) {
            this.post = post;
            this.reveal = reveal;
            this.started = started;
            this.worker = worker;
        }

        PostRecord post() {
            return post;
        }

        boolean reveal() {
            return reveal;
        }

        /** Marks it abandoned and interrupts its worker, which may be blocked in the platform's client. */
        void abandon() {
            abandoned = true;
            worker.interrupt();
        }

        boolean abandoned() {
            return abandoned;
        }
    }

    private final PostLedger ledger;
    private final Clock clock;
    private final Duration lease;
    private final Duration deadline;
    private final Map<InFlight, Boolean> inFlight = new ConcurrentHashMap<>();

    Leases(PostLedger ledger, Clock clock, Duration lease, Duration deadline) {
        this.ledger = ledger;
        this.clock = clock;
        this.lease = lease;
        this.deadline = deadline;
    }

    /** From now until {@link #untrack}, the heartbeat renews this claim (until its deadline). */
    InFlight track(PostRecord post, boolean reveal) {
        InFlight f = new InFlight(post, reveal, clock.instant(), Thread.currentThread());
        inFlight.put(f, Boolean.TRUE);
        return f;
    }

    /** False once the heartbeat found the claim taken over (or past its deadline): its sender must not start. */
    boolean holds(InFlight f) {
        return inFlight.containsKey(f);
    }

    void untrack(InFlight f) {
        inFlight.remove(f);
    }

    /**
     * Renews the lease of every post this scheduler is sending or revealing, so that a send slower
     * than the lease is not taken over by another replica. A lease that was taken over already (this
     * process stalled past it) is not renewed: the new holder owns the post, and this sender's
     * outcome will be refused by the fence. A send past its deadline is not renewed either: it is
     * handed to {@code overdue}, which records its outcome as unknown and abandons it.
     *
     * @return how many leases were renewed
     */
    int heartbeat(Consumer<InFlight> overdue) {
        int renewed = 0;
        for (InFlight f : inFlight.keySet()) {
            PostRecord p = f.post();
            Instant now = clock.instant();
            if (!now.isBefore(f.started.plus(deadline))) {
                if (inFlight.remove(f) != null) {
                    overdue.accept(f);
                }
                continue;
            }
            Instant until = now.plus(lease);
            boolean held;
            try {
                held = f.reveal() ? ledger.renewReveal(p.channel(), p.localDate(), p.claim(), until)
                        : ledger.renewSend(p.channel(), p.localDate(), p.claim(), until);
            } catch (RuntimeException e) {
                // One claim's failed renewal must not cost the others theirs: try it again next beat.
                log.warn("daily {} {}: lease not renewed this beat: {}", p.channel(), p.localDate(), e.toString());
                continue;
            }
            if (held) {
                renewed++;
            } else if (inFlight.remove(f) != null) {
                log.warn("daily {} {}: the claim {} was taken over by another replica while {}; its outcome will be "
                        + "refused", p.channel(), p.localDate(), p.claim(), f.reveal() ? "revealing" : "sending");
            }
        }
        return renewed;
    }
}
