package dev.llmq.discord;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.CommandParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * Reads a slash command's options and hands them to the core's one {@link CommandParser}, so that
 * {@code /llmq topic:help} or a bad zone means what it means in chat text.
 */
final class DiscordOptions {
    private DiscordOptions() {
    }

    /** {@code /llmq topic: [difficulty:] [lang:] [public:]}, {@code /llmq-topics}, {@code /llmq-help}. */
    static Command command(SlashCommandInteractionEvent event) {
        if (event.getName().equals(DiscordCommands.SETTINGS)) { // there lang is a setting, and may be auto
            return settings(event);
        }
        Optional<Command.Malformed> badLang = CommandParser.badLang(raw(event, DiscordCommands.LANG));
        if (badLang.isPresent()) { // the registered choices allow only en and zh, but a stale client may send anything
            return badLang.get();
        }
        Optional<Lang> lang = lang(event);
        return switch (event.getName()) {
            case DiscordCommands.LLMQ -> CommandParser.ask(raw(event, DiscordCommands.TOPIC).orElse(""), lang,
                    raw(event, DiscordCommands.DIFFICULTY),
                    event.getOption(DiscordCommands.PUBLIC, false, OptionMapping::getAsBoolean));
            case DiscordCommands.TOPICS -> new Command.ShowTopics(lang);
            case DiscordCommands.HELP -> new Command.ShowHelp(lang);
            case DiscordCommands.DAILY -> daily(event, lang);
            case DiscordCommands.REVIEW -> new Command.Review(lang);
            case DiscordCommands.FORGET_ME -> new Command.ForgetMe(lang);
            case DiscordCommands.STATS -> new Command.Stats(lang);
            case DiscordCommands.BOARD -> new Command.Leaderboard(lang);
            case DiscordCommands.EXPORT -> new Command.Export(
                    raw(event, DiscordCommands.SCOPE).flatMap(CommandParser::exportScope).orElse(Command.ExportScope.MISSES),
                    raw(event, DiscordCommands.FORMAT).flatMap(CommandParser::exportFormat)
                            .orElse(Command.ExportFormat.ANKI), lang);
            default -> CommandParser.ask("help", lang, Optional.empty(), false); // a command registered by an older version
        };
    }

    /** {@code /llmq-daily set|off|status|now}. */
    private static Command daily(SlashCommandInteractionEvent event, Optional<Lang> lang) {
        Optional<String> channel = raw(event, DiscordCommands.CHANNEL);
        String sub = String.valueOf(event.getSubcommandName());
        return switch (sub) {
            case DiscordCommands.SET -> CommandParser.dailySet(channel, raw(event, DiscordCommands.TIME).orElse(""),
                    raw(event, DiscordCommands.ZONE).orElse(""), raw(event, DiscordCommands.WEEKDAYS),
                    CommandParser.topicWords(raw(event, DiscordCommands.TOPICS_OPTION).orElse("")), lang);
            // status lists the whole server's schedules, whatever the channel
            case DiscordCommands.STATUS -> CommandParser.daily(sub, Optional.empty(), Optional.empty());
            default -> CommandParser.daily(sub, channel, Optional.empty());
        };
    }

    /** {@code /llmq-settings me|server [options]}: each given option is one change, as {@code key:value} in text. */
    private static Command settings(SlashCommandInteractionEvent event) {
        boolean server = DiscordCommands.SERVER.equals(event.getSubcommandName());
        List<Map.Entry<String, String>> options = new ArrayList<>();
        for (OptionMapping o : event.getOptions()) {
            options.add(Map.entry(o.getName(), o.getAsString()));
        }
        return CommandParser.settings(server, options);
    }

    /** The {@code lang} option; empty when not given. */
    static Optional<Lang> lang(SlashCommandInteractionEvent event) {
        return raw(event, DiscordCommands.LANG).flatMap(Lang::parse);
    }

    /** An option's value as the user gave it; channels as their id. */
    private static Optional<String> raw(SlashCommandInteractionEvent event, String name) {
        return Optional.ofNullable(event.getOption(name)).map(OptionMapping::getAsString);
    }
}
