package dev.llmq.core.port.out;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.schedule.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel's post for one local date; (platform, channel, local date) is unique.
 *
 * @param attempts       send attempts so far
 * @param published      where it landed, once sent
 * @param revealAt       when the answer is due (while {@code answerState} is DUE), or the lease of its reveal
 * @param answerAttempts reveal attempts so far
 * @param fence          who holds the post and under which epoch, while it is claimed (to send it
 *                       or to reveal its answer); empty when nobody holds it
 * @param inDoubt        an earlier send's outcome is unknown: its holder's lease ran out while it
 *                       was sending, so the post may be in the channel already; the next sender
 *                       looks for it ({@link DailyPublisher#find}) before sending it again
 */
public record PostRecord(ChannelRef channel, LocalDate localDate, String questionId, Lang lang, boolean thread,
                         Instant fireAt, PostState state, int attempts, Optional<Published> published,
                         Optional<Instant> postedAt, Optional<Duration> revealAfter, AnswerState answerState,
                         Optional<Instant> revealAt, int answerAttempts, Optional<String> lastError,
                         Optional<Fence> fence, boolean inDoubt) {
    public PostRecord {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(localDate, "localDate");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(fireAt, "fireAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(revealAfter, "revealAfter");
        Objects.requireNonNull(answerState, "answerState");
        Objects.requireNonNull(revealAt, "revealAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(fence, "fence");
    }

    /** The fence of a post this process claimed; a post read without a claim has none. */
    public Fence claim() {
        return fence.orElseThrow(() -> new IllegalStateException(channel + " " + localDate + " is not claimed"));
    }
}
