package dev.llmq.core.port.out;

import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.schedule.ChannelRef;
import java.util.Optional;

/**
 * The port each platform adapter implements so that the core can post daily questions.
 * Implementations render the reply records their own way and must never mention everyone.
 */
public interface DailyPublisher {
    /** The platform name used in {@link ChannelRef#platform()}: {@code discord}, {@code slack}, {@code console}. */
    String platform();

    /** Posts the question to the channel (opening a thread when asked) and says where it landed. */
    Published postQuestion(DailyPost post) throws PublishException;

    /**
     * Looks in the channel's recent messages for this post, already delivered by an attempt whose
     * outcome is unknown (its sender died, or its store failed, between the send and the record).
     * The scheduler asks before it sends such a post again, so a delivered post is recorded, not
     * repeated. Each platform says how it recognises its post; none may simply answer empty unless
     * a repeat is impossible there.
     *
     * @return where the post already is, or empty when it is not in the channel
     * @throws PublishException when the channel cannot be read now (the send then waits for a retry)
     */
    Optional<Published> find(DailyPost post) throws PublishException;

    /**
     * Sends a member's daily reminder as a direct message ({@link ChannelRef#isMember()}). A reminder
     * whose outcome is unknown is not sent again (a missed nudge costs less than a repeated one),
     * so there is no {@code find} for it.
     *
     * @throws PublishException as {@link #postQuestion}; by default, because the platform has no
     *                          direct messages
     */
    default Published postReminder(ChannelRef member, Notice nudge) throws PublishException {
        throw new PublishException(platform() + " sends no direct messages", false, Optional.empty(), null);
    }

    /** Posts a day's answer in that day's thread (or as a reply to its message). */
    void postAnswer(ChannelRef channel, Published where, AnswerCard answer) throws PublishException;
}
