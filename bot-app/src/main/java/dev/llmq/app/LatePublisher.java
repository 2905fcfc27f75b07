package dev.llmq.app;

import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import java.time.Duration;
import java.util.Optional;

/**
 * A publisher whose platform connection arrives after the quizmaster is built (JDA creates the
 * Discord publisher once it is connected). Until then a post fails as retryable.
 */
final class LatePublisher implements DailyPublisher {
    private final String platform;
    private volatile DailyPublisher target;

    LatePublisher(String platform) {
        this.platform = platform;
    }

    void connect(DailyPublisher publisher) {
        if (!publisher.platform().equals(platform)) {
            throw new IllegalArgumentException(publisher.platform() + " is not " + platform);
        }
        this.target = publisher;
    }

    private DailyPublisher target() throws PublishException {
        DailyPublisher t = target;
        if (t == null) {
            throw new PublishException(platform + " is not connected yet", true, Optional.of(Duration.ofSeconds(30)), null);
        }
        return t;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public Published postQuestion(DailyPost post) throws PublishException {
        return target().postQuestion(post);
    }

    @Override
    public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) throws PublishException {
        target().postAnswer(channel, where, answer);
    }
}
