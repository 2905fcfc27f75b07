package dev.llmq.store.jdbc;

import dev.llmq.core.testing.TestPublisher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyScheduler;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.AnswerState;
import dev.llmq.core.port.out.PostRecord;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.FireTimes;
import dev.llmq.core.schedule.Schedule;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several scheduler instances, each with its own connection pool, share one database and tick at
 * the same moments from their own threads while simulated days go by. Every call to the platform
 * may be slow (some slower than two leases), rate limited or fail with a server error. Every
 * channel still gets exactly one post per local date, none is missed, and every answer is
 * revealed once, in its post's thread.
 */
abstract class ReplicasContract {
    static final int CHANNELS = 50;
    static final String[] ZONES = {"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Shanghai", "UTC"};
    static final String[] TIMES = {"02:30", "09:00", "01:45", "23:59", "00:00", "02:15"};
    /** Each simulated day ticks at 00:00 UTC and again this much later (retries need later ticks). */
    static final List<Duration> ROUNDS = List.of(Duration.ZERO, Duration.ofMinutes(10), Duration.ofHours(1));

    abstract DbConfig config();

    abstract int days();

    /**
     * Simulated time as the replicas see it: it moves forward in steps no longer than a third of
     * the lease, and after each step every replica's heartbeat runs, as each replica's own
     * heartbeat thread would in real time. One step at a time, whoever moves it.
     */
    static final class SimulatedTime {
        private final MutableClock clock;
        private final Duration beat;
        private final List<DailyScheduler> replicas = new CopyOnWriteArrayList<>();
        private final ReentrantLock lock = new ReentrantLock();

        SimulatedTime(MutableClock clock, Duration beat) {
            this.clock = clock;
            this.beat = beat;
        }

        void pass(Duration d) {
            Duration left = d;
            while (left.isPositive()) {
                Duration step = left.compareTo(beat) < 0 ? left : beat;
                lock.lock();
                try {
                    clock.advance(step);
                    replicas.forEach(DailyScheduler::heartbeat);
                } finally {
                    lock.unlock();
                }
                left = left.minus(step);
                Thread.onSpinWait();
            }
        }

        void passUntil(Instant t) {
            Duration d = Duration.between(clock.instant(), t);
            if (d.isPositive()) {
                pass(d);
            }
        }
    }

