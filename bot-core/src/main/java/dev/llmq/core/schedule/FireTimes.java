package dev.llmq.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * DST-correct fire times. A local time that falls into a spring-forward gap fires once, at the
 * end of the gap (02:30 on a 02:00→03:00 day fires at 03:00); a local time that occurs twice on
 * a fall-back day fires once, at its first occurrence.
 */
public final class FireTimes {
    private FireTimes() {
    }

    /** The first fire instant strictly after {@code after}. */
    public static Instant next(Schedule s, Instant after) {
        LocalDate date = after.atZone(s.zone()).toLocalDate().minusDays(1);
        for (int i = 0; i < 15; i++, date = date.plusDays(1)) {
            if (!s.weekdays().contains(date.getDayOfWeek())) {
                continue;
            }
            Instant at = at(s, date);
            if (at.isAfter(after)) {
                return at;
            }
        }
        throw new IllegalStateException("no fire time within two weeks for " + s);
    }

    /** When the schedule fires on {@code date} (its local date), ignoring weekdays. */
    public static Instant at(Schedule s, LocalDate date) {
        LocalDateTime local = LocalDateTime.of(date, s.time());
        ZoneRules rules = s.zone().getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        return ZonedDateTime.ofLocal(local, s.zone(), null).withEarlierOffsetAtOverlap().toInstant();
    }

    /** The schedule's local date of a fire instant. */
    public static LocalDate localDate(Schedule s, Instant fire) {
        return fire.atZone(s.zone()).toLocalDate();
    }
}
