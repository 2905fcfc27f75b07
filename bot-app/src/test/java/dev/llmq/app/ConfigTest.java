package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.config.StartupFailure;
import dev.llmq.core.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {
    static final String PLANTED = "planted-token-5f0c9a1e-do-not-print";

    @Test
    void defaults() throws Exception {
        Config c = Config.fromEnv(Map.of());
        assertEquals(OptionalInt.of(8080), c.httpPort());
        assertEquals(Duration.ofHours(6), c.catchup());
        assertEquals(Config.LogFormat.TEXT, c.logFormat());
        assertTrue(c.db().describe().contains("data/llmq.db"), c.db().describe());
        assertFalse(c.anyPlatform());
    }

    @Test
    void everythingSetAndNoSecretInToString(@TempDir Path dir) throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, PLANTED + "\n");
        Map<String, String> env = new HashMap<>();
        env.put("LLMQ_QUESTIONS", "a.yaml,b.yaml");
        env.put("LLMQ_DEFAULT_LANG", "zh");
        env.put("LLMQ_LOG_FORMAT", "json");
        env.put("LLMQ_HTTP_PORT", "off");
        env.put("LLMQ_DB_URL", "jdbc:postgresql://db:5432/llmq");
        env.put("LLMQ_DB_USER", "llmq");
        env.put("LLMQ_DB_PASSWORD", PLANTED + "-pw");
        env.put("LLMQ_CATCHUP", "1h30m");
        env.put("DISCORD_TOKEN_FILE", tokenFile.toString());
        env.put("DISCORD_GUILD_ID", "123456789012345678");
        env.put("SLACK_BOT_TOKEN", "xoxb-" + PLANTED);
        env.put("SLACK_APP_TOKEN", "xapp-" + PLANTED);
        env.put("LLMQ_SLACK_ADMINS", "U012ABCDEF,U034GHIJKL");
        Config c = Config.fromEnv(env);
        assertEquals(2, c.questions().size());
        assertEquals(Optional.of(Lang.ZH), c.defaultLang());
        assertEquals(OptionalInt.empty(), c.httpPort());
        assertEquals(Duration.ofMinutes(90), c.catchup());
        assertTrue(c.discord().isPresent() && c.slack().isPresent());
        assertFalse(c.toString().contains(PLANTED), c.toString());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "LLMQ_DB_URL       | mysql://x   | LLMQ_DB_URL: must start with",
        "LLMQ_HTTP_PORT    | 70000       | LLMQ_HTTP_PORT: '70000' is not a port (",
        "LLMQ_HTTP_PORT    | eighty      | LLMQ_HTTP_PORT: 'eighty' is not a port (",
        "LLMQ_CATCHUP      | soon        | LLMQ_CATCHUP: 'soon' is not a duration (",
        "LLMQ_DEFAULT_LANG | fr          | LLMQ_DEFAULT_LANG: 'fr' is not a language (use en or zh)",
        "LLMQ_LOG_FORMAT   | xml         | LLMQ_LOG_FORMAT: 'xml' is not a log format (use text or json)",
        "LLMQ_LOG_LEVEL    | loud        | LLMQ_LOG_LEVEL: 'loud' is not a log level (",
        "DISCORD_GUILD_ID  | general     | DISCORD_GUILD_ID: 'general' is not a server id (",
    })
    void badValuesNameTheVariableInOneLine(String name, String value, String message) {
        Map<String, String> env = new HashMap<>(Map.of(name, value));
        if (name.startsWith("DISCORD_")) {
            env.put("DISCORD_TOKEN", PLANTED);
        }
        ConfigException e = assertThrows(ConfigException.class, () -> Config.fromEnv(env));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertTrue(e.getMessage().endsWith(")"), "ends with what to do: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains(PLANTED), e.getMessage());
    }

    @Test
    void unreadableSecretFileIsNamedButTheSecretNever(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Config.fromEnv(Map.of("LLMQ_DB_URL", "jdbc:postgresql://db/llmq",
                        "LLMQ_DB_PASSWORD_FILE", dir.resolve("nope").toString())));
        assertTrue(e.getMessage().contains("LLMQ_DB_PASSWORD_FILE"), e.getMessage());
        ConfigException half = assertThrows(ConfigException.class, () -> Config.fromEnv(Map.of("SLACK_BOT_TOKEN", PLANTED)));
        assertTrue(half.getMessage().startsWith("SLACK_APP_TOKEN: is missing"), half.getMessage());
        assertFalse(half.getMessage().contains(PLANTED), half.getMessage());
    }

    @Test
    void severalBadSettingsAreAllReportedAtOnce(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.fromEnv(Map.of(
                "LLMQ_HTTP_PORT", "eighty", "LLMQ_DB_URL", "mysql://x", "SLACK_BOT_TOKEN_FILE", dir.resolve("nope").toString(),
                "SLACK_APP_TOKEN", PLANTED)));
        assertEquals(List.of("LLMQ_HTTP_PORT", "LLMQ_DB_URL", "SLACK_BOT_TOKEN_FILE"),
                e.problems().stream().map(StartupFailure::subject).collect(Collectors.toList()));
        assertFalse(e.problems().toString().contains(PLANTED));
    }
}
