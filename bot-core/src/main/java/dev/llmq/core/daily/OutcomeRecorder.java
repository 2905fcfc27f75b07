package dev.llmq.core.daily;

import dev.llmq.core.port.out.PostLedger;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes outcomes (a post sent, an answer revealed) before the sender moves on, retrying a failing
 * store briefly. One write per outcome: a group commit of senders that finish together bought
 * 5-10% only when the store was the bottleneck (over 1,000 posts/s; see docs/benchmarks.md), far
 * above any platform's rate, so it was removed.
 */
final class OutcomeRecorder {
    private static final Logger log = LoggerFactory.getLogger(DailyScheduler.class);
    /** Tries to record a sent post before giving up (its lease then lets another replica take it over). */
    private static final int RECORD_ATTEMPTS = 4;

    private final PostLedger ledger;
    private final DailyScheduler.Sleeper sleeper;

    OutcomeRecorder(PostLedger ledger, DailyScheduler.Sleeper sleeper) {
        this.ledger = ledger;
        this.sleeper = sleeper;
    }

    /** Writes the outcome under its fence; false when the ledger refused it (the claim was taken over). */
    private boolean record(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Sent s -> ledger.markSent(s.channel(), s.localDate(), s.fence(), s.where(), s.postedAt(),
                    s.attempts());
            case Outcome.Revealed r -> ledger.markRevealed(r.channel(), r.localDate(), r.fence(), r.answerAttempts());
        };
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
