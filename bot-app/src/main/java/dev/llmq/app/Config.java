package dev.llmq.app;

import dev.llmq.core.i18n.Lang;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every setting of llmq, typed and validated, built from environment variables. A bad value
 * stops start-up with a one-line message naming the variable. Every secret has a {@code _FILE}
 * variant (Docker and Kubernetes secrets), and no secret ever appears in a message.
 */
record Config(
        List<Path> questions,
        Optional<Lang> defaultLang,
        ZoneId defaultZone,
        LogFormat logFormat,
        OptionalInt httpPort,
        String dbUrl,
        Optional<String> dbUser,
        Optional<Secret> dbPassword,
        Duration catchup,
        Optional<Discord> discord,
        Optional<Slack> slack) {

    enum LogFormat { TEXT, JSON }

    /** Discord settings; present when {@code DISCORD_TOKEN} or {@code DISCORD_TOKEN_FILE} is set. */
    record Discord(Secret token, Optional<String> guildId, URI apiUrl, Optional<URI> gatewayUrl) {
    }

    /** Slack settings; present when both Slack tokens are set. */
    record Slack(Secret botToken, Secret appToken, URI apiUrl, Set<String> admins) {
    }

    static final String DEFAULT_DB_URL = "jdbc:sqlite:data/llmq.db";
    static final URI DEFAULT_DISCORD_API = URI.create("https://discord.com/api/v10/");
    static final URI DEFAULT_SLACK_API = URI.create("https://slack.com/api/");
    static final Duration DEFAULT_CATCHUP = Duration.ofHours(6);
    static final int DEFAULT_HTTP_PORT = 8080;

    static Config fromEnv(Map<String, String> env) throws ConfigException {
        try {
            return parse(new Env(env));
        } catch (BadValue b) {
            throw (ConfigException) b.getCause();
        }
    }

    private static Config parse(Env e) throws ConfigException {
        List<Path> questions = e.get("LLMQ_QUESTIONS").map(BankLocation::split).orElse(List.of());
        Optional<Lang> lang = e.get("LLMQ_DEFAULT_LANG").map(v -> Lang.parse(v).orElse(null));
        if (e.get("LLMQ_DEFAULT_LANG").isPresent() && lang.isEmpty()) {
            throw e.bad("LLMQ_DEFAULT_LANG", "must be en or zh");
        }
        ZoneId zone = e.get("LLMQ_DEFAULT_ZONE").map(v -> zone(e, v)).orElse(ZoneId.of("UTC"));
        LogFormat format = switch (e.get("LLMQ_LOG_FORMAT").orElse("text")) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw e.bad("LLMQ_LOG_FORMAT", "must be text or json");
        };
        OptionalInt port = httpPort(e);
        String dbUrl = e.get("LLMQ_DB_URL").orElse(DEFAULT_DB_URL);
        if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql://")) {
            throw e.bad("LLMQ_DB_URL", "must start with jdbc:sqlite: or jdbc:postgresql://");
        }
        if (dbUrl.equals("jdbc:sqlite:") || dbUrl.equals("jdbc:postgresql://")) {
            throw e.bad("LLMQ_DB_URL", "names no database");
        }
        Optional<String> dbUser = e.get("LLMQ_DB_USER");
        Optional<Secret> dbPassword = e.secret("LLMQ_DB_PASSWORD");
        Duration catchup = e.get("LLMQ_CATCHUP").map(v -> duration(e, "LLMQ_CATCHUP", v)).orElse(DEFAULT_CATCHUP);

        Optional<Discord> discord = Optional.empty();
        Optional<Secret> discordToken = e.secret("DISCORD_TOKEN");
        if (discordToken.isPresent()) {
            Optional<String> guild = e.get("DISCORD_GUILD_ID");
            if (guild.isPresent() && !guild.get().matches("[0-9]{1,20}")) {
                throw e.bad("DISCORD_GUILD_ID", "must be a numeric server id");
            }
            discord = Optional.of(new Discord(discordToken.get(), guild,
                    e.get("DISCORD_API_URL").map(v -> url(e, "DISCORD_API_URL", v)).orElse(DEFAULT_DISCORD_API),
                    e.get("DISCORD_GATEWAY_URL").map(v -> url(e, "DISCORD_GATEWAY_URL", v))));
        }
        Optional<Slack> slack = Optional.empty();
        Optional<Secret> bot = e.secret("SLACK_BOT_TOKEN");
        Optional<Secret> app = e.secret("SLACK_APP_TOKEN");
        if (bot.isPresent() != app.isPresent()) {
            throw e.bad(bot.isPresent() ? "SLACK_APP_TOKEN" : "SLACK_BOT_TOKEN",
                    "is missing: Slack needs both SLACK_BOT_TOKEN and SLACK_APP_TOKEN");
        }
        if (bot.isPresent()) {
            Set<String> admins = e.get("LLMQ_SLACK_ADMINS").map(v -> Arrays.stream(v.split("[,\\s]+"))
                    .filter(s -> !s.isBlank()).collect(Collectors.toCollection(LinkedHashSet::new)))
                    .map(s -> (Set<String>) s).orElse(Set.of());
            slack = Optional.of(new Slack(bot.get(), app.get(),
                    e.get("SLACK_API_URL").map(v -> url(e, "SLACK_API_URL", v)).orElse(DEFAULT_SLACK_API), admins));
        }
        return new Config(questions, lang, zone, format, port, dbUrl, dbUser, dbPassword, catchup, discord, slack);
    }

    boolean anyPlatform() {
        return discord.isPresent() || slack.isPresent();
    }

    /** Where the store is, for banners and /readyz: the URL without credentials or query. */
    String dbDescription() {
        int q = dbUrl.indexOf('?');
        return (q < 0 ? dbUrl : dbUrl.substring(0, q)).replaceAll("//[^/@]*@", "//");
    }

    private static OptionalInt httpPort(Env e) throws ConfigException {
        String v = e.get("LLMQ_HTTP_PORT").orElse(String.valueOf(DEFAULT_HTTP_PORT));
        if (v.equalsIgnoreCase("off")) {
            return OptionalInt.empty();
        }
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) {
                throw e.bad("LLMQ_HTTP_PORT", "must be 0-65535 (0 picks a free port) or off");
            }
            return OptionalInt.of(p);
        } catch (NumberFormatException ex) {
            throw e.bad("LLMQ_HTTP_PORT", "must be a port number, 0 (any free port) or off");
        }
    }

    private static ZoneId zone(Env e, String v) {
        try {
            return ZoneId.of(v);
        } catch (DateTimeException ex) {
            throw e.unchecked("LLMQ_DEFAULT_ZONE", "'" + v + "' is not an IANA time zone such as Asia/Shanghai");
        }
    }

    private static URI url(Env e, String name, String v) {
        try {
            URI u = new URI(v);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")
                    || u.getScheme().equals("ws") || u.getScheme().equals("wss")) || u.getHost() == null) {
                throw e.unchecked(name, "'" + v + "' is not an http(s) or ws(s) URL");
            }
            return u;
        } catch (URISyntaxException ex) {
            throw e.unchecked(name, "'" + v + "' is not a URL");
        }
    }

    /** {@code PT6H}, or a number with a unit: {@code 6h}, {@code 90m}, {@code 30s}, {@code 1d}. */
    static Duration duration(Env e, String name, String v) {
        String t = v.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return nonNegative(e, name, Duration.parse(t.toUpperCase(Locale.ROOT)));
            }
            if (t.matches("[0-9]+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
        } catch (DateTimeParseException | ArithmeticException ex) {
            // fall through to the message below
        }
        throw e.unchecked(name, "'" + v + "' is not a duration such as 6h, 90m or PT6H");
    }

    private static Duration nonNegative(Env e, String name, Duration d) {
        if (d.isNegative()) {
            throw e.unchecked(name, "must not be negative");
        }
        return d;
    }

    /** Reads variables; blank counts as unset. */
    static final class Env {
        private final Map<String, String> env;

        Env(Map<String, String> env) {
            this.env = env;
        }

        Optional<String> get(String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
        }

        /** {@code NAME}, or the contents of the file named by {@code NAME_FILE}; not both. */
        Optional<Secret> secret(String name) throws ConfigException {
            Optional<String> direct = get(name);
            Optional<String> file = get(name + "_FILE");
            if (direct.isPresent() && file.isPresent()) {
                throw bad(name, "is set twice: set " + name + " or " + name + "_FILE, not both");
            }
            if (file.isPresent()) {
                Path p = Path.of(file.get());
                try {
                    String v = Files.readString(p, StandardCharsets.UTF_8).strip();
                    if (v.isEmpty()) {
                        throw bad(name + "_FILE", "file " + p + " is empty");
                    }
                    return Optional.of(new Secret(v));
                } catch (IOException ex) {
                    throw bad(name + "_FILE", "cannot read " + p + " (" + ex.getClass().getSimpleName() + ")");
                }
            }
            return direct.map(Secret::new);
        }

        ConfigException bad(String name, String message) {
            return new ConfigException(name + " " + message);
        }

        BadValue unchecked(String name, String message) {
            return new BadValue(bad(name, message));
        }
    }

    /** Carries a ConfigException out of a lambda. */
    static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadValue(ConfigException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
