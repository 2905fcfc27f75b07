package dev.llmq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.config.StartupFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackSettingsTest {
    static final String BOT = "xoxb-1-secret-bot";
    static final String APP = "xapp-1-secret-app";

    @Test
    void bothTokensAreNeeded() {
        assertEquals(Optional.empty(), SlackSettings.fromEnv(Map.of()));
        assertTrue(assertThrows(StartupFailure.class, () -> SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", BOT)))
                .getMessage().startsWith("SLACK_APP_TOKEN: is missing"));
        assertTrue(assertThrows(StartupFailure.class, () -> SlackSettings.fromEnv(Map.of("SLACK_APP_TOKEN", APP,
                "SLACK_BOT_TOKEN", " "))).getMessage().startsWith("SLACK_BOT_TOKEN: is missing"), "blank is unset");
        assertTrue(SlackSettings.configured(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN_FILE", "/x")));
    }

    @Test
    void tokensComeFromTheVariablesOrTheirFiles(@TempDir Path dir) throws IOException {
        Path bot = Files.writeString(dir.resolve("bot"), BOT + "\n");
        SlackSettings s = SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN_FILE", bot.toString(), "SLACK_APP_TOKEN", APP))
                .orElseThrow();
        assertEquals(BOT, s.botToken());
        assertEquals(APP, s.appToken());
        assertEquals(Optional.empty(), s.apiUrl());
        assertEquals(Set.of(), s.admins());
        assertEquals(Optional.empty(), s.proxyUrl());
    }

    @Test
    void badTokenFilesAreReportedWithoutTheToken(@TempDir Path dir) throws IOException {
        Map<String, String> missing = Map.of("SLACK_BOT_TOKEN_FILE", dir.resolve("nope").toString(), "SLACK_APP_TOKEN", APP);
        StartupFailure e = assertThrows(StartupFailure.class, () -> SlackSettings.fromEnv(missing));
        assertTrue(e.getMessage().startsWith("SLACK_BOT_TOKEN_FILE: cannot read ") && e.getMessage().contains("(no such file)"), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        e = assertThrows(StartupFailure.class, () -> SlackSettings.fromEnv(
                Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN_FILE", empty.toString())));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void swappedTokensAreCaughtWithoutPrintingThem() {
        StartupFailure e = assertThrows(StartupFailure.class,
                () -> SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", APP, "SLACK_APP_TOKEN", BOT)));
        assertTrue(e.getMessage().contains("swapped"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void apiUrlAdminsAndProxy() {
        SlackSettings s = SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP,
                "SLACK_API_URL", "http://127.0.0.1:8080/api", "LLMQ_SLACK_ADMINS", "U012ABC, W034DEF",
                "LLMQ_SLACK_PROXY", "http://proxy.internal:3128")).orElseThrow();
        assertEquals(Optional.of("http://127.0.0.1:8080/api/"), s.apiUrl());
        assertEquals(Set.of("U012ABC", "W034DEF"), s.admins());
        assertEquals(Optional.of("http://proxy.internal:3128"), s.proxyUrl());
        String shown = s.toString();
        assertFalse(shown.contains("secret"), shown);
        assertTrue(shown.contains("(redacted)"));
    }

    @Test
    void badApiUrlOrAdminIdIsACleanError() {
        StartupFailure e = assertThrows(StartupFailure.class, () -> SlackSettings.fromEnv(
                Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP, "SLACK_API_URL", "slack.com/api")));
        assertTrue(e.getMessage().startsWith("SLACK_API_URL: ") && e.getMessage().endsWith("is not an http(s) URL (for example https://slack.com/api/)"), e.getMessage());
        e = assertThrows(StartupFailure.class, () -> SlackSettings.fromEnv(
                Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP, "LLMQ_SLACK_ADMINS", "alice")));
        assertTrue(e.getMessage().contains("'alice'"), e.getMessage());
    }
}
