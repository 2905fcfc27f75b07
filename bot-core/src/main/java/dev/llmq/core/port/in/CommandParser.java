package dev.llmq.core.port.in;

import dev.llmq.core.bank.TopicWords;
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
import java.util.Map;
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
    public static Command ask(String topic, Optional<Lang> explicitLang, Optional<String> difficulty,
                              boolean publicReveal) {
        String t = topic == null ? "" : topic.strip();
        // Someone who types 架构 reads Chinese: a Chinese topic word comes right after lang: in the language order.
        Optional<Lang> lang = explicitLang.isPresent() || !HAN.matcher(t).find() ? explicitLang : Optional.of(Lang.ZH);
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
            level = difficulty(d);
            if (level.isEmpty()) {
                return new Command.Malformed(d, Msg.BAD_DIFFICULTY, lang);
            }
        }
        Optional<String> which = t.isEmpty() || t.equals(ANY_TOPIC) ? Optional.empty() : Optional.of(t);
        return new Command.Ask(which, lang, level, publicReveal);
    }

    private static final java.util.regex.Pattern HAN = java.util.regex.Pattern.compile("\\p{IsHan}");

    /** A difficulty as typed: 1, 2 or 3, or the words the cards show (easy, medium, hard; 简单, 中等, 困难). */
    public static OptionalInt difficulty(String typed) {
        return switch (typed.strip().toLowerCase(Locale.ROOT)) {
            case "1", "easy", "简单", "容易" -> OptionalInt.of(1);
            case "2", "medium", "中等", "中" -> OptionalInt.of(2);
            case "3", "hard", "困难", "难" -> OptionalInt.of(3);
            default -> OptionalInt.empty();
        };
    }

    /** How much of what someone typed a reply quotes back: enough to recognize it. */
    static final int ECHO_MAX = 60;

    /** {@code typed} as a reply quotes it: on one line, cut to {@link #ECHO_MAX} characters. */
    public static String echo(String typed) {
        String t = typed.strip().replaceAll("\\s+", " ");
        if (t.length() <= ECHO_MAX) {
            return t;
        }
        int end = Character.isHighSurrogate(t.charAt(ECHO_MAX - 1)) ? ECHO_MAX - 1 : ECHO_MAX;
        return t.substring(0, end) + "…";
    }

    /** Whether the text starts with the command word, in any case ({@code /LLMQ arch}). */
    public static boolean startsWithPrefix(String text) {
        return text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && (text.length() == PREFIX.length() || Character.isWhitespace(text.charAt(PREFIX.length())));
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
        if (startsWithPrefix(rest)) {
            rest = rest.substring(PREFIX.length()).strip();
        }
        String[] tokens = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        if (tokens.length > 0) {
            Optional<Command> study = studyText(tokens[0], List.of(tokens).subList(1, tokens.length));
            if (study.isPresent()) {
                return study.get();
            }
        }
        Optional<Lang> lang = Optional.empty();
        Optional<String> difficulty = Optional.empty();
        Optional<String> publicToken = Optional.empty();
        Optional<String> langToken = Optional.empty();
        List<String> words = new ArrayList<>();
        for (String token : tokens) {
            String lower = token.toLowerCase(Locale.ROOT);
            int sep = Math.max(lower.indexOf(':'), lower.indexOf('='));
            String key = sep > 0 ? lower.substring(0, sep) : lower;
            String value = sep > 0 ? token.substring(sep + 1) : "";
            if (sep > 0 && LANG_KEYS.contains(key)) {
                if (langToken.isPresent()) {
                    return new Command.Malformed(key + ":", Msg.REPEATED_OPTION, lang);
                }
                lang = Lang.parse(value);
                if (lang.isEmpty()) {
                    return new Command.Malformed(token, Msg.BAD_LANG, Optional.empty());
                }
                langToken = Optional.of(token);
            } else if (sep > 0 && DIFFICULTY_KEYS.contains(key)) {
                if (difficulty.isPresent()) {
                    return new Command.Malformed(key + ":", Msg.REPEATED_OPTION, lang);
                }
                if (difficulty(value).isEmpty()) {
                    return new Command.Malformed(token, Msg.BAD_DIFFICULTY, lang);
                }
                difficulty = Optional.of(token);
            } else if (sep < 0 && (lower.equals("public") || lower.equals("公开"))) {
                if (publicToken.isPresent()) {
                    return new Command.Malformed(token, Msg.REPEATED_OPTION, lang);
                }
                publicToken = Optional.of(token);
            } else if (sep > 0 && key.matches("[a-z\\p{IsHan}]+") && sep < token.length() - 1) {
                // a key:value that is no option (topic:rag, level=2 spelled otherwise): say so, not "unknown topic"
                return new Command.Malformed(token, Msg.UNKNOWN_OPTION, lang);
            } else {
                words.add(token);
            }
        }
        if (!words.isEmpty() && (words.get(0).equalsIgnoreCase("daily") || words.get(0).equals("每日"))) {
            Optional<String> notForDaily = difficulty.isPresent() ? difficulty : publicToken;
            if (notForDaily.isPresent()) {
                return new Command.Malformed(notForDaily.get(), Msg.DAILY_TAKES_NO, lang);
            }
            return dailyText(words.subList(1, words.size()), lang);
        }
        Optional<String> level = difficulty.map(t -> t.substring(Math.max(t.indexOf(':'), t.indexOf('=')) + 1));
        boolean publicReveal = publicToken.isPresent();
        // "help" and "topics" alone are commands; inside a longer phrase they are just topic words
        return ask(String.join(" ", words), lang, level, publicReveal);
    }

    private static final Set<String> DIFFICULTY_KEYS = Set.of("difficulty", "diff", "d", "level", "难度");



    /**
     * The study commands, when {@code word} is one: {@code review}, {@code settings [server] key:value...},
     * {@code forget-me}, {@code stats}, {@code leaderboard} and {@code export [misses|all] [csv]}.
     * Their Chinese words too.
     */
    private static Optional<Command> studyText(String word, List<String> args) {
        String w = TopicWords.normalize(word);
        try {
            return switch (w) {
                case "review", "复习" -> Optional.of(new Command.Review(onlyLang(args)));
                case "forget-me", "忘记我" -> Optional.of(new Command.ForgetMe(onlyLang(args)));
                case "stats", "统计" -> Optional.of(new Command.Stats(onlyLang(args)));
                case "leaderboard", "排行榜" -> Optional.of(new Command.Leaderboard(onlyLang(args)));
                case "export", "导出" -> Optional.of(exportText(args));
                case "settings", "设置" -> Optional.of(settingsText(args));
                default -> Optional.empty();
            };
        } catch (BadOption bad) {
            return Optional.of(new Command.Malformed(bad.token, bad.reason, Optional.empty()));
        }
    }

    /** {@code export [misses|all] [anki|csv] [lang:..]}: misses and Anki's text file unless said otherwise. */
    private static Command exportText(List<String> args) {
        Command.ExportScope scope = Command.ExportScope.MISSES;
        Command.ExportFormat format = Command.ExportFormat.ANKI;
        List<String> rest = new ArrayList<>();
        for (String token : args) {
            Optional<Command.ExportScope> s = exportScope(token);
            Optional<Command.ExportFormat> f = exportFormat(token);
            if (s.isPresent()) {
                scope = s.get();
            } else if (f.isPresent()) {
                format = f.get();
            } else {
                rest.add(token);
            }
        }
        try {
            return new Command.Export(scope, format, onlyLang(rest));
        } catch (BadOption bad) {
            return new Command.Malformed(bad.token, Msg.EXPORT_USAGE, Optional.empty());
        }
    }

    /** {@code misses} (错题) or {@code all} (全部), as a word or as {@code scope:...}. */
    public static Optional<Command.ExportScope> exportScope(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        t = t.startsWith("scope:") ? t.substring("scope:".length()) : t;
        return switch (t) {
            case "misses", "miss", "错题" -> Optional.of(Command.ExportScope.MISSES);
            case "all", "全部" -> Optional.of(Command.ExportScope.ALL);
            default -> Optional.empty();
        };
    }

    /** {@code anki} (also {@code tsv}, {@code txt}) or {@code csv}, as a word or as {@code format:...}. */
    public static Optional<Command.ExportFormat> exportFormat(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        t = t.startsWith("format:") ? t.substring("format:".length()) : t;
        return switch (t) {
            case "anki", "tsv", "txt" -> Optional.of(Command.ExportFormat.ANKI);
            case "csv" -> Optional.of(Command.ExportFormat.CSV);
            default -> Optional.empty();
        };
    }

    /** The language of a command that takes no other option. */
    private static Optional<Lang> onlyLang(List<String> args) {
        Optional<Lang> lang = Optional.empty();
        for (String token : args) {
            String[] kv = keyValue(token);
            if (kv == null || !LANG_KEYS.contains(kv[0])) {
                throw new BadOption(token, Msg.ONLY_LANG);
            }
            lang = Optional.of(Lang.parse(kv[1]).orElseThrow(() -> new BadOption(token, Msg.BAD_LANG)));
        }
        return lang;
    }

    private static Command settingsText(List<String> args) {
        boolean server = !args.isEmpty() && SERVER_WORDS.contains(args.get(0).toLowerCase(Locale.ROOT));
        List<Setting> changes = new ArrayList<>();
        for (String token : server ? args.subList(1, args.size()) : args) {
            String[] kv = keyValue(token);
            if (kv == null) {
                throw new BadOption(token, server ? Msg.SERVER_SETTINGS_USAGE : Msg.SETTINGS_USAGE);
            }
            changes.add(setting(server, kv[0], kv[1], token));
        }
        return new Command.Settings(server, changes, replyLang(changes));
    }

    /**
     * Settings from typed options (Discord's {@code /llmq-settings}): each entry is an option's name
     * and value, as the text form's {@code key:value}.
     */
    public static Command settings(boolean server, List<Map.Entry<String, String>> options) {
        List<Setting> changes = new ArrayList<>();
        try {
            for (Map.Entry<String, String> o : options) {
                changes.add(setting(server, o.getKey().toLowerCase(Locale.ROOT), o.getValue().strip(),
                        o.getKey() + ":" + o.getValue()));
            }
        } catch (BadOption bad) {
            return new Command.Malformed(bad.token, bad.reason, Optional.empty());
        }
        return new Command.Settings(server, changes, replyLang(changes));
    }

    /** A change of language is answered in the new language. */
    private static Optional<Lang> replyLang(List<Setting> changes) {
        Optional<Lang> lang = Optional.empty();
        for (Setting s : changes) {
            lang = switch (s) {
                case Setting.Language l -> l.lang().isPresent() ? l.lang() : lang;
                case Setting.Zone z -> lang;
                case Setting.Reminder r -> lang;
                case Setting.Streaks on -> lang;
                case Setting.Leaderboard on -> lang;
                case Setting.ServerLanguage l -> lang;
                case Setting.ServerPublicReveals p -> lang;
                case Setting.ServerZone z -> lang;
            };
        }
        return lang;
    }

    private static final String ZONE_KEY = "zone";
    private static final Set<String> ZONE_KEYS = Set.of(ZONE_KEY, "tz", "timezone", "时区");

    private static Setting setting(boolean server, String key, String value, String token) {
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        boolean reset = lower.equals("auto") || lower.equals("default") || lower.equals("自动") || lower.equals("默认");
        if (LANG_KEYS.contains(key)) {
            Optional<Lang> lang = reset ? Optional.empty()
                    : Optional.of(Lang.parse(v).orElseThrow(() -> new BadOption(token, Msg.BAD_SETTING_LANG)));
            return server ? new Setting.ServerLanguage(lang) : new Setting.Language(lang);
        }
        if (server) {
            if (key.equals("public") || key.equals("公开") || key.equals("reveals")) {
                return new Setting.ServerPublicReveals(onOff(v, token));
            }
            if (ZONE_KEYS.contains(key)) {
                return new Setting.ServerZone(reset ? Optional.empty()
                        : Optional.of(DailyArgs.zone(v).orElseThrow(() -> new BadOption(token, Msg.BAD_ZONE))));
            }
            throw new BadOption(token, Msg.SERVER_SETTINGS_USAGE);
        }
        return switch (key) {
            case ZONE_KEY, "tz", "timezone", "时区" -> new Setting.Zone(reset ? Optional.empty()
                    : Optional.of(DailyArgs.zone(v).orElseThrow(() -> new BadOption(token, Msg.BAD_ZONE))));
            case "remind", "reminder", "reminders", "提醒" -> new Setting.Reminder(OFF_WORDS.contains(lower)
                    ? Optional.empty()
                    : Optional.of(DailyArgs.time(v).orElseThrow(() -> new BadOption(token, Msg.BAD_REMINDER))));
            case "streaks", "streak", "连续" -> new Setting.Streaks(onOff(v, token));
            case "leaderboard", "排行榜" -> new Setting.Leaderboard(onOff(v, token));
            default -> throw new BadOption(token, Msg.SETTINGS_USAGE);
        };
    }

    private static boolean onOff(String value, String token) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (ON_WORDS.contains(v)) {
            return true;
        }
        if (OFF_WORDS.contains(v)) {
            return false;
        }
        throw new BadOption(token, Msg.BAD_ON_OFF);
    }

    /** {@code key:value} or {@code key=value} split at the first separator, the key in lower case; null when neither. */
    private static String[] keyValue(String token) {
        int colon = token.indexOf(':');
        int equals = token.indexOf('=');
        int sep = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
        if (sep <= 0) {
            return null;
        }
        return new String[] {token.substring(0, sep).toLowerCase(Locale.ROOT), token.substring(sep + 1)};
    }

    private static final Set<String> LANG_KEYS = Set.of("lang", "language", "语言");
    private static final Set<String> SERVER_WORDS = Set.of("server", "workspace", "服务器", "工作区");
    private static final Set<String> ON_WORDS = Set.of("on", "yes", "true", "1", "开", "开启");
    private static final Set<String> OFF_WORDS = Set.of("off", "no", "false", "0", "关", "关闭");

    /** A bad option of a study command: the token as typed, and why. */
    private static final class BadOption extends RuntimeException {
        final String token;
        final Msg reason;

        BadOption(String token, Msg reason) {
            super(null, null, false, false);
            this.token = token;
            this.reason = reason;
        }
    }

    /** {@code daily set HH:MM Zone [weekdays] [topics...]}, {@code daily off|status|now}. */
    private static Command dailyText(List<String> args, Optional<Lang> lang) {
        String sub = args.isEmpty() ? "" : args.get(0);
        if (!sub.equalsIgnoreCase("set")) {
            return daily(sub, Optional.empty(), lang);
        }
        boolean timeFirst = args.size() > 1 && DailyArgs.time(args.get(1)).isPresent();
        if (timeFirst && (args.size() == 2 || (DailyArgs.zone(args.get(2)).isEmpty() && !args.get(2).contains("/")))) {
            return new Command.Malformed(args.get(1), Msg.MISSING_ZONE, lang); // "daily set 09:00", "daily set 09:00 mon-fri"
        }
        if (args.size() < 3) {
            return new Command.Malformed(String.join(" ", args), Msg.DAILY_USAGE, lang);
        }
        // the weekdays are optional, so a fourth word is weekdays only when it reads as weekdays
        boolean hasDays = args.size() > 3 && DailyArgs.weekdays(args.get(3)).isPresent();
        if (args.size() > 3 && !hasDays && DailyArgs.looksLikeDays(args.get(3))) {
            return new Command.Malformed(args.get(3), Msg.NOT_A_DAY, lang);
        }
        return dailySet(Optional.empty(), args.get(1), args.get(2), hasDays ? Optional.of(args.get(3)) : Optional.empty(),
                args.subList(hasDays ? 4 : 3, args.size()), lang);
    }
}
