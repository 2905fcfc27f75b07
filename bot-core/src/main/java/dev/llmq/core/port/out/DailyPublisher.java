package dev.llmq.core.port.out;

import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.schedule.ChannelRef;

/**
 * The port each platform adapter implements so that the core can post daily questions.
 * Implementations render the reply records their own way and must never mention everyone.
 */
public interface DailyPublisher {
    /** The platform name used in {@link ChannelRef#platform()}: {@code discord}, {@code slack}, {@code console}. */
    String platform();

    /** Posts the question to the channel (opening a thread when asked) and says where it landed. */
    Published postQuestion(DailyPost post) throws PublishException;

    /** Posts a day's answer in that day's thread (or as a reply to its message). */
    void postAnswer(ChannelRef channel, Published where, AnswerCard answer) throws PublishException;
}
