package dev.llmq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.config.StartupFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordSettingsTest {
    private static final String TOKEN = "abc.def.SECRET-PART";

    @Test
    void readsEveryVariable() {
        DiscordSettings s = DiscordSettings.fromEnv(Map.of(DiscordSettings.TOKEN, " " + TOKEN + "\n",
                DiscordSettings.GUILD_ID, "123456789012345678", DiscordSettings.API_URL, "http://127.0.0.1:9/api/v10",
                DiscordSettings.GATEWAY_URL, "ws://127.0.0.1:9/"));
        assertEquals(TOKEN, s.token());
        assertEquals(Optional.of(123456789012345678L), s.guildId());
        assertEquals(Optional.of("http://127.0.0.1:9/api/v10/"), s.apiUrl(), "a trailing slash is added");
        assertEquals(Optional.of("ws://127.0.0.1:9/"), s.gatewayUrl());
    }

    @Test
    void defaultsAreDiscords() {
        DiscordSettings s = DiscordSettings.fromEnv(Map.of(DiscordSettings.TOKEN, "Bot " + TOKEN, DiscordSettings.GUILD_ID, " "));
        assertEquals(TOKEN, s.token(), "a pasted 'Bot ' prefix is dropped");
        assertEquals(Optional.empty(), s.guildId());
        assertEquals(Optional.empty(), s.apiUrl());
        assertEquals(Optional.empty(), s.gatewayUrl());
        assertTrue(s.toString().contains("(global)") && s.toString().contains("(hidden)"), s.toString());
    }

    @Test
    void readsTheTokenFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        assertTrue(DiscordSettings.configured(Map.of(DiscordSettings.TOKEN_FILE, file.toString())));
        assertEquals(TOKEN, DiscordSettings.fromEnv(Map.of(DiscordSettings.TOKEN_FILE, file.toString())).token());
        assertMessage("DISCORD_TOKEN: both DISCORD_TOKEN and DISCORD_TOKEN_FILE are set (set only one of them)",
                Map.of(DiscordSettings.TOKEN, TOKEN, DiscordSettings.TOKEN_FILE, file.toString()));
    }

    @Test
    void badInputGetsAClearMessageWithoutTheToken(@TempDir Path dir) throws Exception {
        assertFalse(DiscordSettings.configured(Map.of()));
        assertMessage("DISCORD_TOKEN_FILE: cannot read " + dir.resolve("missing") + " (no such file)", Map.of(DiscordSettings.TOKEN_FILE, dir.resolve("missing").toString()));
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertMessage("DISCORD_TOKEN_FILE: " + empty + " is empty", Map.of(DiscordSettings.TOKEN_FILE, empty.toString()));
        assertMessage("DISCORD_TOKEN: does not look like a bot token", Map.of(DiscordSettings.TOKEN, "abc def SECRET-PART"));
        assertMessage("DISCORD_GUILD_ID: 'my-server' is not a server id", Map.of(DiscordSettings.TOKEN, TOKEN, DiscordSettings.GUILD_ID, "my-server"));
        assertMessage("DISCORD_GUILD_ID: '99999999999999999999' is not a server id", Map.of(DiscordSettings.TOKEN, TOKEN, DiscordSettings.GUILD_ID, "99999999999999999999"));
        assertMessage("DISCORD_API_URL: 'ftp://x/' is not a http/https URL (for example https://discord.com/api/v10/", Map.of(DiscordSettings.TOKEN, TOKEN, DiscordSettings.API_URL, "ftp://x/"));
        assertMessage("DISCORD_GATEWAY_URL: 'http://x/' is not a ws/wss URL", Map.of(DiscordSettings.TOKEN, TOKEN, DiscordSettings.GATEWAY_URL, "http://x/"));
    }

    private static void assertMessage(String expected, Map<String, String> env) {
        StartupFailure e = assertThrows(StartupFailure.class, () -> DiscordSettings.fromEnv(env));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertEquals(StartupFailure.Kind.SETTING, e.kind());
        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    }
}
