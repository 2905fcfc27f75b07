package dev.llmq.slack;

import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import java.util.Optional;

/**
 * Daily questions on Slack: the question with {@code chat.postMessage}; the previous day's answer
 * as a reply in that day's thread ({@code thread_ts} = the question's ts). Posts are paced per
 * channel and a 429's {@code Retry-After} is honoured (see {@link SlackPoster}).
 */
public final class SlackPublisher implements DailyPublisher {
    public static final String PLATFORM = "slack";

    private final SlackPoster poster;

    SlackPublisher(SlackPoster poster) {
        this.poster = poster;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public Published postQuestion(DailyPost post) throws PublishException {
        String ts = poster.post(post.channel().channel(), Optional.empty(), BlockKit.dailyQuestion(post));
        // On Slack a message's thread is named by the message's ts.
        return new Published(ts, post.openThread() ? Optional.of(ts) : Optional.empty());
    }

    @Override
    public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) throws PublishException {
        poster.post(channel.channel(), Optional.of(where.threadRef().orElse(where.messageRef())),
                BlockKit.dailyAnswer(answer));
    }
}
