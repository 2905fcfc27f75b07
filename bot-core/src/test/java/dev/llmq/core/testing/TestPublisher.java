package dev.llmq.core.testing;

import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** A fake platform: records posts and answers with the clock's time; can fail or "crash" on demand. */
public final class TestPublisher implements DailyPublisher {
    public record Post(DailyPost post, Instant at, Published where) {
    }

    public record Answer(ChannelRef channel, Published where, AnswerCard answer, Instant at) {
    }

    /** Thrown to simulate the process dying in the middle of a fan-out (not caught by the scheduler). */
    public static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        public Crash() {
            super("simulated crash");
        }
    }

    private final String platform;
    private final Clock clock;
    public final List<Post> posts = new CopyOnWriteArrayList<>();
    public final List<Answer> answers = new CopyOnWriteArrayList<>();
    /** A member's reminder as sent: to whom, what, when. */
    public record Reminder(ChannelRef member, dev.llmq.core.port.in.Notice nudge, Instant at) {
    }

    public final List<Reminder> reminders = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile Optional<Duration> failRetryAfter = Optional.empty();
    private volatile boolean failRetryable = true;
    private final AtomicInteger crashAfter = new AtomicInteger(-1);
    public final AtomicInteger attempts = new AtomicInteger();
    public final AtomicInteger finds = new AtomicInteger();

    public TestPublisher(String platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    public void failNext(int n, boolean retryable, Optional<Duration> retryAfter) {
        failRetryable = retryable;
        failRetryAfter = retryAfter;
        failures.set(n);
    }

    /** After {@code n} more successful posts, the next post attempt throws {@link Crash}. */
    public void crashAfter(int n) {
        crashAfter.set(n);
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public Published postQuestion(DailyPost post) throws PublishException {
        attempts.incrementAndGet();
        if (crashAfter.get() == 0) {
            throw new Crash();
        }
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new PublishException("planned failure", failRetryable, failRetryAfter, null);
        }
        crashAfter.getAndUpdate(n -> n > 0 ? n - 1 : n);
        int n = ids.incrementAndGet();
        Published where = new Published("m" + n, post.openThread() ? Optional.of("t" + n) : Optional.empty());
        posts.add(new Post(post, clock.instant(), where));
        return where;
    }

    /** The channel's history: a post already delivered is found by its key, as the platforms' adapters do. */
    @Override
    public Optional<Published> find(DailyPost post) {
        finds.incrementAndGet();
        return posts.stream().filter(p -> p.post().nonce().equals(post.nonce())).map(Post::where).findFirst();
    }

    @Override
    public Published postReminder(ChannelRef member, dev.llmq.core.port.in.Notice nudge) throws PublishException {
        attempts.incrementAndGet();
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new PublishException("planned failure", failRetryable, failRetryAfter, null);
        }
        reminders.add(new Reminder(member, nudge, clock.instant()));
        return new Published("r" + ids.incrementAndGet(), Optional.empty());
    }

    @Override
    public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) {
        answers.add(new Answer(channel, where, answer, clock.instant()));
    }

    /** Posts per (channel, local date); every value should be 1. */
    public Map<String, Long> perChannelAndDay() {
        return posts.stream().collect(Collectors.groupingBy(
                p -> p.post().channel().channel() + "|" + p.post().localDate(), Collectors.counting()));
    }

    public List<LocalDate> dates(String channel) {
        return posts.stream().filter(p -> p.post().channel().channel().equals(channel))
                .map(p -> p.post().localDate()).collect(Collectors.toList());
    }
}
