package dev.llmq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** slack/manifest.yml says what the adapter needs: socket mode, /llmq, interactivity, App Home, and exactly its scopes. */
class ManifestTest {
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void manifestMatchesTheAdapter() throws IOException {
        Path file = Path.of("..", "slack", "manifest.yml");
        Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        Map<String, Object> settings = map(m, "settings");
        assertEquals(true, settings.get("socket_mode_enabled"));
        assertEquals(true, map(settings, "interactivity").get("is_enabled"));
        assertNull(map(settings, "interactivity").get("request_url"), "socket mode needs no URL");
        assertEquals(List.of("app_home_opened"), map(settings, "event_subscriptions").get("bot_events"));
        Map<String, Object> features = map(m, "features");
        assertEquals(true, map(features, "app_home").get("home_tab_enabled"));
        assertEquals(true, map(features, "app_home").get("messages_tab_enabled"));
        List<Map<String, Object>> commands = (List<Map<String, Object>>) features.get("slash_commands");
        assertEquals(1, commands.size());
        assertEquals("/llmq", commands.get(0).get("command"));
        assertNull(commands.get(0).get("url"), "socket mode needs no URL");
        List<String> scopes = (List<String>) map(map(m, "oauth_config"), "scopes").get("bot");
        assertEquals(SlackBot.SCOPES, new HashSet<>(scopes), "exactly the scopes the adapter uses");
        assertEquals(scopes.size(), new HashSet<>(scopes).size(), "no scope twice");
        assertTrue(map(m, "display_information").get("name") instanceof String);
    }
}
