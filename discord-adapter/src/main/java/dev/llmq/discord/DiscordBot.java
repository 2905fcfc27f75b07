package dev.llmq.discord;

import dev.llmq.core.config.StartupFailure;
import dev.llmq.core.config.Unreachable;
import dev.llmq.core.port.ChatPlatform;
import dev.llmq.core.port.in.Interactions;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.out.DailyPublisher;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord as a {@link ChatPlatform}: a JDA client with only the non-privileged {@code GUILDS} intent,
 * the llmq listener, and the slash commands registered (in one server when {@code DISCORD_GUILD_ID}
 * is set, else globally). Its {@link #publisher()} exists before {@link #start}; until JDA is
 * connected a daily post fails as retryable.
 */
public final class DiscordBot implements ChatPlatform {
    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);
    /**
     * The gateway intents llmq adds: none. JDA always sends {@code GUILDS} (bit 0), which is not
     * privileged and is all llmq needs: servers, channels, roles and its own member, for permission checks.
     */
    public static final EnumSet<GatewayIntent> INTENTS = EnumSet.noneOf(GatewayIntent.class);
    static final Duration REST_TIMEOUT = Duration.ofSeconds(30);
    /** Longer than JDA's 75 s wait for a server that does not load, so that JDA reports it first. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** The permissions llmq needs: read and post in channels, embeds, and the daily discussion threads. */
    public static final long PERMISSIONS = Permission.getRaw(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_HISTORY, Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS);

    private final DiscordSettings settings;
    private final Duration readyTimeout;
    private final AtomicReference<JDA> client = new AtomicReference<>();
    private final DiscordPublisher publisher = new DiscordPublisher(client::get, REST_TIMEOUT);
    private final CompletableFuture<String> stopped = new CompletableFuture<>();
    private volatile Connected connected;

    /** What {@link #start} made: the client, its worker pool, and the commands Discord registered. */
    private record Connected(JDA jda, ExecutorService slow, List<Command> commands, String scope) {
    }

    public DiscordBot(DiscordSettings settings) {
        this(settings, READY_TIMEOUT);
    }

    /** @param readyTimeout how long {@link #start} waits for the gateway's READY */
    public DiscordBot(DiscordSettings settings, Duration readyTimeout) {
        this.settings = Objects.requireNonNull(settings);
        this.readyTimeout = Objects.requireNonNull(readyTimeout);
    }

    /** The invite URL for an application id: the scopes {@code bot applications.commands} and {@link #PERMISSIONS}. */
    public static String inviteUrl(String applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId
                + "&scope=bot+applications.commands&permissions=" + PERMISSIONS;
    }

    @Override
    public String name() {
        return "Discord";
    }

    @Override
    public DailyPublisher publisher() {
        return publisher;
    }

    /**
     * Connects, waits for the gateway's READY (at most the ready timeout) and registers the commands.
     *
     * @throws StartupFailure naming the variable to check or "Discord", never showing the token
     */
    @Override
    public synchronized void start(Interactions core) {
        Objects.requireNonNull(core);
        if (connected != null) {
            throw new IllegalStateException("already started");
        }
        // A virtual thread per deferred answer: one that waits for the store holds no pool others need.
        ExecutorService slow = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("llmq-discord-", 1).factory());
        CompletableFuture<Void> ready = new CompletableFuture<>();
        EventListener lifecycle = event -> {
            switch (event) {
                case ReadyEvent r -> ready.complete(null);
                case ShutdownEvent shutdown -> {
                    String why = "the gateway closed the connection (code " + shutdown.getCloseCode() + ")";
                    ready.completeExceptionally(new IllegalStateException(why));
                    stopped.complete(why);
                }
                default -> { // JDA's event types are not ours, and not sealed: the rest is for the listener
                }
            }
        };
        // Belt and braces: every message built by llmq sets allowed mentions to none already.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        // JDA 6 builds a ContextException (a stack trace) on every queue() by default, for failures
        // that llmq logs by their message anyway: not worth a stack walk per request.
        RestAction.setPassContext(false);
        JDABuilder builder = JDABuilder.createLight(settings.token(), INTENTS)
                .addEventListeners(new DiscordListener(core, slow), lifecycle)
                .setEnableShutdownHook(false);
        settings.apiUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
        settings.gatewayUrl().ifPresent(url -> builder.setSessionController(new FixedGateway(url)));
        JDA jda;
        try {
            jda = builder.build();
        } catch (InvalidTokenException e) {
            slow.shutdownNow();
            throw StartupFailure.runtime(DiscordSettings.TOKEN, "Discord refused the bot token (401 Unauthorized)",
                    "copy the token again from the Developer Portal's Bot page, or reset it there", e);
        } catch (RuntimeException e) {
            slow.shutdownNow();
            String api = settings.apiUrl().orElse(RestConfig.DEFAULT_BASE_URL);
            String subject = settings.apiUrl().isPresent() ? DiscordSettings.API_URL : "Discord";
            throw StartupFailure.runtime(subject, Unreachable.why(e, host(api))
                    .orElse("cannot log in at " + api + ": " + e.getMessage()),
                    "check the network and DNS" + (settings.apiUrl().isPresent() ? ", and " + DiscordSettings.API_URL : ""),
                    e);
        }
        client.set(jda);
        try {
            ready.get(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
            String scope;
            CommandListUpdateAction update;
            if (settings.guildId().isPresent()) {
                Guild guild = jda.getGuildById(settings.guildId().get());
                if (guild == null) {
                    throw StartupFailure.setting(DiscordSettings.GUILD_ID, "the bot is not a member of server "
                            + Long.toUnsignedString(settings.guildId().get()),
                            "invite it with the URL in the README, or unset " + DiscordSettings.GUILD_ID);
                }
                update = guild.updateCommands();
                scope = "server " + guild.getName() + " (" + guild.getId() + ")";
            } else {
                update = jda.updateCommands();
                scope = "every server (global commands; new ones can take a while to appear)";
            }
            List<Command> commands = update.addCommands(DiscordCommands.all()).submit()
                    .get(REST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("registered {} commands in {}", commands.size(), scope);
            connected = new Connected(jda, slow, commands, scope);
        } catch (TimeoutException e) {
            shutdown(jda, slow);
            throw StartupFailure.runtime(settings.gatewayUrl().isPresent() ? DiscordSettings.GATEWAY_URL : "Discord",
                    "no READY from the gateway at " + settings.gatewayUrl().orElse("wss://gateway.discord.gg")
                            + " within " + readyTimeout.toSeconds() + " s",
                    "check the network, and whether Discord is up at discordstatus.com", e);
        } catch (ExecutionException e) {
            shutdown(jda, slow);
            Throwable cause = e.getCause();
            if (cause instanceof ErrorResponseException err) {
                throw StartupFailure.runtime("Discord", "Discord refused the slash commands: " + err.getErrorCode() + " "
                        + err.getMeaning(), "invite the bot with the applications.commands scope (README, Run on Discord)",
                        err);
            }
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw StartupFailure.runtime("Discord", Unreachable.why(cause, "the Discord gateway").orElse("did not start: "
                    + why.replace('\n', ' ')), "check the network; LLMQ_LOG_LEVEL=DEBUG shows more", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown(jda, slow);
            throw StartupFailure.runtime("Discord", "interrupted while connecting", "start llmq again", e);
        } catch (StartupFailure e) {
            shutdown(jda, slow);
            throw e;
        }
    }

    private static String host(String url) {
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null ? url : h;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The JDA client once started: for the adapter's own tests. */
    JDA jda() {
        Connected c = connected;
        if (c == null) {
            throw new IllegalStateException("not started");
        }
        return c.jda();
    }

    /** The commands as Discord registered them. */
    public List<Command> commands() {
        Connected c = connected;
        return c == null ? List.of() : c.commands();
    }

    /** Renders the reply and serializes it to the JSON body JDA would send; sends nothing. */
    @Override
    public void warmUp(Reply reply) {
        DiscordRenderer.Rendered r = DiscordRenderer.render(reply);
        MessageEditData.fromCreateData(r.data()).toData().toJson();
        r.data().toData().toJson();
    }

    /** "llmq#0 (id 123), 3 commands in server X": for the start-up banner. */
    @Override
    public String describe() {
        Connected c = connected;
        if (c == null) {
            return "(not connected)";
        }
        return c.jda().getSelfUser().getName() + " (id " + c.jda().getSelfUser().getId() + "), " + c.commands().size()
                + " commands in " + c.scope();
    }

    @Override
    public List<String> notes() {
        Connected c = connected;
        return c == null ? List.of() : List.of("invite: " + inviteUrl(c.jda().getSelfUser().getApplicationId()));
    }

    @Override
    public boolean ready() {
        return connected != null && !stopped.isDone();
    }

    /** Completes, with the reason, when the client stops on its own (for example when the token is revoked). */
    @Override
    public CompletableFuture<String> stopped() {
        return stopped;
    }

    @Override
    public synchronized void close() {
        Connected c = connected;
        if (c != null) {
            shutdown(c.jda(), c.slow());
        }
    }

    private static void shutdown(JDA jda, ExecutorService slow) {
        slow.shutdown();
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(2));
            }
            slow.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }
}
