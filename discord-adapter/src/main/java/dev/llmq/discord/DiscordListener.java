package dev.llmq.discord;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.Topic;
import dev.llmq.core.bank.TopicResolver;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.DailyArgs;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.schedule.Schedule;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates Discord interactions into core calls and answers them with rendered replies.
 * Commands and button presses are answered at once on the event thread (the core works in
 * memory); the daily commands, which may touch a store and post messages, are deferred and
 * finished on {@code slow}.
 */
final class DiscordListener implements EventListener {
    private static final Logger log = LoggerFactory.getLogger(DiscordListener.class);
    static final int MAX_CHOICES = 25;
    /** What a member needs to set a channel's daily question (Discord shows the command to them; the server checks again). */
    static final Permission ADMIN = Permission.MANAGE_SERVER;
    /** What the bot needs in a channel to post daily questions there. */
    static final List<Permission> DAILY_PERMISSIONS = List.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS, Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS);
    private static final List<String> WEEKDAY_SUGGESTIONS = List.of("daily", "weekdays", "weekends", "mon-fri",
            "mon,wed,fri", "tue,thu", "sat,sun");

    private final Quizmaster quizmaster;
    private final Executor slow;

    DiscordListener(Quizmaster quizmaster, Executor slow) {
        this.quizmaster = quizmaster;
        this.slow = slow;
    }

    // ------------------------------------------------------------------ events

    /** Dispatches by type directly (cheaper than ListenerAdapter's reflective walk of the event's supertypes). */
    @Override
    public void onEvent(GenericEvent event) {
        if (event instanceof SlashCommandInteractionEvent slash) {
            onSlashCommandInteraction(slash);
        } else if (event instanceof ButtonInteractionEvent button) {
            onButtonInteraction(button);
        } else if (event instanceof CommandAutoCompleteInteractionEvent autocomplete) {
            onCommandAutoCompleteInteraction(autocomplete);
        }
    }

    void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        Origin origin = origin(event);
        try {
            switch (event.getName()) {
                case DiscordCommands.LLMQ:
                    answer(event, quizmaster.handle(origin, ask(event)));
                    break;
                case DiscordCommands.TOPICS:
                    answer(event, quizmaster.handle(origin, new Command.ShowTopics(langOption(event))));
                    break;
                case DiscordCommands.HELP:
                    answer(event, quizmaster.handle(origin, new Command.ShowHelp(langOption(event))));
                    break;
                case DiscordCommands.DAILY:
                    daily(event, origin);
                    break;
                default:
                    answer(event, Notice.error(lang(origin), Msg.BAD_BUTTON.text(lang(origin))));
            }
        } catch (RuntimeException e) {
            fail(event, origin, e);
        }
    }

    void onButtonInteraction(ButtonInteractionEvent event) {
        Origin origin = origin(event);
        try {
            answer(event, quizmaster.press(origin, event.getComponentId()));
        } catch (RuntimeException e) {
            fail(event, origin, e);
        }
    }

    void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        try {
            Lang lang = lang(origin(event));
            String typed = event.getFocusedOption().getValue();
            List<net.dv8tion.jda.api.interactions.commands.Command.Choice> choices;
            switch (event.getFocusedOption().getName()) {
                case DiscordCommands.TOPIC:
                    choices = topicChoices(quizmaster.bank(), typed, lang);
                    break;
                case DiscordCommands.ZONE:
                    choices = strings(zoneChoices(typed));
                    break;
                case DiscordCommands.WEEKDAYS:
                    choices = strings(weekdayChoices(typed));
                    break;
                case DiscordCommands.TOPICS_OPTION:
                    choices = strings(topicListChoices(quizmaster.bank(), typed));
                    break;
                default:
                    choices = List.of();
            }
            event.replyChoices(choices).queue(null, e -> log.debug("autocomplete answer failed: {}", e.toString()));
        } catch (RuntimeException e) {
            log.error("autocomplete for /{} failed", event.getName(), e);
            event.replyChoices().queue(null, x -> { });
        }
    }

    // ------------------------------------------------------------------ commands

    /** {@code /llmq topic: [difficulty:] [lang:] [public:]}; the topic words "topics" and "help" work too. */
    static Command ask(SlashCommandInteractionEvent event) {
        Optional<Lang> lang = langOption(event);
        if (badLang(event)) {
            return new Command.Malformed(event.getOption(DiscordCommands.LANG).getAsString(), Msg.BAD_LANG, Optional.empty());
        }
        String topic = event.getOption(DiscordCommands.TOPIC, "", OptionMapping::getAsString).strip();
        String word = topic.toLowerCase(Locale.ROOT);
        if (word.equals("topics") || word.equals("主题")) {
            return new Command.ShowTopics(lang);
        }
        if (word.equals("help") || word.equals("帮助")) {
            return new Command.ShowHelp(lang);
        }
        OptionMapping d = event.getOption(DiscordCommands.DIFFICULTY);
        OptionalInt difficulty = OptionalInt.empty();
        if (d != null) {
            if (d.getAsLong() < 1 || d.getAsLong() > 3) {
                return new Command.Malformed(d.getAsString(), Msg.BAD_DIFFICULTY, lang);
            }
            difficulty = OptionalInt.of((int) d.getAsLong());
        }
        boolean pub = event.getOption(DiscordCommands.PUBLIC, false, OptionMapping::getAsBoolean);
        Optional<String> t = topic.equals(DiscordCommands.ANY_TOPIC) || topic.isEmpty() ? Optional.empty() : Optional.of(topic);
        return new Command.Ask(t, lang, difficulty, pub);
    }

    private void daily(SlashCommandInteractionEvent event, Origin origin) {
        Guild guild = event.getGuild();
        if (guild == null) {
            answer(event, Notice.error(lang(origin), Msg.DISCORD_GUILD_ONLY.text(lang(origin))));
            return;
        }
        Command command = dailyCommand(event);
        Optional<Reply> refusal = origin.admin() ? checkChannel(guild, command, origin) : Optional.empty();
        if (refusal.isPresent()) {
            answer(event, refusal.get());
            return;
        }
        // The desk may post messages (now) or write to a store: acknowledge within Discord's 3 seconds first.
        event.deferReply(true).queue(null, e -> log.warn("could not defer /{}: {}", event.getFullCommandName(), e.toString()));
        try {
            slow.execute(() -> {
                Reply reply;
                try {
                    reply = quizmaster.handle(origin, command);
                } catch (RuntimeException e) {
                    log.error("/{} failed", event.getFullCommandName(), e);
                    reply = Notice.error(lang(origin), Msg.DISCORD_FAILED.text(lang(origin)));
                }
                event.getHook().editOriginal(MessageEditData.fromCreateData(DiscordRenderer.render(reply).data()))
                        .queue(null, e -> log.warn("could not answer /{}: {}", event.getFullCommandName(), e.toString()));
            });
        } catch (RejectedExecutionException e) {
            log.warn("/{} not run: shutting down", event.getFullCommandName());
        }
    }

    static Command dailyCommand(SlashCommandInteractionEvent event) {
        Optional<String> channel = Optional.ofNullable(event.getOption(DiscordCommands.CHANNEL)).map(OptionMapping::getAsString);
        String sub = String.valueOf(event.getSubcommandName());
        switch (sub) {
            case DiscordCommands.OFF:
                return new Command.DailyOff(channel, Optional.empty());
            case DiscordCommands.STATUS:
                return new Command.DailyStatus(Optional.empty(), Optional.empty());
            case DiscordCommands.NOW:
                return new Command.DailyNow(channel, Optional.empty());
            case DiscordCommands.SET:
                break;
            default:
                return new Command.Malformed(sub, Msg.DAILY_USAGE, Optional.empty());
        }
        Optional<Lang> postLang = langOption(event);
        if (badLang(event)) {
            return new Command.Malformed(event.getOption(DiscordCommands.LANG).getAsString(), Msg.BAD_LANG, Optional.empty());
        }
        String timeText = event.getOption(DiscordCommands.TIME, "", OptionMapping::getAsString);
        Optional<LocalTime> time = DailyArgs.time(timeText);
        if (time.isEmpty()) {
            return new Command.Malformed(timeText, Msg.BAD_TIME, Optional.empty());
        }
        String zoneText = event.getOption(DiscordCommands.ZONE, "", OptionMapping::getAsString);
        Optional<ZoneId> zone = DailyArgs.zone(zoneText);
        if (zone.isEmpty()) {
            return new Command.Malformed(zoneText, Msg.BAD_ZONE, Optional.empty());
        }
        Set<DayOfWeek> days = Schedule.EVERY_DAY;
        OptionMapping w = event.getOption(DiscordCommands.WEEKDAYS);
        if (w != null && !w.getAsString().isBlank()) {
            Optional<Set<DayOfWeek>> parsed = DailyArgs.weekdays(w.getAsString());
            if (parsed.isEmpty()) {
                return new Command.Malformed(w.getAsString(), Msg.BAD_WEEKDAYS, Optional.empty());
            }
            days = parsed.get();
        }
        List<String> topics = Arrays.stream(event.getOption(DiscordCommands.TOPICS_OPTION, "", OptionMapping::getAsString)
                .split("[\\s,，、]+")).filter(s -> !s.isBlank()).collect(Collectors.toList());
        return new Command.DailySet(channel, time.get(), zone.get(), days, topics, postLang);
    }

    /** Before an admin points the daily question at a channel, makes sure the bot can post there. */
    private Optional<Reply> checkChannel(Guild guild, Command command, Origin origin) {
        if (!(command instanceof Command.DailySet) && !(command instanceof Command.DailyNow)) {
            return Optional.empty();
        }
        Lang lang = lang(origin);
        String id = ((Command.Daily) command).channel().orElse(origin.channel());
        GuildChannel channel = guild.getGuildChannelById(id);
        if (channel == null || (channel.getType() != ChannelType.TEXT && channel.getType() != ChannelType.NEWS)) {
            return Optional.of(Notice.error(lang, Msg.DISCORD_NOT_TEXT.text(lang)));
        }
        Member self = guild.getSelfMember();
        List<String> missing = DAILY_PERMISSIONS.stream().filter(p -> !self.hasPermission(channel, p))
                .map(Permission::getName).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            return Optional.of(Notice.error(lang, Msg.DISCORD_CANNOT_POST.text(lang, channel.getAsMention(),
                    String.join(", ", missing))));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ autocomplete

    /** Topics whose id, alias or English or Chinese name matches what was typed; "any topic" first when nothing is typed. */
    static List<net.dv8tion.jda.api.interactions.commands.Command.Choice> topicChoices(QuestionBank bank, String typed, Lang lang) {
        String key = TopicResolver.normalize(typed);
        List<net.dv8tion.jda.api.interactions.commands.Command.Choice> out = new ArrayList<>();
        if (key.isEmpty()) {
            out.add(new net.dv8tion.jda.api.interactions.commands.Command.Choice(Msg.ANY_TOPIC.text(lang),
                    DiscordCommands.ANY_TOPIC));
        }
        List<Topic> prefix = new ArrayList<>();
        List<Topic> inner = new ArrayList<>();
        for (Topic t : bank.topics()) {
            List<String> words = new ArrayList<>(List.of(t.id(), t.name(Lang.EN), t.name(Lang.ZH)));
            words.addAll(t.aliases());
            List<String> normalized = words.stream().map(TopicResolver::normalize).collect(Collectors.toList());
            if (normalized.stream().anyMatch(w -> w.startsWith(key))) {
                prefix.add(t);
            } else if (normalized.stream().anyMatch(w -> w.contains(key))) {
                inner.add(t);
            }
        }
        prefix.addAll(inner);
        Lang other = lang == Lang.EN ? Lang.ZH : Lang.EN;
        for (Topic t : prefix) {
            if (out.size() == MAX_CHOICES) {
                break;
            }
            String name = t.name(lang) + " · " + t.name(other) + " (" + t.id() + ")";
            out.add(new net.dv8tion.jda.api.interactions.commands.Command.Choice(DiscordRenderer.cut(name, 100), t.id()));
        }
        return out;
    }

    static List<String> zoneChoices(String typed) {
        String p = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        if ("utc".startsWith(p) && p.length() < 4) {
            out.add("UTC");
        }
        out.addAll(DailyArgs.zonesStartingWith(p, MAX_CHOICES - out.size()));
        return out;
    }

    static List<String> weekdayChoices(String typed) {
        String p = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        if (!p.isEmpty() && DailyArgs.weekdays(p).isPresent() && !WEEKDAY_SUGGESTIONS.contains(p)) {
            out.add(p);
        }
        WEEKDAY_SUGGESTIONS.stream().filter(s -> s.startsWith(p)).forEach(out::add);
        return out;
    }

    /** Completes the last word of a space-separated topic list with topic ids. */
    static List<String> topicListChoices(QuestionBank bank, String typed) {
        String text = typed == null ? "" : typed;
        int cut = Math.max(Math.max(text.lastIndexOf(' '), text.lastIndexOf(',')), -1);
        String head = text.substring(0, cut + 1);
        String key = TopicResolver.normalize(text.substring(cut + 1));
        Set<String> already = Arrays.stream(head.split("[\\s,]+")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        List<String> out = new ArrayList<>();
        for (Topic t : bank.topics()) {
            if (out.size() == MAX_CHOICES) {
                break;
            }
            boolean matches = TopicResolver.normalize(t.id()).startsWith(key)
                    || t.aliases().stream().anyMatch(a -> TopicResolver.normalize(a).startsWith(key))
                    || TopicResolver.normalize(t.name(Lang.EN)).startsWith(key)
                    || TopicResolver.normalize(t.name(Lang.ZH)).startsWith(key);
            String value = head + t.id();
            if (matches && !already.contains(t.id()) && value.length() <= 100) {
                out.add(value);
            }
        }
        return out;
    }

    private static List<net.dv8tion.jda.api.interactions.commands.Command.Choice> strings(List<String> values) {
        return values.stream().limit(MAX_CHOICES)
                .map(v -> new net.dv8tion.jda.api.interactions.commands.Command.Choice(v, v))
                .collect(Collectors.toList());
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

    /** The {@code lang} option; empty when not given (or not a language, see {@link #badLang}). */
    private static Optional<Lang> langOption(SlashCommandInteractionEvent event) {
        OptionMapping o = event.getOption(DiscordCommands.LANG);
        return o == null ? Optional.empty() : Lang.parse(o.getAsString());
    }

    /** The registered choices allow only en and zh, but a stale client or another tool may send anything. */
    private static boolean badLang(SlashCommandInteractionEvent event) {
        OptionMapping o = event.getOption(DiscordCommands.LANG);
        return o != null && Lang.parse(o.getAsString()).isEmpty();
    }

    private static void answer(IReplyCallback event, Reply reply) {
        DiscordRenderer.Rendered r = DiscordRenderer.render(reply);
        event.reply(r.data()).setEphemeral(r.ephemeral())
                .queue(null, e -> log.warn("could not answer an interaction in channel {}: {}", event.getChannelId(), e.toString()));
    }

    private void fail(IReplyCallback event, Origin origin, RuntimeException e) {
        log.error("interaction in channel {} failed", origin.channel(), e);
        if (!event.isAcknowledged()) {
            answer(event, Notice.error(lang(origin), Msg.DISCORD_FAILED.text(lang(origin))));
        }
    }
}
