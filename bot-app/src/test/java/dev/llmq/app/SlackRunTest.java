package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.llmq.slack.fake.FakeSlack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code llmq run} with the Slack variables, against the fake Slack: the wiring of bot-app. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlackRunTest {
    static final String BOT = "xoxb-run-test-bot-secret";
    static final String APP = "xapp-run-test-app-secret";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void runStartsSlackAnswersFromTheBundledBankAndStopsCleanly() throws Exception {
        try (FakeSlack fake = new FakeSlack(BOT, APP)) {
            fake.user("U0ADMIN", true, false, "en-US");
            Map<String, String> env = Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP,
                    "SLACK_API_URL", fake.apiUrl(), "LLMQ_HTTP_PORT", "off",
                    "LLMQ_DB_URL", "jdbc:sqlite:" + java.nio.file.Files.createTempDirectory("llmq-slack-run").resolve("llmq.db"));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Main main = new Main(env, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8), false);
            Config config = main.config().orElseThrow();
            List<dev.llmq.core.port.ChatPlatform> runners = Platforms.configured(config);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Platforms.run(main, config, runners));
            fake.awaitConnections(1, WAIT);

            JsonObject question = fake.commandAnswer("U0ADMIN", "C0RUN", "architecture", java.time.Duration.ofSeconds(30));
            String reveal = FakeSlack.buttons(question.get("blocks")).get("llmq-reveal");
            assertTrue(reveal.startsWith("reveal:arch-"), reveal);
            long since = System.nanoTime();
            fake.press("U0ADMIN", "C0RUN", "1700000000.000001", "llmq-reveal", reveal).get(30, TimeUnit.SECONDS);
            FakeSlack.Call answer = fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= since, WAIT);
            assertEquals("ephemeral", answer.params().get("response_type"));

            // Issue 14: Good under the answer is the presser's grade, answered privately with the day it comes back
            Map<String, String> grades = FakeSlack.buttons(com.google.gson.JsonParser.parseString(answer.params().get("blocks")));
            String good = grades.get("llmq-grade-3");
            assertTrue(good != null && good.startsWith("grade:arch-") && good.endsWith(":en:3"), grades.toString());
            long since3 = System.nanoTime();
            fake.press("U0ADMIN", "C0RUN", null, "llmq-grade-3", good).get(30, TimeUnit.SECONDS);
            FakeSlack.Call graded = fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= since3, WAIT);
            assertEquals("ephemeral", graded.params().get("response_type"));
            String due = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString();
            assertTrue(graded.blocks().contains("comes back to you on " + due + " (in 2 days)"), graded.blocks());

            long since2 = System.nanoTime();
            fake.slashCommand("U0ADMIN", "C0RUN", "daily now").get(30, TimeUnit.SECONDS);
            fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= since2, WAIT);
            assertTrue(fake.calls("chat.postMessage").stream().anyMatch(c -> "C0RUN".equals(c.params().get("channel"))),
                    "daily now posts through the Slack publisher wired into the desk");

            main.stop.complete(null);
            assertEquals(0, exit.get(30, TimeUnit.SECONDS));
            String printed = err.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("llmq: Slack started; stop with Ctrl-C."), printed);
            assertFalse(printed.contains(BOT) || printed.contains(APP), printed);
        }
    }

    @Test
    void aRefusedTokenEndsRunWithAClearMessage() throws Exception {
        try (FakeSlack fake = new FakeSlack("xoxb-the-right-one", APP)) {
            CliHarness r = CliHarness.run(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP,
                    "SLACK_API_URL", fake.apiUrl()), "", "run");
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().startsWith("llmq: SLACK_BOT_TOKEN: Slack refused the bot token (invalid_auth) ("), r.err());
            assertEquals(1, r.err().lines().count(), "one line: " + r.err());
            assertFalse(r.err().contains(BOT), r.err());
        }
    }

    @Test
    void badSlackSettingsAreUsageErrors() {
        CliHarness r = CliHarness.run(Map.of("SLACK_BOT_TOKEN", APP, "SLACK_APP_TOKEN", BOT), "", "run");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("look swapped"), r.err());
        assertFalse(r.err().contains("secret"), r.err());
        CliHarness none = CliHarness.run(Map.of(), "", "run");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("no platform is configured"), none.err());
    }
}
