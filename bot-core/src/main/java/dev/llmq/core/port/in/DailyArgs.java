package dev.llmq.core.port.in;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Parses the arguments of {@code daily set} the same way on every platform. */
public final class DailyArgs {
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final TreeSet<String> ZONES = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        ZONES.addAll(ZoneId.getAvailableZoneIds());
    }

    private DailyArgs() {
    }

    /** {@code HH:MM} on a 24-hour clock ({@code 9:00} is accepted). */
    public static Optional<LocalTime> time(String s) {
        if (s == null || !s.strip().matches("([01]?[0-9]|2[0-3]):[0-5][0-9]")) {
            return Optional.empty();
        }
        String[] p = s.strip().split(":");
        return Optional.of(LocalTime.of(Integer.parseInt(p[0]), Integer.parseInt(p[1])));
    }

    /** An IANA region id such as {@code Asia/Shanghai} (any case), or {@code UTC}. Fixed offsets are refused. */
    public static Optional<ZoneId> zone(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String t = s.strip();
        if (t.equalsIgnoreCase("utc")) {
            return Optional.of(ZoneId.of("UTC"));
        }
        String canonical = ZONES.contains(t) ? ZONES.ceiling(t) : null;
        if (canonical == null || !t.contains("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(canonical));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Zone ids starting with {@code prefix}, for autocomplete (at most {@code limit}). */
    public static List<String> zonesStartingWith(String prefix, int limit) {
        List<String> out = new ArrayList<>();
        String p = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        for (String z : ZONES) {
            if (z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")
                    && z.toLowerCase(Locale.ROOT).contains(p)) {
                out.add(z);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * A duration such as {@code 6h}, {@code 90m}, {@code 30s}, {@code 1d}, {@code 1h30m} or ISO-8601
     * {@code PT6H}; {@code 0} is allowed.
     */
    public static Optional<Duration> duration(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (t.startsWith("p")) {
            try {
                Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
                return d.isNegative() ? Optional.empty() : Optional.of(d);
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,9})([dhms])").matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "d":
                    total = total.plusDays(n);
                    break;
                case "h":
                    total = total.plusHours(n);
                    break;
                case "m":
                    total = total.plusMinutes(n);
                    break;
                default:
                    total = total.plusSeconds(n);
                    break;
            }
            end = m.end();
        }
        return end == t.length() && end > 0 ? Optional.of(total) : Optional.empty();
    }

    /** {@code daily}, {@code weekdays}, {@code weekends}, {@code mon-fri}, {@code mon,wed,fri}. */
    public static Optional<Set<DayOfWeek>> weekdays(String s) {
        String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "daily":
            case "everyday":
            case "every-day":
                return Optional.of(EnumSet.allOf(DayOfWeek.class));
            case "weekdays":
            case "workdays":
                return Optional.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            case "weekends":
            case "weekend":
                return Optional.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            default:
                break;
        }
        EnumSet<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : t.split(",")) {
            String[] range = part.split("-");
            if (range.length == 1 && DAYS.contains(range[0])) {
                out.add(day(range[0]));
            } else if (range.length == 2 && DAYS.contains(range[0]) && DAYS.contains(range[1])) {
                DayOfWeek from = day(range[0]);
                DayOfWeek to = day(range[1]);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    out.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                return Optional.empty();
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /**
     * Whether a word that is not a weekday form was meant as one ({@code funday}, {@code mon-fry},
     * {@code tue,thurs}, 周一), so that it is refused as a day rather than looked up as a topic.
     */
    public static boolean looksLikeDays(String word) {
        String t = word.strip().toLowerCase(Locale.ROOT);
        return t.matches("[a-z]*(day|days|end|ends)") || t.matches("[a-z]{2,9}([-,][a-z]{2,9})+")
                || t.startsWith("周") || t.startsWith("星期") || t.startsWith("每天") || t.equals("工作日");
    }

    private static DayOfWeek day(String abbrev) {
        return DayOfWeek.of(DAYS.indexOf(abbrev) + 1);
    }
}
