package dev.llmq.store.jdbc.bench;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyScheduler;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.port.out.StoredSchedule;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MutableClock;
import dev.llmq.store.jdbc.JdbcStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduler tick with many schedules of which few are due: N schedules fire far in the future,
 * and before each measured tick K of them (different ones each time) are made due. The tick finds
 * them through the next_fire_at index, claims them in one transaction, "sends" them to an instant
 * fake platform and records each outcome. Also times an idle tick (nothing due).
 *
 * <p>Usage: {@code TickBenchmark [sqlite|postgres] [schedules=100000] [due=10] [iterations=300]};
 * {@code -Dsenders=N} (default 1: the sends run inside the tick; with more, the tick returns once
 * they are started, as the scheduler runs by default with 8).
 */
public final class TickBenchmark {
    public static void main(String[] args) throws Exception {
        String engine = args.length > 0 ? args[0] : "sqlite";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int due = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        QuestionBank bank = Fixtures.fixtureBank();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T00:00:00Z"));
        AtomicInteger posted = new AtomicInteger();
        DailyPublisher instant = new DailyPublisher() {
            @Override
            public String platform() {
                return "bench";
            }

            @Override
            public Published postQuestion(DailyPost post) {
                return new Published("m" + posted.incrementAndGet(), Optional.of("t"));
            }

            @Override
            public java.util.Optional<dev.llmq.core.port.out.Published> find(dev.llmq.core.port.out.DailyPost post) {
                return java.util.Optional.empty(); // a benchmark: every lease is kept
            }

            @Override
            public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) {
            }
        };
        try (JdbcStore store = BenchSupport.open(engine, clock);
             DailyScheduler scheduler = new DailyScheduler(store, () -> bank, List.of(instant), clock, Lang.EN,
                     DailyScheduler.Settings.defaults().withSenders(Integer.getInteger("senders", 1)), new Random(1), d -> { })) {
            long t0 = System.nanoTime();
            Instant far = clock.instant().plus(Duration.ofDays(3650));
            store.putSchedules(BenchSupport.schedules(n, far));
            System.out.printf("%s: %,d schedules inserted in %.1f s%n", store.describe(), n, (System.nanoTime() - t0) / 1e9);
            Random random = new Random(42);
            List<StoredSchedule> all = BenchSupport.schedules(n, far);
            double[] busy = new double[iterations];
            double[] idle = new double[iterations];
            int warmup = Math.min(50, iterations / 5);
            for (int it = -warmup; it < iterations; it++) {
                clock.advance(Duration.ofDays(1));
                List<StoredSchedule> now = new ArrayList<>();
                for (int k = 0; k < due; k++) {
                    StoredSchedule s = all.get(random.nextInt(n));
                    now.add(new StoredSchedule(s.schedule(), clock.instant().minusSeconds(1), Optional.empty()));
                }
                store.putSchedules(now);
                int before = posted.get();
                long a = System.nanoTime();
                scheduler.tick();
                long b = System.nanoTime();
                // With several senders the tick returns once its posts are started: wait (not timed).
                scheduler.awaitIdle(Duration.ofSeconds(30));
                long b2 = System.nanoTime();
                scheduler.tick();
                long c = System.nanoTime();
                if (posted.get() - before < 1) {
                    throw new IllegalStateException("nothing was sent");
                }
                c -= b2 - b;
                if (it >= 0) {
                    busy[it] = (b - a) / 1e6;
                    idle[it] = (c - b) / 1e6;
                }
                // put the posted ones back far in the future (not timed), so that only the chosen ones are due
                List<StoredSchedule> back = new ArrayList<>();
                now.forEach(s -> back.add(new StoredSchedule(s.schedule(), far, Optional.empty())));
                store.putSchedules(back);
            }
            // The part that depends on how many schedules there are: finding the due ones through the
            // index and claiming them (one transaction), without sending.
            double[] claim = new double[iterations];
            for (int it = -warmup; it < iterations; it++) {
                clock.advance(Duration.ofDays(1));
                List<StoredSchedule> now = new ArrayList<>();
                for (int k = 0; k < due; k++) {
                    StoredSchedule s = all.get(random.nextInt(n));
                    now.add(new StoredSchedule(s.schedule(), clock.instant().minusSeconds(1), Optional.empty()));
                }
                store.putSchedules(now);
                java.time.LocalDate day = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
                long a = System.nanoTime();
                int got = store.claimDue(clock.instant(), 100, new dev.llmq.core.port.out.Lease("bench",
                        clock.instant().plusSeconds(300)), (d, deck) -> new dev.llmq.core.port.out.ClaimPlanner.Plan(far,
                        Optional.of(new dev.llmq.core.port.out.NewPost(day, d.nextFireAt(), "q", Lang.EN, true,
                                Optional.empty(), deck)))).size();
                long b = System.nanoTime();
                if (got < 1) {
                    throw new IllegalStateException("nothing claimed");
                }
                if (it >= 0) {
                    claim[it] = (b - a) / 1e6;
                }
                List<StoredSchedule> back = new ArrayList<>();
                now.forEach(s -> back.add(new StoredSchedule(s.schedule(), far, Optional.empty())));
                store.putSchedules(back);
            }
            report("find + claim " + due + " due of " + String.format("%,d", n), claim);
            report("tick with " + due + " due of " + String.format("%,d", n), busy);
            report("idle tick (nothing due)", idle);
            System.out.printf("posts sent: %,d%n", posted.get());
        }
    }

    static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%-34s median %.2f ms, p90 %.2f ms, p99 %.2f ms, mean %.2f ms (%d runs)%n", what,
                s[s.length / 2], s[(int) (s.length * 0.9)], s[(int) (s.length * 0.99)], Arrays.stream(s).average().orElse(0),
                s.length);
    }
}
