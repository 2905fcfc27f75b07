package dev.llmq.discord;

import static dev.llmq.discord.fake.FakeDiscord.opt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.discord.fake.CapturedLogs;
import dev.llmq.discord.fake.FakeDiscord;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

/** A dropped gateway connection is resumed (not re-identified) and interactions keep being answered. */
class GatewayResumeTest {
    @Test
    void aDroppedGatewayIsResumedAndTheNextInteractionIsAnswered() throws Exception {
        int mark = CapturedLogs.mark();
        try (Harness h = Harness.start()) {
            FakeDiscord fake = h.fake;
            assertEquals(4, fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "arch"))
                    .awaitCallback(Harness.WAIT).json().getInt("type"));

            fake.dropGateway();
            fake.awaitResumed(1, Harness.WAIT);
            assertEquals(1, fake.identifies().size(), "resumed, not identified again");
            DataObject resume = fake.resumes().get(0);
            assertTrue(resume.getLong("seq") >= 3, "READY, GUILD_CREATE and the interaction were seen: " + resume.getLong("seq"));
            String line = fake.gatewayConnections().get(1);
            assertTrue(line.startsWith("/resume?") && line.contains("encoding=json") && line.contains("v=10"),
                    "reconnects to resume_gateway_url: " + line);

            FakeDiscord.Interaction after = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "emergence"));
            DataObject body = after.awaitCallback(Harness.WAIT).json();
            assertEquals(4, body.getInt("type"));
            assertTrue(body.getObject("data").getArray("embeds").getObject(0).getString("title").startsWith("Emergent Abilities"));

            // An interaction sent while the connection is down is replayed on RESUME and answered too.
            fake.dropGateway();
            FakeDiscord.Interaction during = fake.slash(fake.admin, fake.general, "llmq-topics");
            fake.awaitResumed(2, Harness.WAIT);
            assertEquals(4, during.awaitCallback(Harness.WAIT).json().getInt("type"));
            assertEquals(1, fake.identifies().size());
            h.assertClean(mark, l -> false);
        }
    }
}
