package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
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

/**
 * The one parser that builds a {@link Command}, whatever the platform. Chat text (the console, Slack)
 * goes through {@link #parse}: {@code [/llmq] [topic words | topics | help] [lang:zh] [difficulty:2]
 * [public]} and {@code daily set|off|status|now ...}. Platforms with typed options (Discord's slash
 * commands) call {@link #ask}, {@link #daily} and {@link #dailySet} with the option values, so that
 * "help" as a topic, a difficulty of 4 or a bad time zone mean the same thing everywhere.
 */
public final class CommandParser {
    public static final String PREFIX = "/llmq";
    /** The topic value that asks for any topic (Discord's autocomplete offers it first). */
    public static final String ANY_TOPIC = "*";

    private CommandParser() {
    }

    // ------------------------------------------------------------------ structured options

    /**
     * An ask from its parts. The topic words {@code topics} / 主题 and {@code help} / 帮助 / {@code ?}
     * list the topics and show the help; an empty topic or {@link #ANY_TOPIC} draws from all topics.
     *
     * @param difficulty the difficulty as given, checked here to be 1, 2 or 3
     */
    public static Command ask(String topic, Optional<Lang> lang, Optional<String> difficulty, boolean publicReveal) {
        String t = topic == null ? "" : topic.strip();
        String word = t.toLowerCase(Locale.ROOT);
        if (word.equals("topics") || word.equals("主题")) {
            return new Command.ShowTopics(lang);
        }
        if (word.equals("help") || word.equals("帮助") || word.equals("?")) {
            return new Command.ShowHelp(lang);
        }
        OptionalInt level = OptionalInt.empty();
        if (difficulty.isPresent()) {
            String d = difficulty.get().strip();
            if (!d.matches("[1-3]")) {
                return new Command.Malformed(d, Msg.BAD_DIFFICULTY, lang);
            }
            level = OptionalInt.of(Integer.parseInt(d));
        }
        Optional<String> which = t.isEmpty() || t.equals(ANY_TOPIC) ? Optional.empty() : Optional.of(t);
        return new Command.Ask(which, lang, level, publicReveal);
    }

    /**
     * A language option as given, or the {@link Command.Malformed} that says it is not one; empty
     * when the option is absent.
     */
    public static Optional<Command.Malformed> badLang(Optional<String> raw) {
        return raw.filter(r -> Lang.parse(r).isEmpty())
                .map(r -> new Command.Malformed(r, Msg.BAD_LANG, Optional.empty()));
    }

    /** {@code daily off|stop}, {@code status} (or nothing) and {@code now}; {@code set} goes to {@link #dailySet}. */
    public static Command daily(String sub, Optional<String> channel, Optional<Lang> lang) {
        return switch (sub.strip().toLowerCase(Locale.ROOT)) {
            case "off", "stop" -> new Command.DailyOff(channel, lang);
            case "status", "" -> new Command.DailyStatus(channel, lang);
            case "now" -> new Command.DailyNow(channel, lang);
            default -> new Command.Malformed("daily " + sub.strip(), Msg.DAILY_USAGE, lang);
        };
    }

    /**
     * {@code daily set} from its parts.
     *
     * @param weekdays {@code mon-fri}, {@code weekends}, ...; every day when absent or blank
     * @param topics   topic words; each is resolved to a topic when the schedule is saved
     */
    public static Command dailySet(Optional<String> channel, String time, String zone, Optional<String> weekdays,
                                   List<String> topics, Optional<Lang> lang) {
        Optional<LocalTime> at = DailyArgs.time(time);
        if (at.isEmpty()) {
            return new Command.Malformed(time, Msg.BAD_TIME, lang);
        }
        Optional<ZoneId> in = DailyArgs.zone(zone);
        if (in.isEmpty()) {
            return new Command.Malformed(zone, Msg.BAD_ZONE, lang);
        }
        Set<DayOfWeek> days = Schedule.EVERY_DAY;
        if (weekdays.isPresent() && !weekdays.get().isBlank()) {
            Optional<Set<DayOfWeek>> parsed = DailyArgs.weekdays(weekdays.get());
            if (parsed.isEmpty()) {
                return new Command.Malformed(weekdays.get(), Msg.BAD_WEEKDAYS, lang);
            }
            days = parsed.get();
        }
        return new Command.DailySet(channel, at.get(), in.get(), days, topics, lang);
    }

    /** Topic words from one option: separated by spaces or commas (ASCII or Chinese). */
    public static List<String> topicWords(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[\\s,，、]+")).filter(s -> !s.isBlank()).toList();
    }

    // ------------------------------------------------------------------ chat text

    /** A line of chat text, with or without the {@code /llmq} prefix. Never throws: bad input is {@link Command.Malformed}. */
    public static Command parse(String text) {
        String rest = text == null ? "" : text.strip();
        if (rest.equals(PREFIX) || rest.startsWith(PREFIX + " ")) {
            rest = rest.substring(PREFIX.length()).strip();
        }
        Optional<Lang> lang = Optional.empty();
        Optional<String> difficulty = Optional.empty();
        boolean publicReveal = false;
        List<String> words = new ArrayList<>();
        for (String token : rest.isEmpty() ? new String[0] : rest.split("\\s+")) {
            String lower = token.toLowerCase(Locale.ROOT);
            int sep = Math.max(lower.indexOf(':'), lower.indexOf('='));
            String key = sep > 0 ? lower.substring(0, sep) : lower;
            String value = sep > 0 ? token.substring(sep + 1) : "";
            if (sep > 0 && (key.equals("lang") || key.equals("language") || key.equals("语言"))) {
                lang = Lang.parse(value);
                if (lang.isEmpty()) {
                    return new Command.Malformed(token, Msg.BAD_LANG, Optional.empty());
                }
            } else if (sep > 0 && (key.equals("difficulty") || key.equals("diff") || key.equals("d")
                    || key.equals("level") || key.equals("难度"))) {
                if (!value.matches("[1-3]")) {
                    return new Command.Malformed(token, Msg.BAD_DIFFICULTY, lang);
                }
                difficulty = Optional.of(value);
            } else if (sep < 0 && (lower.equals("public") || lower.equals("公开"))) {
                publicReveal = true;
            } else {
                words.add(token);
            }
        }
        if (!words.isEmpty() && (words.get(0).equalsIgnoreCase("daily") || words.get(0).equals("每日"))) {
            return dailyText(words.subList(1, words.size()), lang);
        }
        // "help" and "topics" alone are commands; inside a longer phrase they are just topic words
        return ask(String.join(" ", words), lang, difficulty, publicReveal);
    }

    /** {@code daily set HH:MM Zone [weekdays] [topics...]}, {@code daily off|status|now}. */
    private static Command dailyText(List<String> args, Optional<Lang> lang) {
        String sub = args.isEmpty() ? "" : args.get(0);
        if (!sub.equalsIgnoreCase("set")) {
            return daily(sub, Optional.empty(), lang);
        }
        if (args.size() < 3) {
            return new Command.Malformed(String.join(" ", args), Msg.DAILY_USAGE, lang);
        }
        // the weekdays are optional, so a fourth word is weekdays only when it reads as weekdays
        boolean hasDays = args.size() > 3 && DailyArgs.weekdays(args.get(3)).isPresent();
        return dailySet(Optional.empty(), args.get(1), args.get(2), hasDays ? Optional.of(args.get(3)) : Optional.empty(),
                args.subList(hasDays ? 4 : 3, args.size()), lang);
    }
}
