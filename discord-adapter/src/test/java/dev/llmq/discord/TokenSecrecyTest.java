package dev.llmq.discord;

import static dev.llmq.discord.fake.FakeDiscord.opt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.llmq.core.config.StartupFailure;
import dev.llmq.discord.fake.CapturedLogs;
import dev.llmq.discord.fake.FakeDiscord;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A planted token must never reach the logs or an error message, even at TRACE. */
class TokenSecrecyTest {
    /** The part of the planted token that no log line may contain. */
    private static final String SECRET = "DO_NOT_LOG_ME";

    @Test
    void aPlantedTokenNeverAppearsInTheLogsEvenAtTrace() throws Exception {
        Level old = CapturedLogs.rootLevel(Level.TRACE);
        int mark = CapturedLogs.mark();
        try (Harness h = Harness.start()) {
            FakeDiscord fake = h.fake;
            FakeDiscord.Interaction ask = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "arch"));
            ask.awaitCallback(Harness.WAIT);
            fake.button(fake.member, ask.message(), "hint:arch-families:en:1").awaitCallback(Harness.WAIT);
            FakeDiscord.Interaction now = fake.subcommand(fake.admin, fake.general, "llmq-daily", "now");
            now.awaitOriginalEdit(Harness.WAIT);
            fake.dropGateway(); // RESUME carries the token too
            fake.awaitResumed(1, Harness.WAIT);
            fake.slash(fake.member, fake.general, "llmq-help").awaitCallback(Harness.WAIT);
        } finally {
            CapturedLogs.rootLevel(old);
        }
        List<CapturedLogs.Line> lines = CapturedLogs.since(mark);
        assertTrue(lines.size() > 50, "the capture saw " + lines.size() + " lines");
        assertTrue(lines.stream().anyMatch(l -> l.level() == Level.TRACE && l.text().contains("INTERACTION_CREATE")),
                "TRACE lines were captured (the test can see gateway payloads)");
        assertTrue(lines.stream().anyMatch(l -> l.text().contains("Sending Identify-packet")));
        String leaks = lines.stream().filter(l -> l.text().contains(SECRET) || l.text().contains(Harness.TOKEN))
                .map(Object::toString).collect(Collectors.joining("\n"));
        assertEquals("", leaks);
    }

    @Test
    void aRefusedTokenIsReportedWithoutTheToken() {
        int mark = CapturedLogs.mark();
        try (FakeDiscord fake = new FakeDiscord("the-one-the-fake-accepts")) {
            StartupFailure e = assertThrows(StartupFailure.class, () -> new DiscordBot(
                    DiscordSettings.fromEnv(Harness.env(fake, Map.of())), Harness.WAIT).start(Harness.core()));
            assertTrue(e.getMessage().contains("refused the bot token"), e.getMessage());
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
            assertEquals(List.of(), CapturedLogs.since(mark).stream().filter(l -> l.text().contains(SECRET))
                    .collect(Collectors.toList()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void settingsHideTheToken() {
        DiscordSettings s = DiscordSettings.fromEnv(Map.of(DiscordSettings.TOKEN, Harness.TOKEN));
        assertFalse(s.toString().contains(SECRET), s.toString());
        assertTrue(s.toString().contains("(hidden)"));
    }
}
