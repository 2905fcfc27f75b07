package dev.llmq.discord;

import static dev.llmq.discord.fake.FakeDiscord.opt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.testing.GatedStore;
import dev.llmq.core.testing.MemoryStore;
import dev.llmq.discord.fake.FakeDiscord;
import dev.llmq.discord.fake.FakeDiscord.Interaction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real JDA against the fake Discord, with a store that does not answer until the test lets it
 * (the decks, the progress and the daily question all live in it, as in llmq.jar): whatever waits
 * on the store is deferred before the store answers, publicly or privately as its answer will be,
 * and answered once it does. Order is asserted, not time: the defers arrive while the store is held.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DiscordSlowStoreTest {
    @Test
    void whatWaitsOnTheStoreIsDeferredFirstAndAnsweredWhenTheStoreIs() throws Exception {
        GatedStore slow = new GatedStore(new MemoryStore());
        try (Harness h = Harness.start(Map.of(), Optional.of(slow.store))) {
            FakeDiscord fake = h.fake;
            Interaction ask = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "architecture"));
            Interaction unknown = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "cooking"));
            Interaction status = fake.subcommand(fake.admin, fake.general, "llmq-daily", "status");
            for (Interaction i : List.of(ask, unknown, status)) {
                DataObject cb = i.awaitCallback(Harness.WAIT).json();
                assertEquals(5, cb.getInt("type"), "deferred while the store is held: " + cb);
            }
            assertEquals(0, flags(ask) & 64, "an ask is deferred publicly, as its card will be");
            assertEquals(64, flags(status) & 64, "a daily command privately");
            assertTrue(slow.waited.get() >= 1, "the store was reached and kept waiting");
            slow.open();

            DataObject card = ask.reply(Harness.WAIT);
            String reveal = FakeDiscord.buttonIds(ask.message()).get(0);
            assertTrue(reveal.startsWith("reveal:") && card.getArray("embeds").length() == 1, card.toString());
            // A private answer to a public defer: the placeholder goes, and the notice comes privately.
            DataObject notice = unknown.reply(Harness.WAIT);
            assertEquals(64, notice.getInt("flags", 0) & 64, "the unknown topic is told privately: " + notice);
            assertTrue(notice.getString("content").contains("cooking"), notice.toString());
            unknown.awaitOriginalDeleted(Harness.WAIT);
            assertTrue(status.reply(Harness.WAIT).toString().length() > 2, "the daily status is answered");

            Interaction press = fake.button(fake.member, ask.message(), reveal);
            DataObject deferred = press.awaitCallback(Harness.WAIT).json();
            assertEquals(5, deferred.getInt("type"), "a reveal records progress: deferred");
            DataObject revealed = press.reply(Harness.WAIT);
            assertEquals(64, revealed.getInt("flags") & 64, "privately");
            String answer = h.bank.question(reveal.split(":")[1]).orElseThrow().answer().get(Lang.EN);
            assertTrue(revealed.getArray("embeds").getObject(0).getString("description").contains(answer),
                    revealed.toString());
            assertEquals(List.of(), fake.problems());
        }
    }

    private static int flags(Interaction i) {
        return i.awaitCallback(Harness.WAIT).json().optObject("data").map(d -> d.getInt("flags", 0)).orElse(0);
    }
}
