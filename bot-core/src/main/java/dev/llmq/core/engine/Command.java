package dev.llmq.core.engine;

import dev.llmq.core.bank.Question;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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

    /** Text that could not be understood: the word, and why. */
    record Malformed(String word, Msg reason, Optional<Lang> lang) implements Command {
        public Malformed {
            Objects.requireNonNull(word, "word");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(lang, "lang");
        }
    }
}
