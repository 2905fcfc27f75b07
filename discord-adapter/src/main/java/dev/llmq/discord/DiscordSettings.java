package dev.llmq.discord;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return notBlank(env.get(TOKEN)) || notBlank(env.get(TOKEN_FILE));
    }

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException with a message fit for the user (never containing the token)
     */
    public static DiscordSettings fromEnv(Map<String, String> env) {
        String token = token(env);
        Optional<Long> guild = Optional.ofNullable(env.get(GUILD_ID)).filter(DiscordSettings::notBlank).map(String::strip)
                .map(s -> {
                    try {
                        if (s.matches("[0-9]{1,20}")) {
                            return Long.parseUnsignedLong(s);
                        }
                    } catch (NumberFormatException tooBig) {
                        // falls through to the message below
                    }
                    throw new IllegalArgumentException(GUILD_ID + " must be a server id (digits only), not '" + s + "'");
                });
        Optional<String> api = url(env, API_URL, "http", "https").map(u -> u.endsWith("/") ? u : u + "/");
        Optional<String> gateway = url(env, GATEWAY_URL, "ws", "wss");
        return new DiscordSettings(token, guild, api, gateway);
    }

    private static String token(Map<String, String> env) {
        String direct = env.get(TOKEN);
        if (notBlank(direct)) {
            return checkToken(direct.strip(), TOKEN);
        }
        String file = env.get(TOKEN_FILE);
        if (!notBlank(file)) {
            throw new IllegalArgumentException("set " + TOKEN + " or " + TOKEN_FILE + " to the bot token");
        }
        Path path = Path.of(file.strip());
        try {
            return checkToken(Files.readString(path, StandardCharsets.UTF_8).strip(), TOKEN_FILE + " " + path);
        } catch (IOException e) {
            throw new IllegalArgumentException(TOKEN_FILE + ": cannot read " + path + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String checkToken(String token, String where) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty");
        }
        if (token.regionMatches(true, 0, "Bot ", 0, 4)) {
            token = token.substring(4).strip();
        }
        if (!token.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException(where + " does not look like a bot token (it contains spaces or other characters)");
        }
        return token;
    }

    private static Optional<String> url(Map<String, String> env, String name, String... schemes) {
        String v = env.get(name);
        if (!notBlank(v)) {
            return Optional.empty();
        }
        v = v.strip();
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !java.util.List.of(schemes).contains(scheme)) {
                throw new URISyntaxException(v, "expected " + String.join(" or ", schemes) + "://host...");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a " + String.join("/", schemes) + " URL: '" + v + "'");
        }
        return Optional.of(v);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
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
