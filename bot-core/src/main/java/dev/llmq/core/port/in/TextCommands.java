package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.schedule.Schedule;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Parses the text command language shared by the console and Slack:
 * {@code [/llmq] [topic words | topics | help] [lang:zh] [difficulty:2] [public]}.
 */
public final class TextCommands {
    public static final String PREFIX = "/llmq";

    private TextCommands() {
    }

    /** {@code daily set HH:MM Zone [weekdays] [topics...]}, {@code daily off|status|now}. */
    static Command daily(List<String> args, Optional<Lang> lang) {
        String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "off":
            case "stop":
                return new Command.DailyOff(Optional.empty(), lang);
            case "status":
            case "":
                return new Command.DailyStatus(Optional.empty(), lang);
            case "now":
                return new Command.DailyNow(Optional.empty(), lang);
            case "set":
                break;
            default:
                return new Command.Malformed("daily " + args.get(0), Msg.DAILY_USAGE, lang);
        }
        if (args.size() < 3) {
            return new Command.Malformed(String.join(" ", args), Msg.DAILY_USAGE, lang);
        }
        Optional<LocalTime> time = DailyArgs.time(args.get(1));
        if (time.isEmpty()) {
            return new Command.Malformed(args.get(1), Msg.BAD_TIME, lang);
        }
        Optional<ZoneId> zone = DailyArgs.zone(args.get(2));
        if (zone.isEmpty()) {
            return new Command.Malformed(args.get(2), Msg.BAD_ZONE, lang);
        }
        int next = 3;
        Set<DayOfWeek> days = Schedule.EVERY_DAY;
        if (args.size() > next) {
            Optional<Set<DayOfWeek>> parsed = DailyArgs.weekdays(args.get(next));
            if (parsed.isPresent()) {
                days = parsed.get();
                next++;
            }
        }
        return new Command.DailySet(Optional.empty(), time.get(), zone.get(), days,
                args.subList(next, args.size()), lang);
    }

    public static Command parse(String text) {
        String rest = text == null ? "" : text.strip();
        if (rest.equals(PREFIX) || rest.startsWith(PREFIX + " ")) {
            rest = rest.substring(PREFIX.length()).strip();
        }
        Optional<Lang> lang = Optional.empty();
        OptionalInt difficulty = OptionalInt.empty();
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
                difficulty = OptionalInt.of(Integer.parseInt(value));
            } else if (sep < 0 && (lower.equals("public") || lower.equals("公开"))) {
                publicReveal = true;
            } else {
                words.add(token);
            }
        }
        if (!words.isEmpty() && (words.get(0).equalsIgnoreCase("daily") || words.get(0).equals("每日"))) {
            return daily(words.subList(1, words.size()), lang);
        }
        if (words.size() == 1) {
            String only = words.get(0).toLowerCase(Locale.ROOT);
            if (only.equals("topics") || only.equals("主题")) {
                return new Command.ShowTopics(lang);
            }
            if (only.equals("help") || only.equals("帮助") || only.equals("?")) {
                return new Command.ShowHelp(lang);
            }
        }
        Optional<String> topic = words.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", words));
        return new Command.Ask(topic, lang, difficulty, publicReveal);
    }
}
