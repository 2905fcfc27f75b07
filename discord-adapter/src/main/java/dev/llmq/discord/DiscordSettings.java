package dev.llmq.discord;

import dev.llmq.core.config.Env;
import dev.llmq.core.config.StartupFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Discord adapter reads from the environment. The token is kept out of
 * {@link #toString()} and out of every error message.
 *
 * <ul>
 *   <li>{@code DISCORD_TOKEN}, or {@code DISCORD_TOKEN_FILE} (a file holding the token, e.g. a Docker secret)</li>
 *   <li>{@code DISCORD_GUILD_ID}: register the commands in this server only (instant); global otherwise</li>
 *   <li>{@code DISCORD_API_URL}: the REST base, default {@code https://discord.com/api/v10/}</li>
 *   <li>{@code DISCORD_GATEWAY_URL}: the gateway, default {@code wss://gateway.discord.gg/}</li>
 * </ul>
 */
public final class DiscordSettings {
    public static final String TOKEN = "DISCORD_TOKEN";
    public static final String TOKEN_FILE = "DISCORD_TOKEN_FILE";
    public static final String GUILD_ID = "DISCORD_GUILD_ID";
    public static final String API_URL = "DISCORD_API_URL";
    public static final String GATEWAY_URL = "DISCORD_GATEWAY_URL";

    private final String token;
    private final Optional<Long> guildId;
    private final Optional<String> apiUrl;
    private final Optional<String> gatewayUrl;

    public DiscordSettings(String token, Optional<Long> guildId, Optional<String> apiUrl, Optional<String> gatewayUrl) {
        this.token = Objects.requireNonNull(token, "token");
        this.guildId = Objects.requireNonNull(guildId, "guildId");
        this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
        this.gatewayUrl = Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    }

    /** True when the environment names a token (directly or through a file). */
    public static boolean configured(Map<String, String> env) {
        return new Env(env).hasSecret(TOKEN);
    }

    /**
     * Reads the settings.
     *
     * @throws StartupFailure naming the variable that is wrong (never showing the token)
     */
    public static DiscordSettings fromEnv(Map<String, String> vars) {
        Env env = new Env(vars);
        String token = checkToken(env.secret(TOKEN).orElseThrow(() -> StartupFailure.setting(TOKEN,
                "no bot token", "set " + TOKEN + " or " + TOKEN_FILE + " to the token from the Developer Portal's Bot page")),
                env.get(TOKEN).isPresent() ? TOKEN : TOKEN_FILE);
        Optional<Long> guild = env.get(GUILD_ID).map(s -> {
            try {
                if (s.matches("[0-9]{1,20}")) {
                    return Long.parseUnsignedLong(s);
                }
            } catch (NumberFormatException tooBig) {
                // falls through to the message below
            }
            throw StartupFailure.setting(GUILD_ID, "'" + s + "' is not a server id",
                    "use the digits from Copy Server ID, or unset it to register the commands globally");
        });
        Optional<String> api = url(env, API_URL, "https://discord.com/api/v10/", "http", "https")
                .map(u -> u.endsWith("/") ? u : u + "/");
        Optional<String> gateway = url(env, GATEWAY_URL, "wss://gateway.discord.gg/", "ws", "wss");
        return new DiscordSettings(token, guild, api, gateway);
    }

    private static String checkToken(String token, String variable) {
        if (token.regionMatches(true, 0, "Bot ", 0, 4)) {
            token = token.substring(4).strip();
        }
        if (token.isEmpty() || !token.chars().allMatch(c -> c > 32 && c < 127)) {
            throw StartupFailure.setting(variable, "does not look like a bot token (it is empty, or holds spaces "
                    + "or other characters)", "copy the token again from the Developer Portal's Bot page");
        }
        return token;
    }

    private static Optional<String> url(Env env, String name, String example, String... schemes) {
        Optional<String> value = env.get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get();
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !java.util.List.of(schemes).contains(scheme)) {
                throw new URISyntaxException(v, "expected " + String.join(" or ", schemes) + "://host...");
            }
        } catch (URISyntaxException e) {
            throw StartupFailure.setting(name, "'" + v + "' is not a " + String.join("/", schemes) + " URL",
                    "for example " + example + ", or unset it for Discord's own");
        }
        return Optional.of(v);
    }

    /** The bot token, for JDA only. Never log it. */
    String token() {
        return token;
    }

    public Optional<Long> guildId() {
        return guildId;
    }

    public Optional<String> apiUrl() {
        return apiUrl;
    }

    public Optional<String> gatewayUrl() {
        return gatewayUrl;
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=(hidden), guildId=" + guildId.map(Long::toUnsignedString).orElse("(global)")
                + ", apiUrl=" + apiUrl.orElse("(default)") + ", gatewayUrl=" + gatewayUrl.orElse("(default)") + "]";
    }
}
