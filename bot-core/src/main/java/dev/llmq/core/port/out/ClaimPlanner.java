package dev.llmq.core.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, inside the store's claim transaction, what a due schedule does: which post (if any) to
 * claim and when the schedule fires next. The store holds the schedule's row lock meanwhile, so
 * the decision is taken by one replica only.
 */
@FunctionalInterface
public interface ClaimPlanner {
    Plan plan(StoredSchedule due, DeckState deck);

    /** @param post the post to claim, or empty when nothing is to be sent for this fire (skipped, no questions) */
    record Plan(Instant nextFireAt, Optional<NewPost> post) {
        public Plan {
            Objects.requireNonNull(nextFireAt, "nextFireAt");
            Objects.requireNonNull(post, "post");
        }
    }
}
