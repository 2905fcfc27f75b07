package dev.llmq.core.port.out;

import dev.llmq.core.i18n.Lang;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One member's settings on one platform (the same in every server or workspace they share with llmq).
 *
 * @param lang        the language of replies to them, unless a request names one
 * @param zone        their time zone: what "due today" and a reminder's time mean; empty means the
 *                    platform's zone for them (Slack's {@code tz}), then UTC
 * @param remindAt    the local time of their daily private nudge; empty means no reminders
 * @param streaks     show their streak (opt-in)
 * @param leaderboard appear in the server's weekly leaderboard (opt-in)
 */
public record UserSettings(Optional<Lang> lang, Optional<ZoneId> zone, Optional<LocalTime> remindAt, boolean streaks,
                           boolean leaderboard) {
    public static final UserSettings DEFAULTS = new UserSettings(Optional.empty(), Optional.empty(), Optional.empty(),
            false, false);

    public UserSettings {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(remindAt, "remindAt");
        remindAt = remindAt.map(t -> t.withSecond(0).withNano(0));
    }

    public UserSettings withLang(Optional<Lang> l) {
        return new UserSettings(l, zone, remindAt, streaks, leaderboard);
    }

    public UserSettings withZone(Optional<ZoneId> z) {
        return new UserSettings(lang, z, remindAt, streaks, leaderboard);
    }

    public UserSettings withRemindAt(Optional<LocalTime> t) {
        return new UserSettings(lang, zone, t, streaks, leaderboard);
    }

    public UserSettings withStreaks(boolean on) {
        return new UserSettings(lang, zone, remindAt, on, leaderboard);
    }

    public UserSettings withLeaderboard(boolean on) {
        return new UserSettings(lang, zone, remindAt, streaks, on);
    }
}
