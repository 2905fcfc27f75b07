package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Daily-question schedules with their next fire times; adapters render {@code next} their own
 * way (Discord {@code <t:unix:R>}, Slack date tokens, local time in the console).
 */
public record ScheduleCard(Lang lang, String headline, List<Entry> entries, boolean ephemeral) implements Reply {
    public record Entry(String channel, LocalTime time, ZoneId zone, Set<DayOfWeek> weekdays, List<String> topics,
                        Instant next) {
        public Entry {
            weekdays = Set.copyOf(weekdays);
            topics = List.copyOf(topics);
        }
    }

    public ScheduleCard {
        entries = List.copyOf(entries);
    }

    @Override
    public List<Action> actions() {
        return List.of();
    }
}
