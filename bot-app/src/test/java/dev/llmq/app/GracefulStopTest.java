package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.daily.DailyScheduler;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.RecordingPublisher;
import dev.llmq.store.jdbc.DbConfig;
import dev.llmq.store.jdbc.JdbcStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sends a real SIGTERM to a process in the middle of its daily posts. */
class GracefulStopTest {
    @Test
    void sigtermLetsThePostsInFlightFinishAndHandsBackTheRest(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("llmq.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SigtermProbe.class.getName(), url)
                .redirectError(dir.resolve("probe.err").toFile()).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    queue.add(line);
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.start();
        String first;
        do {
            first = queue.poll(60, TimeUnit.SECONDS);
        } while (first != null && !first.startsWith("posting "));
        assertTrue(first != null, "the probe never started posting: " + lines);

        // SIGTERM, in the middle of the posts. (Process.destroy() would also close our end of the
        // child's stdout, losing what it prints while it stops; the handle only signals.)
        assertTrue(p.toHandle().destroy(), "SIGTERM not sent");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process did not stop: " + lines);
        reader.join(10_000);

        long posting = lines.stream().filter(l -> l.startsWith("posting ")).count();
        long posted = lines.stream().filter(l -> l.startsWith("posted ")).count();
        assertTrue(lines.contains("stopped"), "exit " + p.exitValue() + " " + lines + "\n" + Files.readString(dir.resolve("probe.err")));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("interrupted ")), "a post in flight was cut: " + lines);
        assertEquals(posting, posted, "every post in flight finished: " + lines);
        assertTrue(posted > 0 && posted < SigtermProbe.CHANNELS, "the stop came in the middle: " + lines);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (JdbcStore store = JdbcStore.open(DbConfig.fromEnv(Map.of("LLMQ_DB_URL", url)), Clock.systemUTC())) {
            long sent = 0;
            for (int i = 0; i < SigtermProbe.CHANNELS; i++) {
                if (store.post(new ChannelRef("probe", "space", "c" + i), today).map(r -> r.state() == PostState.SENT)
                        .orElse(false)) {
                    sent++;
                }
            }
            assertEquals(posted, sent, "what was posted is recorded as sent");
            // The claims were handed back: a new instance sends the rest now, not after the lease.
            RecordingPublisher next = new RecordingPublisher("probe");
            try (DailyScheduler scheduler = new DailyScheduler(store, Fixtures::fixtureBank, List.of(next), Clock.systemUTC(),
                    Lang.EN, DailyScheduler.Settings.defaults().withSenders(1), new Random(1), DailyScheduler.Sleeper.REAL)) {
                scheduler.tick();
            }
            assertEquals(SigtermProbe.CHANNELS - posted, next.questions.size(), "the rest were sent once, at once");
        }
    }
}
