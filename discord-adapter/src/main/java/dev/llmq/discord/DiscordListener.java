package dev.llmq.discord;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.ActionId;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.Interactions;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.Reply;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches Discord interactions to the core and answers them with rendered replies: options
 * become commands in {@link DiscordOptions}, typing is completed by {@link DiscordAutocomplete},
 * and the guards (server only, the bot's permissions in a daily channel) live here.
 * What the core answers from memory is answered at once on JDA's event thread. Whatever may wait
 * on the store ({@link Interactions#waitsOnStore}: the daily commands, a reveal, which records the
 * user's progress) is deferred first, within Discord's 3 seconds, and finished on {@code slow}
 * (virtual threads), so a slow database never stalls the event thread or costs a deadline.
 */
final class DiscordListener implements EventListener {
    private static final Logger log = LoggerFactory.getLogger(DiscordListener.class);
    /** What a member needs to set a channel's daily question (Discord shows the command to them; the server checks again). */
    static final Permission ADMIN = Permission.MANAGE_SERVER;
    /** What the bot needs in a channel to post daily questions there. */
    static final List<Permission> DAILY_PERMISSIONS = List.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS, Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS);

    private final Interactions quizmaster;
    private final Executor slow;
    private final DiscordAutocomplete autocomplete;

    DiscordListener(Interactions quizmaster, Executor slow) {
        this.quizmaster = quizmaster;
        this.slow = slow;
        this.autocomplete = new DiscordAutocomplete(quizmaster::bank);
    }

    // ------------------------------------------------------------------ events

    /** Dispatches by type directly (cheaper than ListenerAdapter's reflective walk of the event's supertypes). */
    @Override
    public void onEvent(GenericEvent event) {
        switch (event) {
            case SlashCommandInteractionEvent slash -> onSlashCommandInteraction(slash);
            case ButtonInteractionEvent button -> onButtonInteraction(button);
            case CommandAutoCompleteInteractionEvent typing -> onCommandAutoCompleteInteraction(typing);
            default -> { // JDA's other events (not ours, not sealed) are not for llmq
            }
        }
    }

    void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        Origin origin = origin(event);
        try {
            Command command = DiscordOptions.command(event);
            boolean daily = switch (command) {
                case Command.Daily d -> true;
                case Command.Ask a -> false;
                case Command.ShowTopics t -> false;
                case Command.ShowHelp h -> false;
                case Command.Malformed m -> false;
                case Command.Review r -> false;
                case Command.Settings s -> false;
                case Command.ForgetMe f -> false;
                case Command.Stats st -> false;
                case Command.Leaderboard b -> false;
                case Command.Export e -> false;
            };
            // a member's own study is answered to them alone: defer it privately too
            boolean mine = switch (command) {
                case Command.Review r -> true;
                case Command.Settings s -> true;
                case Command.ForgetMe f -> true;
                case Command.Stats st -> true;
                case Command.Leaderboard b -> true;
                case Command.Export e -> true;
                case Command.Daily d -> false;
                case Command.Ask a -> false;
                case Command.ShowTopics t -> false;
                case Command.ShowHelp h -> false;
                case Command.Malformed m -> false;
            };
            if (daily) {
                daily(event, origin, command);
            } else if (quizmaster.waitsOnStore(origin, command)) {
                event.deferReply(mine).queue(null, e -> log.warn("could not defer /{}: {}", event.getFullCommandName(),
                        e.toString()));
                finishLater(event, origin, mine, () -> quizmaster.handle(origin, command),
                        "/" + event.getFullCommandName());
            } else {
                answer(event, quizmaster.handle(origin, command));
            }
        } catch (RuntimeException e) {
            fail(event, origin, e);
        }
    }

    void onButtonInteraction(ButtonInteractionEvent event) {
        Origin origin = origin(event);
        String id = event.getComponentId();
        try {
            if (quizmaster.waitsOnStore(origin, id)) {
                // private unless the button says :pub, as the answer will be
                boolean ephemeral = !ActionId.parse(id).map(ActionId::publicReveal).orElse(false);
                event.deferReply(ephemeral).queue(null, e -> log.warn("could not defer a press: {}", e.toString()));
                finishLater(event, origin, ephemeral, () -> quizmaster.press(origin, id), "a press");
            } else {
                answer(event, quizmaster.press(origin, id));
            }
        } catch (RuntimeException e) {
            fail(event, origin, e);
        }
    }

    /**
     * Computes the reply of a deferred interaction on {@code slow} and edits it in; a failure is
     * answered too ("something went wrong"), never with silence. A private reply to a public defer
     * (an error notice for an ask) replaces the public placeholder with a private follow-up, so it
     * is not shown to the channel.
     */
    private void finishLater(IReplyCallback event, Origin origin, boolean deferredPrivately,
                             java.util.function.Supplier<Reply> work, String what) {
        Runnable finish = () -> {
            Reply reply;
            try {
                reply = work.get();
            } catch (RuntimeException e) {
                log.error("{} failed", what, e);
                reply = Notice.error(lang(origin), DiscordText.DISCORD_FAILED.text(lang(origin)));
            }
            DiscordRenderer.Rendered r = DiscordRenderer.render(reply);
            try {
                if (r.ephemeral() && !deferredPrivately) {
                    event.getHook().deleteOriginal().queue(null, e -> log.warn("could not remove the placeholder of {}: {}",
                            what, e.toString()));
                    event.getHook().sendMessage(r.data()).setEphemeral(true)
                            .queue(null, e -> log.warn("could not answer {}: {}", what, e.toString()));
                    return;
                }
                event.getHook().editOriginal(MessageEditData.fromCreateData(r.data()))
                        .queue(null, e -> log.warn("could not answer {}: {}", what, e.toString()));
            } catch (RuntimeException e) { // JDA refuses new requests once it is shutting down
                log.warn("could not answer {}: {}", what, e.toString());
            }
        };
        try {
            slow.execute(finish);
        } catch (RejectedExecutionException e) {
            log.warn("{} not run: shutting down", what);
            event.getHook().editOriginal(DiscordText.DISCORD_FAILED.text(lang(origin)))
                    .queue(null, x -> log.warn("could not answer {}: {}", what, x.toString()));
        }
    }

    void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        autocomplete.answer(event, lang(origin(event)));
    }

    // ------------------------------------------------------------------ commands

    private void daily(SlashCommandInteractionEvent event, Origin origin, Command command) {
        Guild guild = event.getGuild();
        if (guild == null) {
            answer(event, Notice.error(lang(origin), DiscordText.DISCORD_GUILD_ONLY.text(lang(origin))));
            return;
        }
        Optional<Reply> refusal = origin.admin() ? checkChannel(guild, command, origin) : Optional.empty();
        if (refusal.isPresent()) {
            answer(event, refusal.get());
            return;
        }
        // The desk may post messages (now) or write to a store: acknowledge within Discord's 3 seconds first.
        event.deferReply(true).queue(null, e -> log.warn("could not defer /{}: {}", event.getFullCommandName(), e.toString()));
        finishLater(event, origin, true, () -> quizmaster.handle(origin, command), "/" + event.getFullCommandName());
    }

    /** Before an admin points the daily question at a channel, makes sure the bot can post there. */
    private Optional<Reply> checkChannel(Guild guild, Command command, Origin origin) {
        // only the commands that will post in the channel need the bot's permissions there
        Optional<Command.Daily> posting = switch (command) {
            case Command.DailySet set -> Optional.of(set);
            case Command.DailyNow now -> Optional.of(now);
            case Command.DailyOff off -> Optional.empty();
            case Command.DailyStatus status -> Optional.empty();
            case Command.Ask ask -> Optional.empty();
            case Command.ShowTopics topics -> Optional.empty();
            case Command.ShowHelp help -> Optional.empty();
            case Command.Malformed bad -> Optional.empty();
            case Command.Review r -> Optional.empty();
            case Command.Settings s -> Optional.empty();
            case Command.ForgetMe f -> Optional.empty();
            case Command.Stats st -> Optional.empty();
            case Command.Leaderboard b -> Optional.empty();
            case Command.Export e -> Optional.empty();
        };
        if (posting.isEmpty()) {
            return Optional.empty();
        }
        Lang lang = lang(origin);
        String id = posting.get().channel().orElse(origin.channel());
        GuildChannel channel = guild.getGuildChannelById(id);
        if (channel == null || (channel.getType() != ChannelType.TEXT && channel.getType() != ChannelType.NEWS)) {
            return Optional.of(Notice.error(lang, DiscordText.DISCORD_NOT_TEXT.text(lang)));
        }
        Member self = guild.getSelfMember();
        List<String> missing = DAILY_PERMISSIONS.stream().filter(p -> !self.hasPermission(channel, p))
                .map(Permission::getName).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            return Optional.of(Notice.error(lang, DiscordText.DISCORD_CANNOT_POST.text(lang, channel.getAsMention(),
                    String.join(", ", missing))));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ helpers

    /** Who is asking, from where, in which language, and whether Discord says they may manage the server. */
    static Origin origin(Interaction i) {
        Guild guild = i.getGuild();
        Member member = i.getMember();
        DiscordLocale locale = i.getUserLocale();
        Optional<Lang> spaceLang = Optional.empty();
        if (i.isFromGuild() && i.getGuildLocale() != DiscordLocale.ENGLISH_US) {
            // en-US is every server's default; only a deliberately chosen server language says something.
            spaceLang = Lang.fromLocale(i.getGuildLocale().getLocale());
        }
        String channel = i.getChannelId() == null ? "unknown" : i.getChannelId();
        return new Origin(DiscordPublisher.PLATFORM, guild == null ? "dm" : guild.getId(), channel, i.getUser().getId(),
                locale == DiscordLocale.UNKNOWN ? null : locale.getLocale(), spaceLang,
                member != null && member.hasPermission(ADMIN));
    }

    private Lang lang(Origin origin) {
        return quizmaster.langFor(origin, Optional.empty());
    }

    private static void answer(IReplyCallback event, Reply reply) {
        DiscordRenderer.Rendered r = DiscordRenderer.render(reply);
        event.reply(r.data()).setEphemeral(r.ephemeral())
                .queue(null, e -> log.warn("could not answer an interaction in channel {}: {}", event.getChannelId(), e.toString()));
    }

    private void fail(IReplyCallback event, Origin origin, RuntimeException e) {
        log.error("interaction in channel {} failed", origin.channel(), e);
        if (!event.isAcknowledged()) {
            answer(event, Notice.error(lang(origin), DiscordText.DISCORD_FAILED.text(lang(origin))));
        }
    }
}
