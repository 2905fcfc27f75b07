package dev.llmq.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.Interactions;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.FileReply;
import dev.llmq.core.port.in.HelpCard;
import dev.llmq.core.port.in.HintCard;
import dev.llmq.core.port.in.LeaderboardCard;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.TopicList;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.port.out.PublishException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's interactions, translated into core calls: the {@code /llmq} command, button presses and
 * the App Home. {@link SlackBot} registers these handlers with Bolt once it is connected.
 */
final class SlackInteractions {
    private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);
    /** How long a command waits for {@code users.info} (locale) before answering without it. */
    static final Duration LOCALE_WAIT = Duration.ofMillis(1500);
    /** How long a daily command waits for {@code users.info} (admin check). */
    static final Duration ADMIN_WAIT = Duration.ofSeconds(10);

    private final Interactions quizmaster;
    private final Set<String> admins;
    private final UserDirectory users;
    private final ExecutorService worker;
    private final SlackPoster poster;
    private final MethodsClient methods;
    private final SlackFiles files;

    SlackInteractions(Interactions quizmaster, Set<String> admins, UserDirectory users, ExecutorService worker,
                      SlackPoster poster, MethodsClient methods) {
        this.quizmaster = quizmaster;
        this.admins = admins;
        this.users = users;
        this.worker = worker;
        this.poster = poster;
        this.methods = methods;
        this.files = new SlackFiles(methods);
    }

    // ------------------------------------------------------------------ slash command

    /**
     * Acks at once, on Bolt's thread, and answers through the command's response_url on the
     * worker: answering can wait for Slack (users.info, for the locale and the admin check) and for
     * the store, and neither may hold Bolt's thread or the 3 s ack.
     */
    Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        Command command = CommandParser.parse(p.getText());
        submit("/llmq " + p.getText(), () -> answer(p, command, ctx));
        return ctx.ack();
    }

    /** Runs {@code work} on the worker; at shutdown it is dropped, and logged. */
    private void submit(String what, Runnable work) {
        try {
            worker.execute(work);
        } catch (RejectedExecutionException e) {
            log.warn("{} not answered: shutting down", what);
        }
    }

    private void answer(SlashCommandPayload p, Command command, SlashCommandContext ctx) {
        boolean daily = switch (command) { // these need the admin check
            case Command.Daily d -> true;
            case Command.Settings s -> s.server() && !s.changes().isEmpty();
            case Command.Ask a -> false;
            case Command.ShowTopics t -> false;
            case Command.ShowHelp h -> false;
            case Command.Malformed m -> false;
            case Command.Review r -> false;
            case Command.ForgetMe f -> false;
            case Command.Stats st -> false;
            case Command.Leaderboard b -> false;
            case Command.Export e -> false;
        };
        Optional<UserDirectory.UserInfo> info = Optional.empty();
        try {
            info = users.lookup(p.getUserId(), daily ? ADMIN_WAIT : LOCALE_WAIT);
            boolean admin = daily && (admins.contains(p.getUserId())
                    || info.map(UserDirectory.UserInfo::workspaceAdmin).orElse(false));
            Origin origin = origin(p.getTeamId(), p.getChannelId(), p.getUserId(), info, admin);
            Reply reply = quizmaster.handle(origin, command);
            Optional<SlackMessage> m = withFile(reply, p.getChannelId(), p.getUserId())
                    .or(() -> Optional.of(message(origin, command, reply)));
            check(ctx.respond(SlashCommandResponse.builder().responseType(m.get().responseType()).text(m.get().text())
                    .blocks(m.get().blocks()).build()));
        } catch (IOException | RuntimeException e) {
            log.warn("/llmq in {} failed: {}", p.getChannelId(), e.toString());
            Lang lang = langOf(origin(p.getTeamId(), p.getChannelId(), p.getUserId(), info, false));
            try {
                check(ctx.respond(SlashCommandResponse.builder().responseType("ephemeral")
                        .text(SlackText.SLACK_FAILED.text(lang)).build()));
            } catch (IOException | RuntimeException again) {
                log.warn("could not tell the user in {} either: {}", p.getChannelId(), again.toString());
            }
        }
    }

    private Lang langOf(Origin origin) {
        try {
            return quizmaster.langFor(origin, Optional.empty());
        } catch (RuntimeException e) {
            return Lang.EN;
        }
    }

    private SlackMessage message(Origin origin, Command command, Reply reply) {
        Interactions qm = quizmaster;
        return switch (command) {
            // text that could not be understood is answered with the help beside the error
            case Command.Malformed m -> BlockKit.withHelp(reply, qm.help(qm.langFor(origin, command.lang())));
            case Command.Ask a -> BlockKit.render(reply);
            case Command.ShowTopics t -> BlockKit.render(reply);
            case Command.ShowHelp h -> BlockKit.render(reply);
            case Command.Daily d -> BlockKit.render(reply);
            case Command.Review r -> BlockKit.render(reply);
            case Command.Settings s -> BlockKit.render(reply);
            case Command.ForgetMe f -> BlockKit.render(reply);
            case Command.Stats st -> BlockKit.render(reply);
            case Command.Leaderboard b -> BlockKit.render(reply);
            case Command.Export e -> BlockKit.render(reply);
        };
    }

    /**
     * A reply with a file: a private one is uploaded to the member's direct messages with the app
     * (Slack has no private file in a channel), and answered here with where it went and its
     * buttons; a shared one is uploaded to the channel, which is the whole answer. Empty when the
     * reply has no file. A failed upload is answered with the reason.
     */
    private Optional<SlackMessage> withFile(Reply reply, String channel, String user) {
        Optional<FileReply> file = switch (reply) {
            case FileReply f -> Optional.of(f);
            case QuestionCard q -> Optional.empty();
            case AnswerCard a -> Optional.empty();
            case HintCard h -> Optional.empty();
            case Notice n -> Optional.empty();
            case TopicList t -> Optional.empty();
            case HelpCard h -> Optional.empty();
            case ScheduleCard c -> Optional.empty();
            case LeaderboardCard b -> Optional.empty();
        };
        if (file.isEmpty()) {
            return Optional.empty();
        }
        FileReply f = file.get();
        Lang lang = f.lang();
        try {
            if (!f.ephemeral()) {
                files.upload(channel, f);
                return Optional.of(BlockKit.render(Notice.info(lang, SlackText.SLACK_FILE_SHARED.text(lang))));
            }
            // the app's own DM with the member (a DM between two people also starts with D, and llmq is not in it)
            String dm = files.directChannel(user);
            boolean direct = channel.equals(dm);
            files.upload(dm, f);
            String where = (direct ? SlackText.SLACK_FILE_ABOVE : SlackText.SLACK_FILE_IN_DM).text(lang);
            return Optional.of(BlockKit.render(new Notice(lang, Notice.Level.INFO, where + "\n" + f.caption(), true,
                    f.actions())));
        } catch (IOException e) {
            log.warn("{} not uploaded to {}: {}", f.file().fileName(), channel, e.getMessage());
            return Optional.of(BlockKit.render(Notice.error(lang, SlackText.SLACK_FILE_FAILED.text(lang,
                    e.getMessage()))));
        }
    }

    // ------------------------------------------------------------------ buttons

    Response onAction(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        if (p.getActions() != null && !p.getActions().isEmpty()) {
            BlockActionPayload.Action action = p.getActions().get(0);
            submit("button " + action.getActionId(), () -> press(p, action, ctx));
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
            // the locale and zone (a grade's date is in the member's zone), cached after the first lookup
            Origin origin = origin(team, channel, user, users.lookup(user, LOCALE_WAIT), false);
            Reply reply = quizmaster.press(origin, action.getValue());
            SlackMessage m = withFile(reply, channel, user).orElseGet(() -> BlockKit.render(reply));
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
            if (p.getResponseUrl() != null) {
                try {
                    check(ctx.respond(ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                            .text(SlackText.SLACK_FAILED.text(langOf(origin(team, user, user, Optional.empty(), false))))
                            .build()));
                } catch (IOException | RuntimeException again) {
                    log.warn("could not tell {} either: {}", user, again.toString());
                }
            }
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

    void publishHome(String team, String user) {
        try {
            Optional<UserDirectory.UserInfo> info = users.lookup(user, ADMIN_WAIT);
            Origin origin = origin(team, user, user, info, false);
            // first, so that the member's own language setting is read before the language is chosen
            Reply settings = quizmaster.handle(origin, new Command.Settings(false, List.of(), Optional.empty()));
            Optional<String> settingsText = BlockKit.settingsText(settings);
            Lang lang = quizmaster.langFor(origin, Optional.empty());
            Reply status = quizmaster.handle(origin, new Command.DailyStatus(Optional.empty(), Optional.of(lang)));
            List<ScheduleCard.Entry> all = BlockKit.scheduleEntries(status);
            Optional<Set<String>> mine = all.isEmpty() ? Optional.of(Set.of()) : users.channelsOf(user);
            List<ScheduleCard.Entry> entries = mine
                    .map(ch -> all.stream().filter(e -> ch.contains(e.channel())).collect(Collectors.toList()))
                    .orElse(List.of());
            View view = View.builder().type("home").blocks(BlockKit.home(lang, entries, mine.isPresent(), settingsText)).build();
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
                info.map(UserDirectory.UserInfo::locale).orElse(null), Optional.empty(), admin,
                info.flatMap(UserDirectory.UserInfo::zone));
    }

    private static void check(WebhookResponse r) {
        if (r != null && r.getCode() != null && r.getCode() != 200) {
            log.warn("response_url answered {}: {}", r.getCode(), r.getBody());
        }
    }
}
