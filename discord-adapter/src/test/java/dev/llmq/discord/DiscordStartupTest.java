package dev.llmq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.config.StartupFailure;
import dev.llmq.discord.fake.CapturedLogs;
import dev.llmq.discord.fake.FakeDiscord;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Global registration, and start-up failures that must read well. */
class DiscordStartupTest {
    @Test
    void withoutAGuildIdTheCommandsAreRegisteredGlobally() throws Exception {
        int mark = CapturedLogs.mark();
        try (Harness h = Harness.start(Map.of(DiscordSettings.GUILD_ID, ""))) {
            FakeDiscord.Req put = h.fake.awaitRequest(r -> r.method().equals("PUT"), Harness.WAIT);
            assertEquals("applications/" + h.fake.appId + "/commands", put.path());
            assertEquals(DiscordCommands.all().size(), put.jsonArray().length());
            assertEquals(10, h.bot.commands().size());
            assertTrue(h.bot.describe().contains("global"), h.bot.describe());
            h.assertClean(mark, l -> false);
        }
    }

    @Test
    void aGuildTheBotIsNotInIsReportedClearly() throws Exception {
        try (FakeDiscord fake = new FakeDiscord(Harness.TOKEN)) {
            StartupFailure e = assertThrows(StartupFailure.class, () -> new DiscordBot(
                    DiscordSettings.fromEnv(Harness.env(fake, Map.of(DiscordSettings.GUILD_ID, "42"))), Harness.WAIT)
                    .start(Harness.core()));
            assertTrue(e.getMessage().contains("not a member of server 42"), e.getMessage());
            assertTrue(fake.requests("PUT", ".*").isEmpty(), "nothing registered");
        }
    }

    @Test
    void anUnreachableApiIsReportedClearly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DiscordSettings settings = DiscordSettings.fromEnv(Map.of(DiscordSettings.TOKEN, Harness.TOKEN,
                DiscordSettings.API_URL, "http://127.0.0.1:" + port + "/api/v10/",
                DiscordSettings.GATEWAY_URL, "ws://127.0.0.1:" + port + "/"));
        long t0 = System.nanoTime();
        StartupFailure e = assertThrows(StartupFailure.class,
                () -> new DiscordBot(settings, Duration.ofSeconds(5)).start(Harness.core()));
        assertTrue(e.getMessage().startsWith("DISCORD_API_URL: cannot connect to 127.0.0.1 (connection refused) ("), e.getMessage());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(20).toNanos());
    }
}
