package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {
    static final String PLANTED = "planted-token-5f0c9a1e-do-not-print";

    @Test
    void defaults() throws Exception {
        Config c = Config.fromEnv(Map.of());
        assertEquals(Config.DEFAULT_DB_URL, c.dbUrl());
        assertEquals(OptionalInt.of(8080), c.httpPort());
        assertEquals(Duration.ofHours(6), c.catchup());
        assertEquals(ZoneId.of("UTC"), c.defaultZone());
        assertEquals(Config.LogFormat.TEXT, c.logFormat());
        assertFalse(c.anyPlatform());
    }

    @Test
    void everythingSet(@TempDir Path dir) throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, PLANTED + "\n");
        Map<String, String> env = new HashMap<>();
        env.put("LLMQ_QUESTIONS", "a.yaml,b.yaml");
        env.put("LLMQ_DEFAULT_LANG", "zh");
        env.put("LLMQ_DEFAULT_ZONE", "Asia/Shanghai");
        env.put("LLMQ_LOG_FORMAT", "json");
        env.put("LLMQ_HTTP_PORT", "off");
        env.put("LLMQ_DB_URL", "jdbc:postgresql://db:5432/llmq");
        env.put("LLMQ_DB_USER", "llmq");
        env.put("LLMQ_DB_PASSWORD", "pw");
        env.put("LLMQ_CATCHUP", "90m");
        env.put("DISCORD_TOKEN_FILE", tokenFile.toString());
        env.put("DISCORD_GUILD_ID", "123456789012345678");
        env.put("DISCORD_API_URL", "http://127.0.0.1:9999/api/v10/");
        env.put("SLACK_BOT_TOKEN", "xoxb-1");
        env.put("SLACK_APP_TOKEN", "xapp-1");
        env.put("LLMQ_SLACK_ADMINS", "U1, U2");
        Config c = Config.fromEnv(env);
        assertEquals(2, c.questions().size());
        assertEquals(Optional.of(Lang.ZH), c.defaultLang());
        assertEquals(OptionalInt.empty(), c.httpPort());
        assertEquals(Duration.ofMinutes(90), c.catchup());
        assertEquals(PLANTED, c.discord().orElseThrow().token().reveal());
        assertEquals("http://127.0.0.1:9999/api/v10/", c.discord().orElseThrow().apiUrl().toString());
        assertEquals(java.util.Set.of("U1", "U2"), c.slack().orElseThrow().admins());
        assertFalse(c.toString().contains(PLANTED), c.toString());
        assertFalse(c.toString().contains("pw,"), c.toString());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "LLMQ_DB_URL       | mysql://x           | LLMQ_DB_URL must start with jdbc:sqlite: or jdbc:postgresql://",
        "LLMQ_DEFAULT_ZONE | Mars/Base           | LLMQ_DEFAULT_ZONE 'Mars/Base' is not an IANA time zone",
        "LLMQ_HTTP_PORT    | 70000               | LLMQ_HTTP_PORT must be 0-65535",
        "LLMQ_HTTP_PORT    | eighty              | LLMQ_HTTP_PORT must be a port number",
        "LLMQ_CATCHUP      | soon                | LLMQ_CATCHUP 'soon' is not a duration",
        "LLMQ_DEFAULT_LANG | fr                  | LLMQ_DEFAULT_LANG must be en or zh",
        "LLMQ_LOG_FORMAT   | xml                 | LLMQ_LOG_FORMAT must be text or json",
        "DISCORD_API_URL   | ftp://x             | DISCORD_API_URL 'ftp://x' is not an http(s) or ws(s) URL",
        "DISCORD_GUILD_ID  | general             | DISCORD_GUILD_ID must be a numeric server id",
    })
    void badValuesNameTheVariableInOneLine(String name, String value, String message) {
        Map<String, String> env = new HashMap<>(Map.of(name, value));
        if (name.startsWith("DISCORD_") && !name.equals("DISCORD_TOKEN")) {
            env.put("DISCORD_TOKEN", PLANTED);
        }
        ConfigException e = assertThrows(ConfigException.class, () -> Config.fromEnv(env));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(e.getMessage().contains(PLANTED));
    }

    @Test
    void secretFileProblemsNameTheFileNotTheSecret(@TempDir Path dir) throws Exception {
        ConfigException missing = assertThrows(ConfigException.class,
                () -> Config.fromEnv(Map.of("DISCORD_TOKEN_FILE", dir.resolve("nope").toString())));
        assertTrue(missing.getMessage().startsWith("DISCORD_TOKEN_FILE cannot read "), missing.getMessage());
        ConfigException both = assertThrows(ConfigException.class,
                () -> Config.fromEnv(Map.of("DISCORD_TOKEN", PLANTED, "DISCORD_TOKEN_FILE", "x")));
        assertFalse(both.getMessage().contains(PLANTED));
        ConfigException half = assertThrows(ConfigException.class, () -> Config.fromEnv(Map.of("SLACK_BOT_TOKEN", PLANTED)));
        assertTrue(half.getMessage().startsWith("SLACK_APP_TOKEN is missing"), half.getMessage());
    }

    @Test
    void dbDescriptionHidesCredentials() throws Exception {
        Config c = Config.fromEnv(Map.of("LLMQ_DB_URL", "jdbc:postgresql://u:p@db:5432/llmq?password=x"));
        assertEquals("jdbc:postgresql://db:5432/llmq", c.dbDescription());
        assertEquals("****", new Secret(PLANTED).toString());
    }
}
