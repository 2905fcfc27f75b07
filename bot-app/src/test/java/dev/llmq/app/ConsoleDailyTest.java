package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily question in the console, persisted in an SQLite file across runs. */
class ConsoleDailyTest {
    @TempDir
    Path dir;
    Path bankFile;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        bankFile = dir.resolve("questions.yaml");
        Files.write(bankFile, Fixtures.resource("fixture.yaml"));
        env = Map.of("LLMQ_DB_URL", "jdbc:sqlite:" + dir.resolve("data/llmq.db"), "LLMQ_QUESTIONS", bankFile.toString());
    }

    @Test
    void aScheduleSetInOneRunIsShownWithItsNextFireTimeInTheNext() {
        CliHarness set = CliHarness.run(env, "/llmq daily set 09:00 Asia/Shanghai\n/quit\n", "console");
        assertEquals(0, set.exitCode(), set.err());
        assertTrue(set.out().contains("Daily question set for this channel."), set.out());
        assertTrue(Files.exists(dir.resolve("data/llmq.db")), "the database is created on first start");

        CliHarness status = CliHarness.run(env, "/llmq daily status\n", "console");
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("#terminal  09:00 Asia/Shanghai  every day"), status.out());
        ZonedDateTime next = nextNineInShanghai();
        String expected = "next: " + DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT).format(next);
        assertTrue(status.out().contains(expected) || status.out().contains(
                "next: " + DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT).format(next.plusDays(1))),
                "expected " + expected + " in:\n" + status.out());

        CliHarness off = CliHarness.run(env, "/llmq daily off\n/llmq daily status\n", "console");
        assertTrue(off.out().contains("Daily question stopped"), off.out());
        assertTrue(off.out().contains("No daily question is set here."), off.out());
    }

    private static ZonedDateTime nextNineInShanghai() {
        ZonedDateTime now = Instant.now().atZone(ZoneId.of("Asia/Shanghai"));
        ZonedDateTime nine = now.toLocalDate().atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai"));
        return nine.isAfter(now) ? nine : nine.plus(Duration.ofDays(1));
    }

    @Test
    void nowPostsToTheTerminalOncePerDay() {
        CliHarness r = CliHarness.run(env, "/llmq daily now\n/llmq daily now\n", "console");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("[#terminal] Daily question · "), r.out());
        // no schedule is set: the reply says this is a one-off (issue 18)
        assertTrue(r.out().contains("Posted one question now. No daily question is set here"), r.out());
        assertTrue(r.out().contains("Today's question was already posted here"), r.out());
        assertEquals(r.out().indexOf("[#terminal] Daily question"), r.out().lastIndexOf("[#terminal] Daily question"));
    }

    @Test
    void aCorruptDatabaseGivesAClearErrorNamingTheFile() throws Exception {
        Path bad = dir.resolve("broken.db");
        Files.writeString(bad, "this is not a database, just text that fills a page ".repeat(200));
        CliHarness r = CliHarness.run(Map.of("LLMQ_DB_URL", "jdbc:sqlite:" + bad, "LLMQ_QUESTIONS", bankFile.toString()),
                "/llmq daily status\n", "console");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains(bad.toString()), r.err());
        assertTrue(r.err().contains("not a valid SQLite database"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aBadCatchUpIsRefusedWithItsName() {
        CliHarness r = CliHarness.run(Map.of("LLMQ_DB_URL", env.get("LLMQ_DB_URL"), "LLMQ_QUESTIONS", bankFile.toString(),
                "LLMQ_CATCHUP", "soon"), "", "console");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("LLMQ_CATCHUP"), r.err());
    }
}
