package dev.llmq.discord;

import static dev.llmq.discord.fake.FakeDiscord.opt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.Question;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.testing.LongAnswers;
import dev.llmq.discord.fake.CapturedLogs;
import dev.llmq.discord.fake.FakeDiscord;
import dev.llmq.discord.fake.FakeDiscord.Interaction;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17: the real bot on the shipped bank, at the fake Discord (which notes any embed over
 * Discord's limits): the longest answers and the longest code blocks are revealed whole, with
 * their code in fenced blocks, in both languages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongAnswersEndToEndTest {
    private Harness h;
    private FakeDiscord fake;

    @BeforeAll
    void start() throws Exception {
        h = Harness.start(LongAnswers.shippedBank());
        fake = h.fake;
    }

    @AfterAll
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void theLongestAnswersAreRevealedWholeWithinDiscordsLimits() throws Exception {
        int mark = CapturedLogs.mark();
        Interaction ask = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "basics"));
        ask.awaitCallback(Harness.WAIT);
        List<String> checked = new ArrayList<>();
        for (LongAnswers.Answer a : LongAnswers.shipped()) {
            Question q = h.bank.questions().stream().filter(x -> x.answer().get(a.lang()).equals(a.text()))
                    .findFirst().orElseThrow();
            Interaction press = fake.button(fake.member, ask.message(), "reveal:" + q.id() + ":" + a.lang().code());
            DataObject body = press.awaitCallback(Harness.WAIT).json();
            assertEquals(4, body.getInt("type"), a.name() + ": " + body);
            String description = body.getObject("data").getArray("embeds").getObject(0).getString("description");
            assertTrue(description.length() <= FakeDiscord.MAX_DESCRIPTION, a.name());
            for (String code : LongAnswers.codeOf(a.text())) {
                assertTrue(description.contains("\n" + code + "\n```"), a.name() + ": the code block is not whole");
                assertTrue(description.contains("```python\n") || description.contains("```\n"), a.name());
            }
            assertTrue(description.contains(firstLine(a.text())), a.name() + ": the answer does not start as written");
            checked.add(a.name());
        }
        assertTrue(checked.size() >= Lang.values().length, checked.toString());
        h.assertClean(mark, l -> false);
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }
}
