package dev.llmq.app;

import dev.llmq.core.config.Env;
import dev.llmq.core.config.StartupFailure;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.DailyArgs;
import dev.llmq.discord.DiscordSettings;
import dev.llmq.slack.SlackSettings;
import dev.llmq.store.jdbc.DbConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

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

    /**
     * Reads and checks every setting.
     *
     * @throws ConfigException listing every bad setting, each naming its variable
     */
    static Config fromEnv(Map<String, String> vars) throws ConfigException {
        Env e = new Env(vars);
        List<StartupFailure> problems = new ArrayList<>();
        List<Path> questions = e.get("LLMQ_QUESTIONS").map(BankLocation::split).orElse(List.of());
        Optional<Lang> lang = read(problems, () -> e.get("LLMQ_DEFAULT_LANG").map(v -> Lang.parse(v).orElseThrow(
                () -> StartupFailure.setting("LLMQ_DEFAULT_LANG", "'" + v + "' is not a language", "use en or zh"))))
                .flatMap(o -> o);
        LogFormat logFormat = read(problems, () -> switch (e.get("LLMQ_LOG_FORMAT").orElse("text")) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw StartupFailure.setting("LLMQ_LOG_FORMAT", "'" + e.get("LLMQ_LOG_FORMAT").get()
                    + "' is not a log format", "use text or json");
        }).orElse(LogFormat.TEXT);
        e.get("LLMQ_LOG_LEVEL").filter(v -> !v.matches("(?i)TRACE|DEBUG|INFO|WARN|ERROR|OFF")).ifPresent(v ->
                problems.add(StartupFailure.setting("LLMQ_LOG_LEVEL", "'" + v + "' is not a log level",
                        "use one of TRACE, DEBUG, INFO, WARN, ERROR, OFF")));
        OptionalInt port = read(problems, () -> httpPort(e.get("LLMQ_HTTP_PORT")
                .orElse(String.valueOf(DEFAULT_HTTP_PORT)))).orElse(OptionalInt.empty());
        Duration catchup = read(problems, () -> e.get("LLMQ_CATCHUP").map(v -> DailyArgs.duration(v).orElseThrow(
                () -> StartupFailure.setting("LLMQ_CATCHUP", "'" + v + "' is not a duration",
                        "write it as 6h, 90m, 1h30m or PT6H"))).orElse(DEFAULT_CATCHUP)).orElse(DEFAULT_CATCHUP);
        Optional<DbConfig> db = read(problems, () -> DbConfig.fromEnv(vars));
        Optional<DiscordSettings> discord = read(problems, () -> DiscordSettings.configured(vars)
                ? Optional.of(DiscordSettings.fromEnv(vars)) : Optional.<DiscordSettings>empty()).flatMap(o -> o);
        Optional<SlackSettings> slack = read(problems, () -> SlackSettings.fromEnv(vars)).flatMap(o -> o);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Config(questions, lang, logFormat, port, db.orElseThrow(), catchup, discord, slack);
    }

    /** Runs one setting's reader; a failure is added to {@code problems} instead of ending the read. */
    private static <T> Optional<T> read(List<StartupFailure> problems, Supplier<T> reader) {
        try {
            return Optional.of(reader.get());
        } catch (StartupFailure f) {
            problems.add(f);
            return Optional.empty();
        }
    }

    boolean anyPlatform() {
        return discord.isPresent() || slack.isPresent();
    }

    private static OptionalInt httpPort(String v) {
        if (v.equalsIgnoreCase("off")) {
            return OptionalInt.empty();
        }
        try {
            int p = Integer.parseInt(v);
            if (p >= 0 && p <= 65535) {
                return OptionalInt.of(p);
            }
        } catch (NumberFormatException ex) {
            // falls through to the message below
        }
        throw StartupFailure.setting("LLMQ_HTTP_PORT", "'" + v + "' is not a port",
                "use a number from 0 to 65535 (0 picks a free port), or off");
    }
}
