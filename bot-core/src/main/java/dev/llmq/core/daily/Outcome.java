package dev.llmq.core.daily;

import dev.llmq.core.port.out.Fence;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a sender records once the platform accepted its call: the post was sent, or the answer
 * revealed. Each names the fence of the claim it was made under; the ledger refuses it when that
 * claim was taken over.
 */
sealed interface Outcome {
    ChannelRef channel();

    LocalDate localDate();

    Fence fence();

    /** A question was posted. */
    record Sent(ChannelRef channel, LocalDate localDate, Fence fence, Published where, Instant postedAt, int attempts)
            implements Outcome {
        public Sent {
            Objects.requireNonNull(fence, "fence");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(localDate, "localDate");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(postedAt, "postedAt");
        }
    }

    /** An answer was revealed. */
    record Revealed(ChannelRef channel, LocalDate localDate, Fence fence, int answerAttempts) implements Outcome {
        public Revealed {
            Objects.requireNonNull(fence, "fence");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(localDate, "localDate");
        }
    }
}
