package dev.llmq.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the Slack adapter needs from the environment. Tokens come from {@code SLACK_BOT_TOKEN} and
 * {@code SLACK_APP_TOKEN} or from the files named by their {@code _FILE} variants; they are never
 * printed ({@link #toString()} redacts them).
 *
 * @param botToken    the bot token ({@code xoxb-...}), for the Web API
 * @param appToken    the app-level token ({@code xapp-...}, scope {@code connections:write}), for socket mode
 * @param apiUrl      the Web API base ({@code SLACK_API_URL}), ending in {@code /}; empty means Slack's
 * @param admins      user ids that may manage the daily question besides workspace admins and owners
 * @param proxyUrl    an HTTP proxy for the Web API and the socket ({@code LLMQ_SLACK_PROXY}); none by default
 * @param concurrency how many envelopes are handled at once
 */
public record SlackSettings(String botToken, String appToken, Optional<String> apiUrl, Set<String> admins,
                            Optional<String> proxyUrl, int concurrency) {
    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String API_URL = "SLACK_API_URL";
    public static final String ADMINS = "LLMQ_SLACK_ADMINS";
    public static final String PROXY = "LLMQ_SLACK_PROXY";
    public static final int DEFAULT_CONCURRENCY = 8;

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(appToken, "appToken");
        Objects.requireNonNull(apiUrl, "apiUrl");
        admins = Set.copyOf(admins);
        Objects.requireNonNull(proxyUrl, "proxyUrl");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    public SlackSettings(String botToken, String appToken, Optional<String> apiUrl, Set<String> admins) {
        this(botToken, appToken, apiUrl.map(SlackSettings::apiBase), admins, Optional.empty(), DEFAULT_CONCURRENCY);
    }

    /** True when both tokens (or their {@code _FILE} variants) are set. */
    public static boolean configured(Map<String, String> env) {
        return present(env, BOT_TOKEN) && present(env, APP_TOKEN);
    }

    /**
     * Reads the settings; empty when Slack is not configured.
     *
     * @throws IllegalArgumentException with a message fit for the user (never containing a token)
     */
    public static Optional<SlackSettings> fromEnv(Map<String, String> env) {
        if (!configured(env)) {
            return Optional.empty();
        }
        String bot = token(env, BOT_TOKEN);
        String app = token(env, APP_TOKEN);
        if (bot.startsWith("xapp-") || app.startsWith("xoxb-") || app.startsWith("xoxp-")) {
            throw new IllegalArgumentException(BOT_TOKEN + " and " + APP_TOKEN + " look swapped: the bot token starts "
                    + "with xoxb-, the app-level token with xapp-");
        }
        Optional<String> api = nonBlank(env.get(API_URL)).map(SlackSettings::apiBase);
        Set<String> admins = nonBlank(env.get(ADMINS))
                .map(v -> Arrays.stream(v.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElseGet(LinkedHashSet::new);
        for (String id : admins) {
            if (!id.matches("[UW][A-Z0-9]{2,}")) {
                throw new IllegalArgumentException(ADMINS + " holds Slack user ids such as U012ABCDEF, separated by "
                        + "commas; '" + id + "' is not one");
            }
        }
        Optional<String> proxy = nonBlank(env.get(PROXY)).map(p -> url(PROXY, p));
        return Optional.of(new SlackSettings(bot, app, api, admins, proxy, DEFAULT_CONCURRENCY));
    }

    /** The Web API base with a trailing slash: {@code https://slack.com/api} gives {@code https://slack.com/api/}. */
    static String apiBase(String url) {
        String u = url(API_URL, url);
        return u.endsWith("/") ? u : u + "/";
    }

    private static String url(String name, String value) {
        String v = value.strip();
        try {
            URI uri = new URI(v);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new URISyntaxException(v, "not an http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " must be an http(s) URL such as https://slack.com/api/, not '"
                    + v + "'");
        }
        return v;
    }

    private static boolean present(Map<String, String> env, String name) {
        return nonBlank(env.get(name)).isPresent() || nonBlank(env.get(name + "_FILE")).isPresent();
    }

    private static String token(Map<String, String> env, String name) {
        Optional<String> direct = nonBlank(env.get(name));
        if (direct.isPresent()) {
            return direct.get().strip();
        }
        String file = env.get(name + "_FILE").strip();
        try {
            String t = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            if (t.isEmpty()) {
                throw new IllegalArgumentException(name + "_FILE names an empty file: " + file);
            }
            if (t.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(name + "_FILE must hold the token alone: " + file);
            }
            return t;
        } catch (IOException e) {
            throw new IllegalArgumentException(name + "_FILE cannot be read: " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    @Override
    public String toString() {
        return "SlackSettings[botToken=(redacted), appToken=(redacted), apiUrl=" + apiUrl.orElse("(Slack)")
                + ", admins=" + admins + ", proxy=" + (proxyUrl.isPresent() ? "(set)" : "(none)")
                + ", concurrency=" + concurrency + "]";
    }
}
