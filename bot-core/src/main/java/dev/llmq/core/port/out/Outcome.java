package dev.llmq.core.port.out;

import dev.llmq.core.schedule.ChannelRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A successful send, as recorded in groups by {@link PostLedger#recordAll}; each names the fence
 * of the claim it was sent under, and is refused when that claim was taken over.
 */
public sealed interface Outcome {
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
