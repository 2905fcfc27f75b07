package dev.llmq.core.daily;

import dev.llmq.core.port.out.DailyStore;
import dev.llmq.core.port.out.PostRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claims this scheduler is working on (sending a question or revealing an answer) and their
 * heartbeat: while a post is in flight its lease is renewed, so a send slower than the lease is
 * not taken over by another replica.
 */
final class Leases {
    private static final Logger log = LoggerFactory.getLogger(DailyScheduler.class);

    /** A claimed post being worked on: sending its question, or revealing its answer. */
    record InFlight(PostRecord post, boolean reveal) {
    }

    private final DailyStore store;
    private final Clock clock;
    private final Duration lease;
    private final Map<InFlight, Boolean> inFlight = new ConcurrentHashMap<>();

    Leases(DailyStore store, Clock clock, Duration lease) {
        this.store = store;
        this.clock = clock;
        this.lease = lease;
    }

    /** From now until {@link #untrack}, the heartbeat renews this claim. */
    InFlight track(PostRecord post, boolean reveal) {
        InFlight f = new InFlight(post, reveal);
        inFlight.put(f, Boolean.TRUE);
        return f;
    }

    void untrack(InFlight f) {
        inFlight.remove(f);
    }

    /**
     * Renews the lease of every post this scheduler is sending or revealing, so that a send slower
     * than the lease is not taken over by another replica. A lease that was taken over already (this
     * process stalled past it) is not renewed: the new holder owns the post, and this sender's
     * outcome will be refused by the fence.
     *
     * @return how many leases were renewed
     */
    int heartbeat() {
        int renewed = 0;
        for (InFlight f : inFlight.keySet()) {
            PostRecord p = f.post();
            Instant until = clock.instant().plus(lease);
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
}
