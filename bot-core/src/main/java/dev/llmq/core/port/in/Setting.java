package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** One change to a member's own settings ({@code /llmq settings key:value ...}). Empty values go back to the default. */
public sealed interface Setting {
    /** Their reply language; empty: follow the platform locale. */
    record Language(Optional<Lang> lang) implements Setting {
        public Language {
            Objects.requireNonNull(lang, "lang");
        }
    }

    /** Their time zone; empty: the platform's zone for them, then UTC. */
    record Zone(Optional<ZoneId> zone) implements Setting {
        public Zone {
            Objects.requireNonNull(zone, "zone");
        }
    }

    /** Their daily reminder's local time; empty: no reminders. */
    record Reminder(Optional<LocalTime> at) implements Setting {
        public Reminder {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Whether their streak is counted and shown. */
    record Streaks(boolean on) implements Setting {
    }

    /** Whether they appear in the weekly leaderboard. */
    record Leaderboard(boolean on) implements Setting {
    }

    /** The server's or workspace's default language; empty: none (the platform locale decides). Admins only. */
    record ServerLanguage(Optional<Lang> lang) implements Setting {
        public ServerLanguage {
            Objects.requireNonNull(lang, "lang");
        }
    }

    /** Whether answers are revealed to the whole channel by default. Admins only. */
    record ServerPublicReveals(boolean on) implements Setting {
    }

    /** The server's or workspace's time zone: when its leaderboard's week starts; empty: UTC. Admins only. */
    record ServerZone(Optional<ZoneId> zone) implements Setting {
        public ServerZone {
            Objects.requireNonNull(zone, "zone");
        }
    }

    /** True for the settings of the server or workspace rather than of the member. */
    default boolean server() {
        return switch (this) {
            case ServerLanguage l -> true;
            case ServerPublicReveals p -> true;
            case ServerZone z -> true;
            case Language l -> false;
            case Zone z -> false;
            case Reminder r -> false;
            case Streaks s -> false;
            case Leaderboard b -> false;
        };
    }
}
