package dev.llmq.store.jdbc;

import dev.llmq.core.testing.TestPublisher;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One platform as several replicas see it: every call may be slow, rate limited (the channel's
 * limit or the whole platform's) or fail with a server error, drawn from a seeded random. A failed
 * call never lands; a slow one lands after its delay. The posts themselves go to one shared
 * {@link TestPublisher}, which counts them.
 */
final class ChaosPublisher implements DailyPublisher {
    enum Fault { NONE, SLOW, SLOWER_THAN_LEASE, CHANNEL_429, PLATFORM_429, SERVER_ERROR }

    /** Lets simulated time pass during a slow send, as the replicas' heartbeats would see it. */
    @FunctionalInterface
    interface Stall {
        void pass(Duration d) throws InterruptedException;
    }

    private final TestPublisher posts;
    private final Random random;
    private final Stall stall;
    private final Duration stallFor;
    final Map<Fault, AtomicInteger> drawn = new EnumMap<>(Fault.class);

    ChaosPublisher(TestPublisher posts, long seed, Stall stall, Duration stallFor) {
        this.posts = posts;
        this.random = new Random(seed);
        this.stall = stall;
        this.stallFor = stallFor;
        for (Fault f : Fault.values()) {
            drawn.put(f, new AtomicInteger());
        }
    }

    private Fault draw() {
        int roll;
        synchronized (random) {
            roll = random.nextInt(1000);
        }
        Fault f = roll < 30 ? Fault.SERVER_ERROR : roll < 50 ? Fault.CHANNEL_429 : roll < 60 ? Fault.PLATFORM_429
                : roll < 70 ? Fault.SLOWER_THAN_LEASE : roll < 150 ? Fault.SLOW : Fault.NONE;
        drawn.get(f).incrementAndGet();
        return f;
    }

    private int small(int bound) {
        synchronized (random) {
            return 1 + random.nextInt(bound);
        }
    }

    /** Throws the drawn failure, or waits the drawn delay; returns normally when the call should land. */
    private void chaos(boolean question) throws PublishException {
        Fault f = draw();
        try {
            switch (f) {
                case NONE -> {
                }
                case SLOW -> Thread.sleep(small(5));
                case SLOWER_THAN_LEASE -> {
                    if (question) {
                        stall.pass(stallFor);
                    }
                }
                case CHANNEL_429 -> throw new PublishException("HTTP 429 (channel)", true,
                        Optional.of(Duration.ofSeconds(small(5))), null);
                case PLATFORM_429 -> throw PublishException.platformRateLimit("HTTP 429 (global)",
                        Duration.ofSeconds(small(3)));
                case SERVER_ERROR -> throw new PublishException("HTTP 503", true, Optional.empty(), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted", true, Optional.empty(), e);
        }
    }

    @Override
    public String platform() {
        return posts.platform();
    }

    @Override
    public Published postQuestion(DailyPost post) throws PublishException {
        chaos(true);
        return posts.postQuestion(post);
    }

    @Override
    public Optional<Published> find(DailyPost post) throws PublishException {
        chaos(false);
        return posts.find(post);
    }

    @Override
    public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) throws PublishException {
        chaos(false);
        posts.postAnswer(channel, where, answer);
    }
}
