package dev.llmq.core.schedule;

import dev.llmq.core.i18n.Lang;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A schedule's weekdays as a reader sees them, in the card's language: "every day" / 每天 for all
 * seven, runs of three or more days as a range ("mon-fri" / 周一至周五), others listed
 * ("mon,wed,fri" / 周一、周三、周五). The English form is what {@code daily set} accepts, so it can
 * be typed back. Every renderer uses this one copy.
 */
public final class Weekdays {
    private static final String[] ZH = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    private Weekdays() {
    }

    public static String describe(Set<DayOfWeek> days, Lang lang) {
        if (days.size() == 7) {
            return switch (lang) {
                case EN -> "every day";
                case ZH -> "每天";
            };
        }
        EnumSet<DayOfWeek> set = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
        List<String> parts = new ArrayList<>();
        DayOfWeek[] all = DayOfWeek.values();
        int i = 0;
        while (i < all.length) {
            if (!set.contains(all[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < all.length && set.contains(all[end + 1])) {
                end++;
            }
            if (end - i >= 2) {
                parts.add(name(all[i], lang) + (lang == Lang.ZH ? "至" : "-") + name(all[end], lang));
            } else {
                for (int d = i; d <= end; d++) {
                    parts.add(name(all[d], lang));
                }
            }
            i = end + 1;
        }
        return String.join(lang == Lang.ZH ? "、" : ",", parts);
    }

    private static String name(DayOfWeek d, Lang lang) {
        return switch (lang) {
            case EN -> d.name().substring(0, 3).toLowerCase(Locale.ROOT);
            case ZH -> ZH[d.ordinal()];
        };
    }
}
