package dev.llmq.core.daily;

import dev.llmq.core.port.out.PostLedger;
import dev.llmq.core.port.out.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes outcomes (a post sent, an answer revealed) before the sender moves on, retrying a failing
 * store briefly; senders that finish together share one transaction (group commit).
 */
final class OutcomeRecorder {
    private static final Logger log = LoggerFactory.getLogger(DailyScheduler.class);
    /** Tries to record a sent post before giving up (its lease then lets another replica take it over). */
    private static final int RECORD_ATTEMPTS = 4;

    private final PostLedger ledger;
    private final DailyScheduler.Sleeper sleeper;
    private final boolean group;

    OutcomeRecorder(PostLedger ledger, DailyScheduler.Sleeper sleeper, boolean group) {
        this.ledger = ledger;
        this.sleeper = sleeper;
        this.group = group;
    }

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
        if (!group) {
            return ledger.recordAll(List.of(outcome)).isEmpty();
        }
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
                    List<Outcome> refused = ledger.recordAll(group.stream().map(x -> x.outcome)
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
    boolean recordDurably(Outcome outcome) throws InterruptedException {
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
}