    @ParameterizedTest(name = "{0} replicas")
    @ValueSource(ints = {2, 3})
    void replicasUnderSlowSendsRateLimitsAndServerErrorsPostExactlyOnceAndRevealEveryAnswer(int replicas)
            throws Exception {
        QuestionBank bank = Fixtures.fixtureBank();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        MutableClock clock = new MutableClock(start);
        TestPublisher channels = new TestPublisher("test", clock);
        DbConfig config = config();
        // The simulation ticks a few times a day from 00:00 UTC, so a post is up to a day late: the
        // catch-up window is two days (a fall-back day can make two fires of a channel due in one tick).
        // Simulated time jumps while any sender stalls, so an unrelated send in flight could pass the
        // 3-minute send deadline in a few real milliseconds: the deadline has its own test
        // (SchedulerContract); here it is a day.
        DailyScheduler.Settings settings = DailyScheduler.Settings.defaults().withSenders(8).withBatch(25)
                .withCatchUp(Duration.ofHours(49))
                .withSendDeadline(Duration.parse(System.getProperty("chaos.deadline", "P1D")));
        SimulatedTime time = new SimulatedTime(clock, settings.lease().dividedBy(3));
        long seed = Long.getLong("chaos.seed", System.nanoTime());
        System.out.printf("[store-jdbc] chaos seed %d (rerun with -Dchaos.seed=%d)%n", seed, seed);
        ExecutorService threads = Executors.newFixedThreadPool(replicas);
        List<JdbcStore> stores = new ArrayList<>();
        List<DailyScheduler> schedulers = new ArrayList<>();
        List<ChaosPublisher> platforms = new ArrayList<>();
        try {
            for (int i = 0; i < replicas; i++) {
                JdbcStore store = JdbcStore.open(config, clock);
                stores.add(store);
                ChaosPublisher chaos = new ChaosPublisher(channels, seed + i, time::pass, settings.lease().multipliedBy(2));
                platforms.add(chaos);
                DailyScheduler s = new DailyScheduler(store, () -> bank, List.of(chaos), clock, Lang.EN, settings,
                        new Random(seed + 100 + i), time::pass);
                schedulers.add(s);
                time.replicas.add(s);
            }
            List<Schedule> schedules = new ArrayList<>();
            for (int i = 0; i < CHANNELS; i++) {
                Schedule s = new Schedule(new ChannelRef("test", "space", "c" + i), LocalTime.parse(TIMES[i % TIMES.length]),
                        ZoneId.of(ZONES[i % ZONES.length]), Schedule.EVERY_DAY, List.of(), Optional.empty(), true,
                        Optional.empty(), "admin");
                schedules.add(s);
                stores.get(0).putSchedule(s, FireTimes.next(s, start));
            }
            Instant end = start.plus(Duration.ofDays(days()));
            long t0 = System.nanoTime();
            for (int day = 1; day <= days(); day++) {
                Instant midnight = start.plus(Duration.ofDays(day));
                for (Duration offset : ROUNDS) {
                    time.passUntil(midnight.plus(offset));
                    tickAll(schedulers, threads);
                }
            }
            // Let the retries and reveals of the last days settle (posts that fall due meanwhile are
            // checked like the others).
            for (int round = 0; round < 60 && !settled(stores.get(0), schedules); round++) {
                time.pass(Duration.ofMinutes(10));
                tickAll(schedulers, threads);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("[store-jdbc] %s: %d simulated days x %d channels, %d replicas, faults %s: %.1f s%n",
                    config.describe(), days(), CHANNELS, replicas, platforms.get(0).drawn, seconds);

            Map<String, Long> perDay = channels.perChannelAndDay();
            assertTrue(perDay.values().stream().allMatch(n -> n == 1),
                    "duplicates: " + perDay.entrySet().stream().filter(e -> e.getValue() > 1).limit(10).toList());
            Instant last = clock.instant();
            for (Schedule s : schedules) {
                List<LocalDate> expected = new ArrayList<>();
                List<LocalDate> possible = new ArrayList<>();
                for (Instant t = FireTimes.next(s, start); !t.isAfter(last); t = FireTimes.next(s, t)) {
                    (t.isAfter(end) ? possible : expected).add(FireTimes.localDate(s, t));
                }
                List<LocalDate> got = channels.dates(s.channel().channel()).stream().sorted().toList();
                assertEquals(expected, got.stream().filter(d -> !possible.contains(d)).toList(),
                        "missed or extra posts in " + s.channel());
                assertTrue(possible.containsAll(got.subList(expected.size(), got.size())), s.channel().toString());

                List<PostRecord> rows = stores.get(0).posts(s.channel());
                assertEquals(got.size(), rows.size());
                assertTrue(rows.stream().allMatch(r -> r.state() == PostState.SENT), s.channel().toString());
                // Every answer but the latest post's (which waits for the next post) was revealed once,
                // in the thread of the post that the ledger kept.
                Map<Published, Long> answers = channels.answers.stream()
                        .filter(a -> a.channel().equals(s.channel()))
                        .collect(Collectors.groupingBy(TestPublisher.Answer::where, Collectors.counting()));
                for (int i = 0; i < rows.size(); i++) {
                    PostRecord r = rows.get(i);
                    if (i == rows.size() - 1) {
                        assertEquals(AnswerState.WAITING, r.answerState(), r.toString());
                    } else {
                        assertEquals(AnswerState.SENT, r.answerState(), r.toString());
                        assertEquals(1L, answers.get(r.published().orElseThrow()), "answers of " + r);
                    }
                }
                assertEquals(rows.size() - 1, answers.size(), "answers only in our posts' threads: " + s.channel());
            }
            assertTrue(channels.posts.size() >= CHANNELS * (days() - 1), "ran " + channels.posts.size() + " posts");
            for (ChaosPublisher p : platforms) {
                assertTrue(p.drawn.values().stream().allMatch(n -> n.get() > 0), "every fault happened: " + p.drawn);
            }
        } finally {
            threads.shutdownNow();
            schedulers.forEach(DailyScheduler::close);
            stores.forEach(JdbcStore::close);
        }
    }

    /** All replicas tick at once; the round ends when every send they started is done. */
    private static void tickAll(List<DailyScheduler> schedulers, ExecutorService threads) throws Exception {
        List<Future<DailyScheduler.TickReport>> ticks = new ArrayList<>();
        for (DailyScheduler s : schedulers) {
            ticks.add(threads.submit(s::tick));
        }
        for (Future<DailyScheduler.TickReport> f : ticks) {
            f.get();
        }
        for (DailyScheduler s : schedulers) {
            assertTrue(s.awaitIdle(Duration.ofSeconds(60)), "sends finished");
        }
    }

    /** Nothing left to send or reveal: every post SENT, every answer SENT except each channel's latest. */
    private static boolean settled(JdbcStore store, List<Schedule> schedules) {
        for (Schedule s : schedules) {
            List<PostRecord> rows = store.posts(s.channel());
            for (int i = 0; i < rows.size(); i++) {
                PostRecord r = rows.get(i);
                AnswerState want = i == rows.size() - 1 ? AnswerState.WAITING : AnswerState.SENT;
                if (r.state() != PostState.SENT || r.answerState() != want) {
                    return false;
                }
            }
        }
        return true;
    }
}
