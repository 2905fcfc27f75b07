package dev.llmq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.LongAnswers;
import dev.llmq.core.testing.MutableClock;
import dev.llmq.slack.fake.FakeSlack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 17: the real Bolt on the shipped bank, at the fake Slack (which refuses blocks over
 * Slack's limits, as Slack does): the longest answers and code blocks are revealed whole, each
 * code block fenced in sections of at most 3,000 characters, in both languages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LongAnswersEndToEndTest {
    static final String BOT = "xoxb-test-bot";
    static final String APP = "xapp-test-app";
    static final String ALICE = "U0ALICE";
    static final Duration WAIT = Duration.ofSeconds(30);

    QuestionBank bank;
    FakeSlack fake;
    SlackBot bot;

    @BeforeAll
    void start() throws Exception {
        bank = LongAnswers.shippedBank();
        fake = new FakeSlack(BOT, APP).user(ALICE, false, false, "en-US");
        bot = new SlackBot(new SlackSettings(BOT, APP, Optional.of(fake.apiUrl()), Set.of()));
        bot.start(new Quizmaster(() -> bank, Decks.seeded(7, new MutableClock(Fixtures.EPOCH)),
                new LangPolicy(Optional.empty())).limitedBy(UserLimits.none()));
        fake.awaitConnections(1, WAIT);
    }

    @AfterAll
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void theLongestAnswersAreRevealedWholeWithinSlacksLimits() throws Exception {
        List<String> checked = new ArrayList<>();
        for (LongAnswers.Answer a : LongAnswers.shipped()) {
            Question q = bank.questions().stream().filter(x -> x.answer().get(a.lang()).equals(a.text()))
                    .findFirst().orElseThrow();
            long since = System.nanoTime();
            FakeSlack.Ack ack = fake.press(ALICE, "C0LONG", "1700000000.000001", "llmq-reveal",
                    "reveal:" + q.id() + ":" + a.lang().code()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(ack.payload().isEmpty(), a.name());
            FakeSlack.Call answer = fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= since, WAIT);
            assertFalse(FakeSlack.invalidBlocks(answer.blocks()), a.name() + ": Slack would refuse these blocks");
            List<String> code = new ArrayList<>();
            for (JsonElement b : JsonParser.parseString(answer.blocks()).getAsJsonArray()) {
                if (b.getAsJsonObject().get("type").getAsString().equals("section")) {
                    String text = b.getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
                    if (text.startsWith("```\n")) {
                        assertTrue(text.endsWith("\n```"), a.name() + ": a fence is left open");
                        code.add(text.substring(4, text.length() - 4));
                    }
                }
            }
            assertEquals(String.join("\n", LongAnswers.codeOf(a.text()).stream().map(Mrkdwn::escape).toList()),
                    String.join("\n", code), a.name() + ": the code did not come out whole");
            checked.add(a.name());
        }
        assertTrue(checked.size() >= Lang.values().length, checked.toString());
    }

}
