package dev.llmq.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.json.GsonFactory;
import dev.llmq.core.config.StartupFailure;
import dev.llmq.core.config.Unreachable;
import dev.llmq.core.port.ChatPlatform;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.Interactions;
import dev.llmq.core.port.in.Reply;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack adapter: a Bolt app in socket mode (Java-WebSocket backend).
 * <ul>
 *   <li>{@code /llmq <text>} is parsed by {@link CommandParser#parse} and answered in the ack
 *   (ephemeral or in the channel, as the core says). The daily commands are acked at once and
 *   answered through the {@code response_url}, because they may call Slack (admin check, post).</li>
 *   <li>Button presses are acked at once and answered through the {@code response_url}: an answer
 *   is ephemeral unless revealed publicly, which goes into the question's thread.</li>
 *   <li>The App Home tab ({@code app_home_opened}) is published with {@code views.publish}.</li>
 * </ul>
 * Create it, give its {@link #publisher()} to the daily desk, then {@link #start} it with the quizmaster.
 */
public final class SlackBot implements ChatPlatform {
    private static final Logger log = LoggerFactory.getLogger(SlackBot.class);
    /**
     * The bot token scopes this adapter uses, as in {@code slack/manifest.yml}: {@code commands}
     * (/llmq), {@code chat:write} (posts), {@code users:read} (users.info: admin, locale),
     * {@code channels:read} and {@code groups:read} (users.conversations for the App Home),
     * {@code channels:history} and {@code groups:history} (conversations.history: is a post whose
     * send was interrupted in the channel already?).
     */
    public static final Set<String> SCOPES = Set.of("commands", "chat:write", "users:read", "channels:read",
            "groups:read", "channels:history", "groups:history", "files:write", "im:write");
    private static final Pattern OUR_ACTIONS = Pattern.compile("^" + Pattern.quote(BlockKit.ACTION_PREFIX) + ".*");

    private final SlackSettings settings;
    private final Slack slack;
    private final MethodsClient methods;
    private final ExecutorService worker;
    private final ExecutorService lookups;
    private final UserDirectory users;
    private final SlackPoster poster;
    private final SlackPublisher publisher;
    private volatile String connectedAs = "(not connected)";
    private final CompletableFuture<String> stopped = new CompletableFuture<>();
    private SocketModeApp socketMode;

    public SlackBot(SlackSettings settings) {
        this(settings, SlackClients.slack(settings));
    }

    private SlackBot(SlackSettings settings, Slack slack) {
        this.settings = Objects.requireNonNull(settings);
        this.slack = slack;
        this.methods = slack.methods(settings.botToken());
        // A virtual thread per answer: one that waits for Slack or the store holds no pool that
        // others need (a pool of 2 that never grew once made two admins wait 10 s for each other).
        this.worker = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("llmq-slack-", 1).factory());
        // users.info loads on threads of its own, never on the worker that waits for its answer.
        this.lookups = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("llmq-slack-users-", 1).factory());
        this.users = new UserDirectory(methods, lookups);
        this.poster = new SlackPoster(methods);
        this.publisher = new SlackPublisher(poster, methods);
    }

    @Override
    public String name() {
        return "Slack";
    }

    /** Posts daily questions to Slack; give it to the daily desk before {@link #start}. */
    @Override
    public SlackPublisher publisher() {
        return publisher;
    }

    /**
     * Checks the bot token ({@code auth.test}), opens the socket mode connection and starts
     * answering. Returns once the connection is being opened.
     *
     * @throws StartupFailure naming the token or the URL to check; a host that cannot be reached is
     *     told apart from a refused token
     */
    @Override
    public synchronized void start(Interactions quizmaster) {
        if (socketMode != null) {
            throw new IllegalStateException("already started");
        }
        Objects.requireNonNull(quizmaster);
        checkBotToken();
        App app = new App(AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .slack(slack)
                .build());
        // An envelope no handler takes (another app's button, another command, an event llmq did not
        // ask for) is acked anyway, or Slack would send it again; Bolt leaves a 404 unacked.
        app.use((req, resp, chain) -> {
            Response r = chain.next(req);
            if (r.getStatusCode() != null && r.getStatusCode() == 404) {
                log.info("acked a {} envelope that llmq has no handler for", req.getRequestType());
                return Response.ok();
            }
            return r;
        });
        SlackInteractions on = new SlackInteractions(quizmaster, settings.admins(), users, worker, poster, methods);
        app.command("/llmq", on::onCommand);
        app.blockAction(OUR_ACTIONS, on::onAction);
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if (e != null && (e.getTab() == null || "home".equals(e.getTab()))) {
                String team = payload.getTeamId();
                worker.execute(() -> on.publishHome(team, e.getUser()));
            }
            return ctx.ack();
        });
        SocketModeApp sma;
        try {
            sma = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket,
                    settings.concurrency());
            sma.startAsync();
        } catch (Exception e) {
            // The socket mode client factory logs and returns null (an NPE here) when
            // apps.connections.open fails; an IOException is the socket itself.
            throw Unreachable.why(e, apiHost()).map(why -> unreachable(why, e))
                    .orElseGet(() -> StartupFailure.runtime(SlackSettings.APP_TOKEN,
                            "Slack did not open a socket mode connection (apps.connections.open failed)",
                            "check that the app-level token (xapp-...) has the connections:write scope and that "
                                    + "Socket Mode is on", e));
        }
        socketMode = sma;
        SocketModeClient client = sma.getClient();
        if (client != null) {
            client.addWebSocketMessageListener(new UnreadableEnvelopes(client, app.config()));
        }
        log.info("Slack socket mode started");
    }

    /**
     * Our own {@code auth.test} before Bolt's: Bolt reports a DNS failure and a refused token with
     * the same exception, and the user needs to know which of the two to fix.
     */
    private void checkBotToken() {
        AuthTestResponse auth;
        try {
            auth = methods.authTest(r -> r);
        } catch (IOException | SlackApiException | RuntimeException e) {
            throw Unreachable.why(e, apiHost()).map(why -> unreachable(why, e)).orElseGet(() -> StartupFailure.runtime(
                    settings.apiUrl().isPresent() ? SlackSettings.API_URL : "Slack",
                    "auth.test failed: " + e.getClass().getSimpleName(),
                    "check the network, and that " + apiBase() + " is Slack's Web API", e));
        }
        if (!auth.isOk()) {
            throw StartupFailure.runtime(SlackSettings.BOT_TOKEN, "Slack refused the bot token (" + auth.getError() + ")",
                    "copy the Bot User OAuth Token (xoxb-...) again from OAuth & Permissions, or reinstall the app",
                    null);
        }
        connectedAs = describe(auth);
    }

    /** "llmq (U123) in workspace Study group (T456)", leaving out what auth.test did not say. */
    static String describe(AuthTestResponse auth) {
        String who = auth.getUser() == null ? "the bot" : auth.getUser();
        if (auth.getUserId() != null) {
            who += " (" + auth.getUserId() + ")";
        }
        if (auth.getTeam() != null) {
            who += " in workspace " + auth.getTeam() + (auth.getTeamId() == null ? "" : " (" + auth.getTeamId() + ")");
        } else if (auth.getTeamId() != null) {
            who += " in workspace " + auth.getTeamId();
        }
        return who;
    }

    private StartupFailure unreachable(String why, Throwable e) {
        boolean custom = settings.apiUrl().isPresent();
        return StartupFailure.runtime(custom ? SlackSettings.API_URL : "Slack", why,
                "check the network and DNS" + (settings.proxyUrl().isPresent() ? ", and " + SlackSettings.PROXY : "")
                        + (custom ? ", and " + SlackSettings.API_URL : ""), e);
    }

    private String apiBase() {
        return settings.apiUrl().orElse("https://slack.com/api/");
    }

    private String apiHost() {
        try {
            String h = java.net.URI.create(apiBase()).getHost();
            return h == null ? apiBase() : h;
        } catch (IllegalArgumentException e) {
            return apiBase();
        }
    }

    /** Renders the reply as Block Kit and serializes it as the SDK would send it; sends nothing. */
    @Override
    public void warmUp(Reply reply) {
        SlackMessage m = BlockKit.render(reply);
        GsonFactory.createSnakeCase().toJson(SlashCommandResponse.builder().responseType(m.responseType())
                .text(m.text()).blocks(m.blocks()).build());
    }

    /** "llmq (U123) in workspace T456": for the start-up banner. */
    @Override
    public String describe() {
        return connectedAs;
    }

    @Override
    public List<String> notes() {
        return List.of("app manifest: slack/manifest.yml in the llmq repository (see README, Install on Slack)");
    }

    @Override
    public boolean ready() {
        return socketMode != null;
    }

    /** Bolt's socket mode client reconnects by itself, so Slack never stops on its own: this never completes. */
    @Override
    public CompletableFuture<String> stopped() {
        return stopped;
    }

    /** How long stopping waits for Slack to answer the socket's close frame. */
    static final int CLOSE_WAIT_SECONDS = 5;

    @Override
    public synchronized void close() {
        SocketModeApp sma = socketMode;
        socketMode = null;
        if (sma != null) {
            try {
                SocketModeClient client = sma.getClient();
                if (client != null) {
                    // First the session monitor: a check already past "reconnect enabled?" would open a
                    // new connection just after the close below, which the JVM's exit then cuts (1006).
                    client.setAutoReconnectEnabled(false);
                    client.setSessionMonitorEnabled(false);
                    java.util.Optional<java.util.concurrent.ScheduledExecutorService> monitor =
                            client.getSessionMonitorExecutor();
                    if (monitor.isPresent()) {
                        monitor.get().shutdown();
                        monitor.get().awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
                    }
                    // Java-WebSocket closes asynchronously: wait (briefly) for Slack's answer to the close
                    // frame, so that stopping the app does not drop the connection mid-handshake (1006)
                    java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
                    client.addWebSocketCloseListener((code, reason) -> closed.countDown());
                    client.close();
                    // 5 s, not 2: on a loaded machine the answer was seen to take longer, and the JVM's
                    // halt after the stop then cut the connection (BothPlatformsIT, a 1006 close)
                    if (!closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                        log.info("the socket mode connection did not confirm its close within {} s", CLOSE_WAIT_SECONDS);
                    }
                }
                sma.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("closing the socket mode connection: {}", e.getMessage());
            }
        }
        // Let answers already being written finish, briefly.
        lookups.shutdownNow();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            slack.close();
        } catch (Exception e) {
            log.debug("closing the Slack client: {}", e.getMessage());
        }
    }
}
