package dev.llmq.core.testing;

import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A publisher that records what it was asked to post; it can be told to fail the next posts. */
public final class RecordingPublisher implements DailyPublisher {
    public record Answer(ChannelRef channel, Published where, AnswerCard answer) {
    }

    private final String platform;
    public final List<DailyPost> questions = new CopyOnWriteArrayList<>();
    public final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, Published> byNonce = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();

    public RecordingPublisher(String platform) {
        this.platform = platform;
    }

    /** The next {@code n} question posts throw a retryable failure. */
    public void failNext(int n) {
        failures.set(n);
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public Published postQuestion(DailyPost post) throws PublishException {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new PublishException("planned failure", true, Optional.empty(), null);
        }
        questions.add(post);
        int n = ids.incrementAndGet();
        Published where = new Published("m" + n, post.openThread() ? Optional.of("t" + n) : Optional.empty());
        byNonce.put(post.nonce(), where);
        return where;
    }

    /** The channel's history: a post already delivered is found by its key. */
    @Override
    public Optional<Published> find(DailyPost post) {
        return Optional.ofNullable(byNonce.get(post.nonce()));
    }

    @Override
    public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) {
        answers.add(new Answer(channel, where, answer));
    }
}
