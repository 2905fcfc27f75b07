package dev.llmq.slack;

import dev.llmq.core.config.StartupFailure;
import dev.llmq.core.config.Unreachable;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.ChatPlatform;
import dev.llmq.core.port.in.Interactions;
import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    /** How long a command waits for {@code users.info} (locale) before answering without it. */
    static final Duration LOCALE_WAIT = Duration.ofMillis(1500);
    /** How long a daily command waits for {@code users.info} (admin check). */
    static final Duration ADMIN_WAIT = Duration.ofSeconds(10);
    /**
     * The bot token scopes this adapter uses, as in {@code slack/manifest.yml}: {@code commands}
     * (/llmq), {@code chat:write} (posts), {@code users:read} (users.info: admin, locale),
     * {@code channels:read} and {@code groups:read} (users.conversations for the App Home).
     */
    public static final Set<String> SCOPES = Set.of("commands", "chat:write", "users:read", "channels:read",
            "groups:read");
    private static final Pattern OUR_ACTIONS = Pattern.compile("^" + Pattern.quote(BlockKit.ACTION_PREFIX) + ".*");

    private final SlackSettings settings;
    private final Slack slack;
    private final MethodsClient methods;
    private final ExecutorService worker;
    private final UserDirectory users;
    private final SlackPoster poster;
    private final SlackPublisher publisher;
    private volatile Interactions quizmaster;
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
        AtomicInteger n = new AtomicInteger();
        this.worker = new ThreadPoolExecutor(2, Math.max(2, settings.concurrency()), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, "llmq-slack-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.users = new UserDirectory(methods, worker);
        this.poster = new SlackPoster(methods);
        this.publisher = new SlackPublisher(poster);
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
        this.quizmaster = Objects.requireNonNull(quizmaster);
        checkBotToken();
        App app = new App(AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .slack(slack)
                .build());
        app.command("/llmq", this::onCommand);
        app.blockAction(OUR_ACTIONS, this::onAction);
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if (e != null && (e.getTab() == null || "home".equals(e.getTab()))) {
                String team = payload.getTeamId();
                worker.execute(() -> publishHome(team, e.getUser()));
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

    @Override
    public synchronized void close() {
        SocketModeApp sma = socketMode;
        socketMode = null;
        if (sma != null) {
            try {
                SocketModeClient client = sma.getClient();
                if (client != null) {
                    client.close();
                }
                sma.close();
            } catch (Exception e) {
                log.warn("closing the socket mode connection: {}", e.getMessage());
            }
        }
        // Let answers already being written finish, briefly.
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

    // ------------------------------------------------------------------ slash command

    private Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        Command command = CommandParser.parse(p.getText());
        boolean daily = switch (command) {
            case Command.Daily d -> true; // it needs users.info (admin check): answered off the event thread
            case Command.Ask a -> false;
            case Command.ShowTopics t -> false;
            case Command.ShowHelp h -> false;
            case Command.Malformed m -> false;
        };
        if (daily) {
            worker.execute(() -> daily(p, command, ctx));
            return ctx.ack();
        }
        Optional<UserDirectory.UserInfo> info = users.lookup(p.getUserId(), LOCALE_WAIT);
        Origin origin = origin(p.getTeamId(), p.getChannelId(), p.getUserId(), info, false);
        SlackMessage m = message(origin, command);
        return ctx.ack(SlashCommandResponse.builder().responseType(m.responseType()).text(m.text())
                .blocks(m.blocks()).build());
    }

    private SlackMessage message(Origin origin, Command command) {
        Interactions qm = quizmaster;
        Reply reply = qm.handle(origin, command);
        return switch (command) {
            // text that could not be understood is answered with the help beside the error
            case Command.Malformed m -> BlockKit.withHelp(reply, qm.help(qm.langFor(origin, command.lang())));
            case Command.Ask a -> BlockKit.render(reply);
            case Command.ShowTopics t -> BlockKit.render(reply);
            case Command.ShowHelp h -> BlockKit.render(reply);
            case Command.Daily d -> BlockKit.render(reply);
        };
    }

    private void daily(SlashCommandPayload p, Command command, SlashCommandContext ctx) {
        try {
            Optional<UserDirectory.UserInfo> info = users.lookup(p.getUserId(), ADMIN_WAIT);
            boolean admin = settings.admins().contains(p.getUserId())
                    || info.map(UserDirectory.UserInfo::workspaceAdmin).orElse(false);
            Origin origin = origin(p.getTeamId(), p.getChannelId(), p.getUserId(), info, admin);
            SlackMessage m = message(origin, command);
            check(ctx.respond(SlashCommandResponse.builder().responseType(m.responseType()).text(m.text())
                    .blocks(m.blocks()).build()));
        } catch (IOException | RuntimeException e) {
            log.warn("daily command in {} failed: {}", p.getChannelId(), e.toString());
        }
    }

    // ------------------------------------------------------------------ buttons

    private Response onAction(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        if (p.getActions() != null && !p.getActions().isEmpty()) {
            BlockActionPayload.Action action = p.getActions().get(0);
            worker.execute(() -> press(p, action, ctx));
        }
        return ctx.ack();
    }

    private void press(BlockActionPayload p, BlockActionPayload.Action action, ActionContext ctx) {
        String team = p.getTeam() == null ? "" : p.getTeam().getId();
        String user = p.getUser().getId();
        try {
            if (BlockKit.PRACTICE_ACTION.equals(action.getActionId())) {
                practice(team, user, action.getValue());
                return;
            }
            BlockActionPayload.Container container = p.getContainer();
            String channel = p.getChannel() != null ? p.getChannel().getId()
                    : container != null && container.getChannelId() != null ? container.getChannelId() : user;
            Origin origin = origin(team, channel, user, Optional.empty(), false);
            Reply reply = quizmaster.press(origin, action.getValue());
            SlackMessage m = BlockKit.render(reply);
            if (BlockKit.isPublicAnswer(reply)) {
                Optional<String> thread = threadOf(p);
                if (thread.isPresent()) {
                    try {
                        poster.post(channel, thread, m);
                        return;
                    } catch (PublishException e) {
                        log.info("public answer not posted in the thread ({}); answering in the channel", e.getMessage());
                    }
                }
            }
            if (p.getResponseUrl() == null) {
                log.warn("a press without a response_url in {}", channel);
                return;
            }
            check(ctx.respond(ActionResponse.builder().responseType(m.responseType()).replaceOriginal(false)
                    .text(m.text()).blocks(m.blocks()).build()));
        } catch (IOException | RuntimeException e) {
            log.warn("button {} failed: {}", action.getActionId(), e.toString());
        }
    }

    /** The thread of the pressed message (its own ts when it starts one); empty for ephemeral messages. */
    private static Optional<String> threadOf(BlockActionPayload p) {
        BlockActionPayload.Container c = p.getContainer();
        if (c == null || c.isEphemeral() || !"message".equals(c.getType())) {
            return Optional.empty();
        }
        if (p.getMessage() != null && p.getMessage().getThreadTs() != null) {
            return Optional.of(p.getMessage().getThreadTs());
        }
        if (c.getThreadTs() != null) {
            return Optional.of(c.getThreadTs());
        }
        return Optional.ofNullable(c.getMessageTs()).or(() -> Optional.ofNullable(p.getMessage()).map(m -> m.getTs()));
    }

    /** "Practice now" in the App Home: a question in the user's messages with the app. */
    private void practice(String team, String user, String value) {
        Origin origin = origin(team, user, user, Optional.empty(), false);
        Reply reply = quizmaster.press(origin, value);
        try {
            poster.post(user, Optional.empty(), BlockKit.render(reply));
        } catch (PublishException e) {
            log.warn("practice question for {} not posted: {}", user, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ App Home

    private void publishHome(String team, String user) {
        try {
            Optional<UserDirectory.UserInfo> info = users.lookup(user, ADMIN_WAIT);
            Origin origin = origin(team, user, user, info, false);
            Lang lang = quizmaster.langFor(origin, Optional.empty());
            Reply status = quizmaster.handle(origin, new Command.DailyStatus(Optional.empty(), Optional.of(lang)));
            List<ScheduleCard.Entry> all = BlockKit.scheduleEntries(status);
            Optional<Set<String>> mine = all.isEmpty() ? Optional.of(Set.of()) : users.channelsOf(user);
            List<ScheduleCard.Entry> entries = mine
                    .map(ch -> all.stream().filter(e -> ch.contains(e.channel())).collect(Collectors.toList()))
                    .orElse(List.of());
            View view = View.builder().type("home").blocks(BlockKit.home(lang, entries, mine.isPresent())).build();
            ViewsPublishResponse r = methods.viewsPublish(q -> q.userId(user).view(view));
            if (!r.isOk()) {
                log.warn("views.publish for {} failed: {}", user, r.getError());
            }
        } catch (Exception e) {
            log.warn("App Home for {} failed: {}", user, e.toString());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Origin origin(String team, String channel, String user, Optional<UserDirectory.UserInfo> info,
                                 boolean admin) {
        return new Origin(SlackPublisher.PLATFORM, team == null ? "" : team, channel, user,
                info.map(UserDirectory.UserInfo::locale).orElse(null), Optional.empty(), admin);
    }

    private static void check(WebhookResponse r) {
        if (r != null && r.getCode() != null && r.getCode() != 200) {
            log.warn("response_url answered {}: {}", r.getCode(), r.getBody());
        }
    }
}
