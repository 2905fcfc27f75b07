package dev.llmq.slack;

import dev.llmq.core.config.Env;
import dev.llmq.core.config.StartupFailure;
import java.net.URI;
import java.net.URISyntaxException;
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

    /** True when either token (or its {@code _FILE} variant) is set: Slack is meant, and both are then required. */
    public static boolean configured(Map<String, String> env) {
        Env e = new Env(env);
        return e.hasSecret(BOT_TOKEN) || e.hasSecret(APP_TOKEN);
    }

    /**
     * Reads the settings; empty when Slack is not configured.
     *
     * @throws StartupFailure naming the variable that is wrong (never showing a token)
     */
    public static Optional<SlackSettings> fromEnv(Map<String, String> vars) {
        if (!configured(vars)) {
            return Optional.empty();
        }
        Env env = new Env(vars);
        // The files first: an unreadable SLACK_BOT_TOKEN_FILE is the problem to report, not the other token.
        Optional<String> bot = env.secret(BOT_TOKEN);
        Optional<String> app = env.secret(APP_TOKEN);
        if (bot.isEmpty() || app.isEmpty()) {
            String missing = bot.isEmpty() ? BOT_TOKEN : APP_TOKEN;
            throw StartupFailure.setting(missing, "is missing; Slack needs both " + BOT_TOKEN + " and " + APP_TOKEN,
                    bot.isEmpty() ? "set it to the Bot User OAuth Token (xoxb-...) from OAuth & Permissions"
                            : "set it to an app-level token (xapp-...) with connections:write, from Basic Information");
        }
        String b = token(bot.get(), env.get(BOT_TOKEN).isPresent() ? BOT_TOKEN : BOT_TOKEN + "_FILE");
        String a = token(app.get(), env.get(APP_TOKEN).isPresent() ? APP_TOKEN : APP_TOKEN + "_FILE");
        if (b.startsWith("xapp-") || a.startsWith("xoxb-") || a.startsWith("xoxp-")) {
            throw StartupFailure.setting(BOT_TOKEN, "and " + APP_TOKEN + " look swapped",
                    "the bot token starts with xoxb-, the app-level token with xapp-");
        }
        Optional<String> api = env.get(API_URL).map(SlackSettings::apiBase);
        Set<String> admins = env.get(ADMINS)
                .map(v -> Arrays.stream(v.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElseGet(LinkedHashSet::new);
        for (String id : admins) {
            if (!id.matches("[UW][A-Z0-9]{2,}")) {
                throw StartupFailure.setting(ADMINS, "'" + id + "' is not a Slack user id",
                        "list user ids such as U012ABCDEF, separated by commas");
            }
        }
        Optional<String> proxy = env.get(PROXY).map(p -> url(PROXY, p, "http://proxy.example.com:3128"));
        return Optional.of(new SlackSettings(b, a, api, admins, proxy, DEFAULT_CONCURRENCY));
    }

    /** The Web API base with a trailing slash: {@code https://slack.com/api} gives {@code https://slack.com/api/}. */
    static String apiBase(String url) {
        String u = url(API_URL, url, "https://slack.com/api/");
        return u.endsWith("/") ? u : u + "/";
    }

    private static String url(String name, String value, String example) {
        String v = value.strip();
        try {
            URI uri = new URI(v);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new URISyntaxException(v, "not an http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw StartupFailure.setting(name, "'" + v + "' is not an http(s) URL", "for example " + example);
        }
        return v;
    }

    private static String token(String t, String variable) {
        if (t.chars().anyMatch(Character::isWhitespace)) {
            throw StartupFailure.setting(variable, "must hold the token alone (it contains spaces)",
                    "copy the token again from the app's settings page");
        }
        return t;
    }

    @Override
    public String toString() {
        return "SlackSettings[botToken=(redacted), appToken=(redacted), apiUrl=" + apiUrl.orElse("(Slack)")
                + ", admins=" + admins + ", proxy=" + (proxyUrl.isPresent() ? "(set)" : "(none)")
                + ", concurrency=" + concurrency + "]";
    }
}
