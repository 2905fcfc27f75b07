package dev.llmq.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.llmq.core.port.out.AnswerState;
import dev.llmq.core.port.out.Fence;
import dev.llmq.core.port.out.PostRecord;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.FireTimes;
import dev.llmq.core.schedule.Schedule;
import dev.llmq.discord.fake.FakeDiscord;
import dev.llmq.slack.fake.FakeSlack;
import dev.llmq.store.jdbc.DbConfig;
import dev.llmq.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code java -jar llmq.jar run} processes share one PostgreSQL, the fake Discord and the fake
 * Slack, with 20 channels (10 on each) due in the same minute. One process is killed with SIGKILL
 * in the middle of the fan-out, while a post it delivered has not been answered (so not recorded):
 * every channel still gets exactly one post, within a minute of its time. Then each channel's
 * schedule moves to a zone where it is already the next day, and the survivor's next post reveals
 * each first day's answer in that day's thread: nothing is lost.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ReplicaKilledIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The wall clock and the nano clock at one moment, to turn the fakes' nano stamps into instants. */
    private static final Instant WALL = Instant.now();
    private static final long NANOS = System.nanoTime();
    private static final int PER_PLATFORM = 10;
    /** Zones from UTC-12 to UTC+14, so that two of them are a date apart at any moment. */
    private static final List<String> ZONES = List.of("Etc/GMT+12", "Etc/GMT+6", "UTC", "Etc/GMT-6", "Pacific/Kiritimati");

    @Test
    void aReplicaKilledMidFanOutLosesNothingAndDuplicatesNothing(@TempDir Path dir) throws Exception {
        DbConfig db = postgres();
        try (FakeDiscord discord = new FakeDiscord("MTA5.replicas.token"); FakeSlack slack = new FakeSlack("xoxb-replicas", "xapp-replicas")) {
            List<Long> discordChannels = new ArrayList<>();
            for (int i = 0; i < PER_PLATFORM; i++) {
                discordChannels.add(discord.addTextChannel("study-" + i));
            }
            List<String> slackChannels = new ArrayList<>();
            for (int i = 0; i < PER_PLATFORM; i++) {
                slackChannels.add(String.format("C0STUDY%02d", i));
            }
            Map<String, String> env = new HashMap<>(Map.of(
                    "DISCORD_TOKEN", "MTA5.replicas.token", "DISCORD_API_URL", discord.apiUrl(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "DISCORD_GUILD_ID", discord.guild(),
                    "SLACK_BOT_TOKEN", "xoxb-replicas", "SLACK_APP_TOKEN", "xapp-replicas", "SLACK_API_URL", slack.apiUrl(),
                    "LLMQ_HTTP_PORT", "0", "LLMQ_DB_URL", db.url()));
            db.user().ifPresent(u -> env.put("LLMQ_DB_USER", u));
            Optional.ofNullable(System.getenv("LLMQ_TEST_PG_PASSWORD")).ifPresent(p -> env.put("LLMQ_DB_PASSWORD", p));

            try (LlmqProcess one = LlmqProcess.start(Artifacts.jdkJava(), Artifacts.jar(), env, dir, "run");
                 LlmqProcess two = LlmqProcess.start(Artifacts.jdkJava(), Artifacts.jar(), env, dir, "run");
                 JdbcStore store = JdbcStore.open(db, Clock.systemUTC())) {
                Map<String, LlmqProcess> byInstance = new HashMap<>();
                for (LlmqProcess p : List.of(one, two)) {
                    p.awaitErr("^llmq: Discord and Slack started", WAIT);
                    byInstance.put(p.awaitErr("daily scheduler (llmq-[0-9a-f]+) started", WAIT).group(1), p);
                }
                assertEquals(2, byInstance.size(), "two schedulers");

                // Posts are stored at once but answered 3 s later: a process killed then has
                // delivered posts it never recorded.
                discord.delayPosts(Duration.ofSeconds(3));
                slack.delayPosts(Duration.ofSeconds(3));

                // Day one: all 20 channels at the next minute that leaves 15 s to spare.
                Instant fire1 = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
                ZoneId[] pair = zonesADayApart(fire1);
                ZoneId dayOneZone = pair[0];
                LocalDate day1 = LocalDate.ofInstant(fire1, dayOneZone);
                // Interleaved, so that each process's first claims span both platforms.
                List<ChannelRef> channels = new ArrayList<>();
                for (int i = 0; i < PER_PLATFORM; i++) {
                    channels.add(new ChannelRef("discord", discord.guild(), Long.toUnsignedString(discordChannels.get(i))));
                    channels.add(new ChannelRef("slack", FakeSlack.TEAM, slackChannels.get(i)));
                }
                for (ChannelRef c : channels) {
                    schedule(store, c, fire1, dayOneZone);
                }

                // Kill a process that holds claims on posts the platforms already have, on both of them.
                LlmqProcess killed = null;
                long deadline = System.nanoTime() + WAIT.toNanos() + Duration.between(Instant.now(), fire1).toNanos();
                while (killed == null && System.nanoTime() < deadline) {
                    Map<String, java.util.Set<String>> deliveredUnrecorded = new HashMap<>();
                    for (ChannelRef c : channels) {
                        Optional<PostRecord> r = store.post(c, day1);
                        if (r.isPresent() && r.get().state() == PostState.PENDING && r.get().fence().isPresent()
                                && delivered(discord, slack, c) > 0) {
                            deliveredUnrecorded.computeIfAbsent(r.get().fence().map(Fence::owner).orElseThrow(),
                                    o -> new java.util.HashSet<>()).add(c.platform());
                        }
                    }
                    for (Map.Entry<String, java.util.Set<String>> e : deliveredUnrecorded.entrySet()) {
                        if (e.getValue().size() == 2) {
                            killed = byInstance.get(e.getKey());
                        }
                    }
                    if (killed == null) {
                        Thread.sleep(10);
                    }
                }
                if (killed == null) {
                    fail("no process was caught between delivered posts and their records on both platforms\n"
                            + one.err() + "\n" + two.err());
                }
                Instant killedAt = Instant.now();
                killed.sigkill(Duration.ofSeconds(30));
                LlmqProcess survivor = killed == one ? two : one;
                assertTrue(survivor.alive());
                discord.delayPosts(Duration.ZERO);
                slack.delayPosts(Duration.ZERO);

                // Every channel: exactly one post, recorded, within a minute of its time.
                awaitAll(store, channels, day1, r -> r.state() == PostState.SENT, Duration.ofSeconds(75));
                for (ChannelRef c : channels) {
                    assertEquals(1, delivered(discord, slack, c), "one day-one post in " + c);
                    Instant at = deliveredAt(discord, slack, c).get(0);
                    assertTrue(!at.isAfter(fire1.plusSeconds(60)), c + " posted at " + at + ", due " + fire1
                            + " (killed at " + killedAt + ")");
                }
                Instant last = channels.stream().map(c -> deliveredAt(discord, slack, c).get(0)).max(Instant::compareTo)
                        .orElseThrow();
                System.out.printf("[it] killed one replica %.1f s after the fire time; the last of 20 posts landed %.1f s "
                        + "after it; %d Discord and %d Slack history reads%n", Duration.between(fire1, killedAt).toMillis() / 1e3,
                        Duration.between(fire1, last).toMillis() / 1e3, discord.historyReads(),
                        slack.calls("conversations.history").size());
                assertTrue(discord.historyReads() > 0 && slack.calls("conversations.history").size() > 0,
                        "the survivor looked for the killed process's unrecorded posts on both platforms");

                // Day two: each schedule moves to a zone where it is already the next day.
                Instant fire2 = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
                ZoneId dayTwoZone = zoneOfDate(fire2, day1.plusDays(1));
                for (ChannelRef c : channels) {
                    schedule(store, c, fire2, dayTwoZone);
                }
                LocalDate day2 = day1.plusDays(1);
                awaitAll(store, channels, day1, r -> r.answerState() == AnswerState.SENT,
                        Duration.between(Instant.now(), fire2).plus(WAIT));
                for (ChannelRef c : channels) {
                    PostRecord first = store.post(c, day1).orElseThrow();
                    PostRecord second = store.post(c, day2).orElseThrow();
                    assertEquals(PostState.SENT, second.state(), c.toString());
                    assertEquals(AnswerState.WAITING, second.answerState(), c.toString());
                    assertEquals(2, delivered(discord, slack, c), "one post a day in " + c);
                    assertEquals(1, answers(discord, slack, c, first.published().orElseThrow().messageRef()),
                            "day one's answer, once, in its thread: " + c);
                }
                assertEquals(List.of(), discord.problems(), "the fake Discord saw no protocol problem");
                assertEquals(0, survivor.sigterm(WAIT), survivor.err());
            }
        }
    }

    private static void schedule(JdbcStore store, ChannelRef c, Instant fire, ZoneId zone) {
        LocalTime at = LocalTime.ofInstant(fire, zone);
        Schedule s = new Schedule(c, at, zone, Schedule.EVERY_DAY, List.of(), Optional.empty(), true, Optional.empty(),
                "admin");
        Instant next = FireTimes.next(s, fire.minusSeconds(1));
        assertEquals(fire, next);
        store.putSchedule(s, next);
    }

    /** A zone where it is some date at {@code fire} and another where it is the next (and no midnight near). */
    private static ZoneId[] zonesADayApart(Instant fire) {
        for (String a : ZONES) {
            LocalDate d = LocalDate.ofInstant(fire, ZoneId.of(a));
            if (!LocalDate.ofInstant(fire.plus(Duration.ofMinutes(10)), ZoneId.of(a)).equals(d)) {
                continue;
            }
            try {
                return new ZoneId[] {ZoneId.of(a), zoneOfDate(fire.plus(Duration.ofMinutes(3)), d.plusDays(1))};
            } catch (AssertionError e) {
                // no zone is at the next day then: try another
            }
        }
        throw new AssertionError("no two zones a date apart at " + fire);
    }

    private static ZoneId zoneOfDate(Instant at, LocalDate date) {
        for (String z : ZONES) {
            ZoneId zone = ZoneId.of(z);
            if (LocalDate.ofInstant(at, zone).equals(date)
                    && LocalDate.ofInstant(at.plus(Duration.ofMinutes(5)), zone).equals(date)) {
                return zone;
            }
        }
        throw new AssertionError("no zone where it is " + date + " at " + at);
    }

    /** The top-level daily posts in the channel. */
    private static int delivered(FakeDiscord discord, FakeSlack slack, ChannelRef c) {
        return deliveredAt(discord, slack, c).size();
    }

    private static List<Instant> deliveredAt(FakeDiscord discord, FakeSlack slack, ChannelRef c) {
        List<Instant> at = new ArrayList<>();
        if (c.platform().equals("discord")) {
            for (DataObject m : discord.messages(Long.parseUnsignedLong(c.channel()))) {
                if (m.getInt("type") == 0) {
                    at.add(OffsetDateTime.parse(m.getString("timestamp")).toInstant());
                }
            }
        } else {
            // When the fake received each chat.postMessage of a top-level message (history has no clock time).
            for (FakeSlack.Call call : slack.calls("chat.postMessage")) {
                if (c.channel().equals(call.params().get("channel")) && !call.params().containsKey("thread_ts")) {
                    at.add(WALL.plusNanos(call.atNanos() - NANOS));
                }
            }
        }
        return at;
    }

    /** Answers to the post {@code ref}: in its thread, or (Discord, no thread known) as a reply to it. */
    private static int answers(FakeDiscord discord, FakeSlack slack, ChannelRef c, String ref) {
        if (c.platform().equals("discord")) {
            int inThread = discord.messages(Long.parseUnsignedLong(ref)).size();
            long replies = discord.messages(Long.parseUnsignedLong(c.channel())).stream()
                    .filter(m -> m.getInt("type") == 19 && m.getObject("message_reference").getString("message_id").equals(ref))
                    .count();
            return inThread + (int) replies;
        }
        return (int) slack.history(c.channel()).stream()
                .filter(m -> m.has("thread_ts") && m.get("thread_ts").getAsString().equals(ref)).count();
    }

    private static void awaitAll(JdbcStore store, List<ChannelRef> channels, LocalDate date,
                                 java.util.function.Predicate<PostRecord> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (channels.stream().allMatch(c -> store.post(c, date).filter(done).isPresent())) {
                return;
            }
            Thread.sleep(200);
        }
        List<String> pending = channels.stream().filter(c -> store.post(c, date).filter(done).isEmpty())
                .map(c -> c + " " + store.post(c, date)).toList();
        fail("not done within " + timeout.toSeconds() + " s: " + pending);
    }

    /** The test PostgreSQL (as for the store tests), emptied; skipped without one, except in CI. */
    private static DbConfig postgres() throws Exception {
        String url = System.getenv("LLMQ_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true: the replica test must run here, but LLMQ_TEST_PG_URL is unset (.ci/run starts one)");
            }
            Assumptions.abort("LLMQ_TEST_PG_URL is unset: the two-process replica test is skipped");
        }
        DbConfig db = new DbConfig(url, Optional.ofNullable(System.getenv("LLMQ_TEST_PG_USER")),
                Optional.ofNullable(System.getenv("LLMQ_TEST_PG_PASSWORD")));
        try (Connection c = DriverManager.getConnection(url, db.user().orElse(null), System.getenv("LLMQ_TEST_PG_PASSWORD"));
             Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        return db;
    }
}
