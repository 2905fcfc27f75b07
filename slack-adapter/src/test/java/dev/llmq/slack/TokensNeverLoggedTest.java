package dev.llmq.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.config.StartupFailure;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import dev.llmq.core.testing.MemoryDaily;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MutableClock;
import dev.llmq.slack.fake.FakeSlack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Plants recognisable tokens, runs the bot through start-up, commands, presses, a daily post, the
 * App Home, a reconnect and a refused token, with every logger at DEBUG, and greps everything that
 * was logged or printed for them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TokensNeverLoggedTest {
    static final String BOT = "xoxb-PLANTED4bot4secret4a1b2c3d4e5";
    static final String APP = "xapp-1-PLANTED4app4secret4f6e5d4c3b2";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void noTokenInAnyLogLineOrOutput() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = ctx.getLogger("dev.llmq");
        Level rootBefore = root.getLevel();
        Level oursBefore = ours.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(ctx);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        ours.setLevel(Level.DEBUG);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
        StringBuilder messages = new StringBuilder();
        try {
            exercise(messages);
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.detachAppender(captured);
            root.setLevel(rootBefore);
            ours.setLevel(oursBefore);
        }

        StringBuilder all = new StringBuilder(messages).append('\n').append(printed.toString(StandardCharsets.UTF_8));
        for (ILoggingEvent e : List.copyOf(captured.list)) {
            all.append(e.getLoggerName()).append(' ').append(e.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
                    all.append(s.getSTEAsString()).append('\n');
                }
            }
            e.getMDCPropertyMap().forEach((k, v) -> all.append(k).append('=').append(v).append('\n'));
        }
        String text = all.toString();
        assertTrue(captured.list.size() > 50, "the capture works: " + captured.list.size() + " events");
        assertTrue(text.contains("Socket Mode"), "the SDK's debug logs were captured");
        assertTrue(text.contains("invalid_auth"), "the refused start-up was captured");
        for (String secret : List.of(BOT, APP, "PLANTED4bot4secret", "PLANTED4app4secret")) {
            assertFalse(text.contains(secret), "a token leaked into the logs or the output: " + secret);
        }
    }

    private void exercise(StringBuilder messages) throws Exception {
        QuestionBank bank = Fixtures.fixtureBank();
        SlackSettings settings;
        try (FakeSlack fake = new FakeSlack(BOT, APP)) {
            fake.user("U0ADMIN", true, false, "en-US").member("U0ADMIN", "C0TOKEN");
            MutableClock clock = new MutableClock(Fixtures.EPOCH);
            Decks decks = Decks.seeded(3, clock);
            settings = new SlackSettings(BOT, APP, Optional.of(fake.apiUrl()), Set.of());
            messages.append(settings).append('\n');
            try (SlackBot bot = new SlackBot(settings)) {
                MemoryDaily daily = new MemoryDaily(() -> bank, clock, List.of(bot.publisher()));
                bot.start(new Quizmaster(() -> bank, decks, new LangPolicy(Optional.empty()), Optional.of(daily.desk)).limitedBy(UserLimits.none()));
                fake.awaitConnections(1, WAIT);
                String reveal = FakeSlack.buttons(fake.commandAnswer("U0ADMIN", "C0TOKEN", "architecture", WAIT)
                        .get("blocks")).get("llmq-reveal");
                fake.press("U0ADMIN", "C0TOKEN", "1700000000.000001", "llmq-reveal", reveal).get(30, TimeUnit.SECONDS);
                fake.awaitCall(FakeSlack.RESPOND, c -> true, WAIT);
                fake.slashCommand("U0ADMIN", "C0TOKEN", "daily set 09:00 UTC").get(30, TimeUnit.SECONDS);
                fake.rateLimitNext(1, 1);
                fake.slashCommand("U0ADMIN", "C0TOKEN", "daily now").get(30, TimeUnit.SECONDS);
                // refused with a 429; once `daily now` has answered (the fourth response: the ask, the reveal,
                // daily set, daily now), the scheduler retries it
                fake.awaitCalls(FakeSlack.RESPOND, c -> true, 4, WAIT);
                clock.advance(java.time.Duration.ofSeconds(2));
                daily.scheduler.tick();
                fake.awaitCalls("chat.postMessage", c -> true, 2, WAIT);
                fake.appHomeOpened("U0ADMIN").get(30, TimeUnit.SECONDS);
                fake.awaitCall("views.publish", c -> true, WAIT);
                int opened = fake.connectionsOpened();
                fake.disconnect("refresh_requested");
                fake.awaitConnections(opened + 1, WAIT);
                fake.slashCommand("U0ADMIN", "C0TOKEN", "help").get(30, TimeUnit.SECONDS);
            }
        }
        // A token Slack refuses: the error says so without repeating it.
        try (FakeSlack other = new FakeSlack("xoxb-another", "xapp-another");
             SlackBot refused = new SlackBot(new SlackSettings(BOT, APP, Optional.of(other.apiUrl()), Set.of()))) {
            StartupFailure e = assertThrows(StartupFailure.class, () -> refused.start(Fixtures.quizmaster(1)));
            assertTrue(e.getMessage().startsWith("SLACK_BOT_TOKEN: Slack refused the bot token (invalid_auth)"), e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t).append('\n');
            }
        }
    }
}
