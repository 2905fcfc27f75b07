package dev.llmq.slack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.methods.MethodsClient;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.Attachment;
import dev.llmq.core.port.in.FileReply;
import dev.llmq.slack.fake.FakeSlack;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real SDK's upload flow against the fake Slack: the bytes arrive, and a refusal says Slack's reason. */
class SlackFilesTest {
    static final String BOT = "xoxb-files-test";
    final FakeSlack fake;
    final SlackFiles files;

    SlackFilesTest() throws Exception {
        fake = new FakeSlack(BOT, "xapp-files-test");
        MethodsClient methods = SlackClients.slack(new SlackSettings(BOT, "xapp-files-test",
                Optional.of(fake.apiUrl()), Set.of())).methods(BOT);
        files = new SlackFiles(methods);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    static FileReply card() {
        return new FileReply(Lang.EN, "Your study card.", new Attachment("llmq-stats-2026-12-01.png", "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}), true, List.of());
    }

    @Test
    void anUploadReachesTheChannelWithItsBytesAndCaption() throws Exception {
        String dm = files.directChannel("U0MEMBER");
        assertEquals("DU0MEMBER", dm);
        files.upload(dm, card());
        FakeSlack.SharedFile f = fake.awaitSharedFile(1, Duration.ofSeconds(10));
        assertEquals(Optional.of("DU0MEMBER"), f.channel());
        assertEquals("llmq-stats-2026-12-01.png", f.name());
        assertEquals("Your study card.", f.initialComment());
        assertArrayEquals(card().file().bytes(), f.bytes());
    }

    @Test
    void aRefusedUploadSaysSlacksReason() {
        fake.notIn("C0PRIVATE");
        IOException e = assertThrows(IOException.class, () -> files.upload("C0PRIVATE", card()));
        assertTrue(e.getMessage().contains("not_in_channel"), e.getMessage());
        assertEquals(List.of(), fake.sharedFiles());
    }
}
