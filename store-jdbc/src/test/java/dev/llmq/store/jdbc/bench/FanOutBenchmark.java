package dev.llmq.store.jdbc.bench;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyScheduler;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.store.jdbc.JdbcStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N schedules due in the same minute, posted to a fake platform that allows R requests per second
 * (a token bucket holding one second's worth; past it a request is refused with a retry-after, as
 * Discord and Slack do) and answers each accepted request after a simulated network latency. The
 * floor is N / R seconds; the figure is the wall time from the tick's start until every post is in.
 *
 * <p>Usage: {@code FanOutBenchmark [sqlite|postgres] [schedules=10000] [rate=50] [senders=8] [latencyMs=30]
 * [slowMs=0]}: with {@code slowMs}, the send to one channel ({@code b0}) takes that long, and the
 * figure for the other channels is given apart.
 */
public final class FanOutBenchmark {
    /** A platform that accepts {@code rate} requests per second. */
    static final class RateLimitedPlatform implements DailyPublisher {
        private final double rate;
        private final long latencyNanos;
        private final long slowNanos;
        /** When the last post to a channel other than b0 was accepted (System.nanoTime). */
        volatile long lastOtherAt;
        private double tokens;
        private long last = System.nanoTime();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final AtomicInteger duplicates = new AtomicInteger();

        RateLimitedPlatform(double rate, long latencyMs, long slowMs) {
            this.rate = rate;
            this.slowNanos = TimeUnit.MILLISECONDS.toNanos(slowMs);
            this.tokens = rate;
            this.latencyNanos = TimeUnit.MILLISECONDS.toNanos(latencyMs);
        }

        /** Takes a token, or says how long until one is there. */
        private synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / rate * 1e9);
        }

        @Override
        public String platform() {
            return "bench";
        }

        @Override
        public Published postQuestion(DailyPost post) throws PublishException {
            long wait = take();
            if (wait > 0) {
                refused.incrementAndGet();
                // the bucket is the platform's, like Discord's global limit: every channel shares it
                throw PublishException.platformRateLimit("429 Too Many Requests", Duration.ofNanos(wait));
            }
            boolean slow = slowNanos > 0 && post.channel().channel().equals("b0");
            try {
                TimeUnit.NANOSECONDS.sleep(slow ? slowNanos : latencyNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!slow) {
                lastOtherAt = System.nanoTime();
            }
            if (!seen.add(post.nonce())) {
                duplicates.incrementAndGet();
            }
            return new Published("m" + accepted.incrementAndGet(), Optional.empty());
        }

        @Override
        public java.util.Optional<dev.llmq.core.port.out.Published> find(dev.llmq.core.port.out.DailyPost post) {
            return java.util.Optional.empty(); // a benchmark: every lease is kept
        }

        @Override
        public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) {
        }
    }

    public static void main(String[] args) throws Exception {
        String engine = args.length > 0 ? args[0] : "sqlite";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int senders = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int latency = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        int slowMs = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        QuestionBank bank = Fixtures.fixtureBank();
        Clock clock = Clock.systemUTC();
        RateLimitedPlatform platform = new RateLimitedPlatform(rate, latency, slowMs);
        try (JdbcStore store = BenchSupport.open(engine, clock);
             DailyScheduler scheduler = new DailyScheduler(store, () -> bank, List.of(platform), clock, Lang.EN,
                     DailyScheduler.Settings.defaults().withSenders(senders), new java.util.Random(1),
                     DailyScheduler.Sleeper.REAL)) {
            Instant due = clock.instant().minusSeconds(1);
            store.putSchedules(BenchSupport.schedules(n, due));
            System.out.printf("%s: %,d schedules due now; platform allows %d requests/s (latency %d ms); %d senders%n",
                    store.describe(), n, rate, latency, senders);
            // As in production: the scheduler's own ticker (every 5 s) and its senders; a 429 is a stored
            // retry that a later pass of the tick loop (or the next tick) takes.
            long t0 = System.nanoTime();
            scheduler.start();
            long deadline = t0 + java.util.concurrent.TimeUnit.SECONDS.toNanos(Math.max(60, 3L * n / rate));
            while (platform.accepted.get() < n && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            scheduler.awaitIdle(java.time.Duration.ofSeconds(30));
            String r = "ticker";
            LocalDate today = LocalDate.ofInstant(due, java.time.ZoneOffset.UTC);
            long sent = 0;
            for (int i = 0; i < n; i++) {
                if (store.post(new ChannelRef("bench", "space" + (i % 100), "b" + i), today)
                        .map(p -> p.state() == PostState.SENT).orElse(false)) {
                    sent++;
                }
            }
            double floor = (double) n / rate;
            System.out.printf("tick: %s%n", r);
            System.out.printf("posted %,d of %,d (recorded SENT: %,d) in %.1f s; floor %.1f s; ratio %.3f; "
                    + "429s: %,d; duplicates: %d%n", platform.accepted.get(), n, sent, seconds, floor, seconds / floor,
                    platform.refused.get(), platform.duplicates.get());
            if (slowMs > 0) {
                System.out.printf("one channel's send took %d ms; the other %,d posts were all in after %.1f s%n", slowMs,
                        n - 1, (platform.lastOtherAt - t0) / 1e9);
            }
        }
    }
}
