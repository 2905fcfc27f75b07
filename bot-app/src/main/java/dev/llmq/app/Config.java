package dev.llmq.app;

import dev.llmq.core.daily.DailyArgs;
import dev.llmq.core.i18n.Lang;
import dev.llmq.discord.DiscordSettings;
import dev.llmq.slack.SlackSettings;
import dev.llmq.store.jdbc.DbConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every setting of llmq, typed and validated, built from environment variables in one place. A
 * bad value stops start-up with a one-line message naming the variable. Every secret has a
 * {@code _FILE} variant, and no secret appears in a message or in {@code toString()}. The store
 * and each platform validate their own part ({@link DbConfig}, {@link DiscordSettings},
 * {@link SlackSettings}); this record holds them together.
 */
record Config(
        List<Path> questions,
        Optional<Lang> defaultLang,
        LogFormat logFormat,
        OptionalInt httpPort,
        DbConfig db,
        Duration catchup,
        Optional<DiscordSettings> discord,
        Optional<SlackSettings> slack) {

    enum LogFormat { TEXT, JSON }

    static final int DEFAULT_HTTP_PORT = 8080;
    static final Duration DEFAULT_CATCHUP = Duration.ofHours(6);

    static Config fromEnv(Map<String, String> env) throws ConfigException {
        Env e = new Env(env);
        List<Path> questions = e.get("LLMQ_QUESTIONS").map(BankLocation::split).orElse(List.of());
        Optional<Lang> lang = Optional.empty();
        if (e.get("LLMQ_DEFAULT_LANG").isPresent()) {
            lang = Optional.of(Lang.parse(e.get("LLMQ_DEFAULT_LANG").get())
                    .orElseThrow(() -> new ConfigException("LLMQ_DEFAULT_LANG must be en or zh")));
        }
        String format = e.get("LLMQ_LOG_FORMAT").orElse("text");
        LogFormat logFormat = switch (format) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new ConfigException("LLMQ_LOG_FORMAT must be text or json");
        };
        if (e.get("LLMQ_LOG_LEVEL").isPresent()
                && !e.get("LLMQ_LOG_LEVEL").get().matches("(?i)TRACE|DEBUG|INFO|WARN|ERROR|OFF")) {
            throw new ConfigException("LLMQ_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
        }
        OptionalInt port = httpPort(e.get("LLMQ_HTTP_PORT").orElse(String.valueOf(DEFAULT_HTTP_PORT)));
        Duration catchup = DEFAULT_CATCHUP;
        if (e.get("LLMQ_CATCHUP").isPresent()) {
            String v = e.get("LLMQ_CATCHUP").get();
            catchup = DailyArgs.duration(v).orElseThrow(() -> new ConfigException(
                    "LLMQ_CATCHUP must be a duration such as 6h, 90m, 1h30m or PT6H, not '" + v + "'"));
        }
        boolean bot = e.get("SLACK_BOT_TOKEN").isPresent() || e.get("SLACK_BOT_TOKEN_FILE").isPresent();
        boolean app = e.get("SLACK_APP_TOKEN").isPresent() || e.get("SLACK_APP_TOKEN_FILE").isPresent();
        if (bot != app) {
            throw new ConfigException((bot ? "SLACK_APP_TOKEN" : "SLACK_BOT_TOKEN")
                    + " is missing: Slack needs both SLACK_BOT_TOKEN and SLACK_APP_TOKEN");
        }
        try {
            DbConfig db = DbConfig.fromEnv(env);
            Optional<DiscordSettings> discord = DiscordSettings.configured(env)
                    ? Optional.of(DiscordSettings.fromEnv(env)) : Optional.empty();
            Optional<SlackSettings> slack = SlackSettings.fromEnv(env);
            return new Config(questions, lang, logFormat, port, db, catchup, discord, slack);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(ex.getMessage());
        }
    }

    boolean anyPlatform() {
        return discord.isPresent() || slack.isPresent();
    }

    private static OptionalInt httpPort(String v) throws ConfigException {
        if (v.equalsIgnoreCase("off")) {
            return OptionalInt.empty();
        }
        try {
            int p = Integer.parseInt(v);
            if (p >= 0 && p <= 65535) {
                return OptionalInt.of(p);
            }
        } catch (NumberFormatException ex) {
            // fall through
        }
        throw new ConfigException("LLMQ_HTTP_PORT must be a port number (0-65535; 0 picks a free port) or off, not '"
                + v + "'");
    }

    /** Reads variables; blank counts as unset. */
    private record Env(Map<String, String> env) {
        Optional<String> get(String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
        }
    }
}
