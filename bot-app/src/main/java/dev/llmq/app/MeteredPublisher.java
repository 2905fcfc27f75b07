package dev.llmq.app;

import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;

/** Counts daily posts by outcome (sent, retried, failed) around a platform's publisher. */
final class MeteredPublisher implements DailyPublisher {
    private final DailyPublisher delegate;
    private final Metrics metrics;

    MeteredPublisher(DailyPublisher delegate, Metrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public String platform() {
        return delegate.platform();
    }

    @Override
    public Published postQuestion(DailyPost post) throws PublishException {
        try {
            Published p = delegate.postQuestion(post);
            metrics.dailyPost(platform(), "sent");
            return p;
        } catch (PublishException | RuntimeException e) {
            metrics.dailyPost(platform(), "error"); // the scheduler's decision (retried or given up) is counted by it
            throw e;
        }
    }

    @Override
    public java.util.Optional<Published> find(DailyPost post) throws PublishException {
        java.util.Optional<Published> found = delegate.find(post);
        found.ifPresent(x -> metrics.dailyPost(delegate.platform(), "found"));
        return found;
    }

    @Override
    public Published postReminder(ChannelRef member, dev.llmq.core.port.in.Notice nudge) throws PublishException {
        Published p = delegate.postReminder(member, nudge);
        metrics.dailyPost(platform(), "reminder");
        return p;
    }

    @Override
    public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) throws PublishException {
        delegate.postAnswer(channel, where, answer);
        metrics.reveal(platform() + "-daily");
    }
}
