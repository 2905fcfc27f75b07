package dev.llmq.core.schedule;

import dev.llmq.core.i18n.Lang;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A channel's daily question: when (local time, IANA zone, weekdays), what (topics, language),
 * and how (a discussion thread; when the answer is revealed).
 *
 * @param topics      topic ids to draw from; empty means every topic
 * @param lang        the language of the posts; empty means the server's default
 * @param thread      open a discussion thread on each post
 * @param revealAfter reveal the answer this long after the post; empty means with the next post
 * @param createdBy   the user id of the admin who set it
 */
public record Schedule(ChannelRef channel, LocalTime time, ZoneId zone, Set<DayOfWeek> weekdays, List<String> topics,
                       Optional<Lang> lang, boolean thread, Optional<Duration> revealAfter, String createdBy) {
    public static final Set<DayOfWeek> EVERY_DAY = Set.copyOf(EnumSet.allOf(DayOfWeek.class));

    public Schedule {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(weekdays, "weekdays");
        if (weekdays.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one weekday");
        }
        weekdays = Set.copyOf(weekdays);
        topics = List.copyOf(topics);
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(revealAfter, "revealAfter");
        revealAfter.ifPresent(d -> {
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("reveal delay must be between 1 second and 7 days");
            }
        });
        Objects.requireNonNull(createdBy, "createdBy");
    }
}
