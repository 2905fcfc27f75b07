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
 * The real JDA against the fake Discord, with a store that does not answer until the test lets it:
 * whatever waits on the store (a reveal, which records progress; the daily commands) is deferred
 * before the store is reached, and answered once it answers; an ask needs no store and is answered
 * at once. Order is asserted, not time: the defers arrive while the store is still held.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DiscordSlowStoreTest {
    @Test
    void whatWaitsOnTheStoreIsDeferredFirstAndAnsweredWhenTheStoreIs() throws Exception {
        GatedStore slow = new GatedStore(new MemoryStore());
        try (Harness h = Harness.start(Map.of(), Optional.of(slow.store))) {
            FakeDiscord fake = h.fake;
            Interaction ask = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "architecture"));
            DataObject card = ask.awaitCallback(Harness.WAIT).json();
            assertEquals(4, card.getInt("type"), "an ask needs no store: answered at once");
            String reveal = FakeDiscord.buttonIds(ask.message()).get(0);
            assertTrue(reveal.startsWith("reveal:"), reveal);

            List<Interaction> waiting = List.of(
                    fake.button(fake.member, ask.message(), reveal),
                    fake.subcommand(fake.admin, fake.general, "llmq-daily", "status"));
            for (Interaction i : waiting) {
                DataObject cb = i.awaitCallback(Harness.WAIT).json();
                assertEquals(5, cb.getInt("type"), "deferred while the store is held: " + cb);
                assertEquals(64, cb.getObject("data").getInt("flags", 0) & 64, "privately, as the answer will be");
            }
            assertTrue(slow.waited.get() >= 1, "the store was reached and kept waiting");
            slow.open();

            String answer = h.bank.question(reveal.split(":")[1]).orElseThrow().answer().get(Lang.EN);
            DataObject revealed = waiting.get(0).awaitOriginalEdit(Harness.WAIT).json();
            assertTrue(revealed.getArray("embeds").getObject(0).getString("description").contains(answer),
                    revealed.toString());
            DataObject status = waiting.get(1).awaitOriginalEdit(Harness.WAIT).json();
            assertTrue(status.toString().length() > 2, "the daily status is answered");
            assertEquals(List.of(), fake.problems());
        }
    }
}
