package dev.llmq.app;

import dev.llmq.core.daily.DailyPublisher;
import dev.llmq.core.engine.Quizmaster;
import dev.llmq.discord.DiscordBot;
import dev.llmq.discord.DiscordSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Discord in {@code llmq run}: when {@code DISCORD_TOKEN} or {@code DISCORD_TOKEN_FILE} is set. */
final class DiscordRunner implements PlatformRunner {
    /** Longer than JDA's 75 s wait for a server that does not load, so that JDA reports it first. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final DiscordSettings settings;
    private final LatePublisher publisher = new LatePublisher("discord");
    private volatile DiscordBot bot;

    private DiscordRunner(DiscordSettings settings) {
        this.settings = settings;
    }

    /**
     * The Discord runner when the environment configures Discord.
     *
     * @throws IllegalArgumentException when the configuration is wrong (the message names the variable, never a token)
     */
    static Optional<PlatformRunner> fromEnv(Map<String, String> env) {
        return DiscordSettings.configured(env) ? Optional.of(new DiscordRunner(DiscordSettings.fromEnv(env)))
                : Optional.empty();
    }

    @Override
    public String name() {
        return "Discord";
    }

    @Override
    public List<DailyPublisher> publishers() {
        return List.of(publisher);
    }

    @Override
    public void start(Quizmaster quizmaster) throws Exception {
        bot = DiscordBot.start(settings, connected -> {
            publisher.connect(connected);
            return quizmaster;
        }, READY_TIMEOUT);
    }

    @Override
    public String describe() {
        DiscordBot b = bot;
        return b == null ? "(not connected)" : b.describe();
    }

    @Override
    public CompletableFuture<String> stopped() {
        DiscordBot b = bot;
        return b == null ? new CompletableFuture<>() : b.stopped();
    }

    @Override
    public void close() {
        DiscordBot b = bot;
        if (b != null) {
            b.close();
        }
    }
}
