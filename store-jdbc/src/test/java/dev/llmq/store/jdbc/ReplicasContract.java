package dev.llmq.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyScheduler;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.PostRecord;
import dev.llmq.core.port.out.PostState;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two scheduler instances, each with its own connection pool, share one database and tick at the
 * same moments from two threads while simulated days go by: every channel gets exactly one post
 * per local date, and none is missed.
 */
abstract class ReplicasContract {
    static final int CHANNELS = 50;
    static final String[] ZONES = {"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Shanghai", "UTC"};
    static final String[] TIMES = {"02:30", "09:00", "01:45", "23:59", "00:00", "02:15"};

    abstract DbConfig config();

    abstract int days();

    @Test
    void twoReplicasPostExactlyOncePerChannelPerDayAndMissNothing() throws Exception {
        QuestionBank bank = Fixtures.fixtureBank();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        MutableClock clock = new MutableClock(start);
        TestPublisher publisher = new TestPublisher("test", clock);
        DbConfig config = config();
        // The simulation ticks once a day at 00:00 UTC, so every post is up to a day late: the catch-up
        // window is two days (a fall-back day can make two fires of a channel due in one tick).
        DailyScheduler.Settings settings = DailyScheduler.Settings.defaults().withSenders(Integer.getInteger("senders", 8)).withBatch(25).withCatchUp(Duration.ofHours(49));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (JdbcStore a = JdbcStore.open(config, clock); JdbcStore b = JdbcStore.open(config, clock);
             DailyScheduler one = new DailyScheduler(a, () -> bank, List.of(publisher), clock, Lang.EN, settings,
                     new Random(1), clock::advance);
             DailyScheduler two = new DailyScheduler(b, () -> bank, List.of(publisher), clock, Lang.EN, settings,
                     new Random(2), clock::advance)) {
            List<Schedule> schedules = new ArrayList<>();
            for (int i = 0; i < CHANNELS; i++) {
                Schedule s = new Schedule(new ChannelRef("test", "space", "c" + i), LocalTime.parse(TIMES[i % TIMES.length]),
                        ZoneId.of(ZONES[i % ZONES.length]), Schedule.EVERY_DAY, List.of(), Optional.empty(), true,
                        Optional.empty(), "admin");
                schedules.add(s);
                a.putSchedule(s, FireTimes.next(s, start));
            }
            Instant end = start.plus(Duration.ofDays(days()));
            Duration step = Duration.ofDays(1);
            long busyNanos = 0;
            while (clock.instant().isBefore(end)) {
                clock.advance(step);
                Future<DailyScheduler.TickReport> f1 = threads.submit(one::tick);
                Future<DailyScheduler.TickReport> f2 = threads.submit(two::tick);
                long t0 = System.nanoTime();
                f1.get();
                f2.get();
                // a tick starts its sends and returns; the simulated day ends when they are done
                assertTrue(one.awaitIdle(Duration.ofSeconds(60)) && two.awaitIdle(Duration.ofSeconds(60)));
                busyNanos += System.nanoTime() - t0;
            }

            System.out.printf("[store-jdbc] %s: %d simulated days x %d channels, two replicas: %.1f ms per day%n",
                    config.describe(), days(), CHANNELS, busyNanos / 1e6 / days());
            Map<String, Long> perDay = publisher.perChannelAndDay();
            assertTrue(perDay.values().stream().allMatch(n -> n == 1),
                    "duplicates: " + perDay.entrySet().stream().filter(e -> e.getValue() > 1).limit(10).toList());
            int expectedTotal = 0;
            for (Schedule s : schedules) {
                List<LocalDate> expected = new ArrayList<>();
                for (Instant t = FireTimes.next(s, start); !t.isAfter(end); t = FireTimes.next(s, t)) {
                    expected.add(FireTimes.localDate(s, t));
                }
                expectedTotal += expected.size();
                List<LocalDate> got = publisher.dates(s.channel().channel()).stream().sorted().toList();
                assertEquals(expected, got, "missed or extra posts in " + s.channel());
                List<PostRecord> rows = a.posts(s.channel());
                assertEquals(expected.size(), rows.size());
                assertTrue(rows.stream().allMatch(r -> r.state() == PostState.SENT), s.channel().toString());
            }
            assertEquals(expectedTotal, publisher.posts.size());
            assertTrue(expectedTotal >= CHANNELS * (days() - 1), "ran " + expectedTotal + " posts");
        } finally {
            threads.shutdownNow();
        }
    }
}
