package dev.llmq.core.port.in;

import dev.llmq.core.bank.Question;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** A request to the core. The records check their own arguments. */
public sealed interface Command {
    Optional<Lang> lang();

    /** Ask for a question; no topic means any topic. */
    record Ask(Optional<String> topic, Optional<Lang> lang, OptionalInt difficulty, boolean publicReveal)
            implements Command {
        public Ask {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(lang, "lang");
            Objects.requireNonNull(difficulty, "difficulty");
            topic = topic.map(String::strip).filter(t -> !t.isEmpty());
            if (difficulty.isPresent()
                    && (difficulty.getAsInt() < Question.MIN_DIFFICULTY || difficulty.getAsInt() > Question.MAX_DIFFICULTY)) {
                throw new IllegalArgumentException("difficulty must be 1-3, was " + difficulty.getAsInt());
            }
        }

        public static Ask topic(String topic) {
            return new Ask(Optional.ofNullable(topic), Optional.empty(), OptionalInt.empty(), false);
        }
    }

    record ShowTopics(Optional<Lang> lang) implements Command {
        public ShowTopics {
            Objects.requireNonNull(lang, "lang");
        }
    }

    record ShowHelp(Optional<Lang> lang) implements Command {
        public ShowHelp {
            Objects.requireNonNull(lang, "lang");
        }
    }

    /** The daily-question commands; {@code channel} empty means the channel the command came from. */
    sealed interface Daily extends Command {
        Optional<String> channel();
    }

    /** Set (or replace) the channel's daily question. Admins only. */
    record DailySet(Optional<String> channel, LocalTime time, ZoneId zone, Set<DayOfWeek> weekdays, List<String> topics,
                    Optional<Lang> lang) implements Daily {
        public DailySet {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
            if (weekdays.isEmpty()) {
                throw new IllegalArgumentException("at least one weekday");
            }
            weekdays = Set.copyOf(weekdays);
            topics = List.copyOf(topics);
            Objects.requireNonNull(lang, "lang");
        }
    }

    /** Stop the channel's daily question. Admins only. */
    record DailyOff(Optional<String> channel, Optional<Lang> lang) implements Daily {
        public DailyOff {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(lang, "lang");
        }
    }

    /** Show the daily schedules of this server or workspace, with their next fire times. */
    record DailyStatus(Optional<String> channel, Optional<Lang> lang) implements Daily {
        public DailyStatus {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(lang, "lang");
        }
    }

    /** Post today's daily question now. Admins only. */
    record DailyNow(Optional<String> channel, Optional<Lang> lang) implements Daily {
        public DailyNow {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(lang, "lang");
        }
    }

    /** A private review of the member's due cards, one at a time. */
    record Review(Optional<Lang> lang) implements Command {
        public Review {
            Objects.requireNonNull(lang, "lang");
        }
    }

    /**
     * Show the member's settings (and the server's), or change them. Changes are all of the member's
     * own or all of the server's ({@link Setting#server()}); the server's are for admins.
     */
    record Settings(boolean server, List<Setting> changes, Optional<Lang> lang) implements Command {
        public Settings {
            changes = List.copyOf(changes);
            Objects.requireNonNull(lang, "lang");
            for (Setting s : changes) {
                if (s.server() != server) {
                    throw new IllegalArgumentException(s + " is not a " + (server ? "server" : "member") + " setting");
                }
            }
        }
    }

    /** Delete everything llmq keeps about the member; answered first with a confirmation button. */
    record ForgetMe(Optional<Lang> lang) implements Command {
        public ForgetMe {
            Objects.requireNonNull(lang, "lang");
        }
    }

    /** The member's stats card: mastery per topic, 12 weeks of activity, due today, their streak if they opted in. */
    record Stats(Optional<Lang> lang) implements Command {
        public Stats {
            Objects.requireNonNull(lang, "lang");
        }
    }

    /** This week's ranking in this server or workspace, of the members who opted in. */
    record Leaderboard(Optional<Lang> lang) implements Command {
        public Leaderboard {
            Objects.requireNonNull(lang, "lang");
        }
    }

    /** The member's cards as a file to import into Anki: their misses (last grade Again or Hard) or all of them. */
    record Export(ExportScope scope, ExportFormat format, Optional<Lang> lang) implements Command {
        public Export {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(lang, "lang");
        }
    }

    /** Which cards an export holds. */
    enum ExportScope {
        /** The questions whose last grade was Again or Hard. */
        MISSES,
        /** Every question the member graded. */
        ALL
    }

    /** The file an export writes. */
    enum ExportFormat {
        /** Anki's text import: tab-separated, with its {@code #} header lines. */
        ANKI,
        /** The same columns as comma-separated values with a header row, for spreadsheets. */
        CSV
    }

    /** Text that could not be understood: the word, and why. */
    record Malformed(String word, Msg reason, Optional<Lang> lang) implements Command {
        public Malformed {
            Objects.requireNonNull(word, "word");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(lang, "lang");
        }
    }
}
