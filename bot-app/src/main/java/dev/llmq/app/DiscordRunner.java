package dev.llmq.app;

import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.discord.DiscordBot;
import dev.llmq.discord.DiscordSettings;
import net.dv8tion.jda.api.Permission;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Discord in {@code llmq run}: when {@code DISCORD_TOKEN} or {@code DISCORD_TOKEN_FILE} is set. */
final class DiscordRunner implements PlatformRunner {
    /** Longer than JDA's 75 s wait for a server that does not load, so that JDA reports it first. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final DiscordSettings settings;
    private final LatePublisher publisher = new LatePublisher("discord");
    private volatile DiscordBot bot;

    /** The permissions llmq needs: read and post in channels, embeds, and the daily discussion threads. */
    static final long PERMISSIONS = Permission.getRaw(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_HISTORY, Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS);

    DiscordRunner(DiscordSettings settings) {
        this.settings = settings;
    }

    /** The invite URL for an application id: the scopes {@code bot applications.commands} and {@link #PERMISSIONS}. */
    static String inviteUrl(String applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId
                + "&scope=bot+applications.commands&permissions=" + PERMISSIONS;
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
    public String banner() {
        DiscordBot b = bot;
        return b == null ? "" : "invite: " + inviteUrl(b.jda().getSelfUser().getApplicationId());
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
