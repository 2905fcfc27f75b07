package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The button ids of llmq, as text that fits Discord's 100-character {@code custom_id} and Slack's
 * action value:
 * <ul>
 *   <li>{@code reveal:<question>:<lang>[:pub]}</li>
 *   <li>{@code hint:<question>:<lang>:<n>} (n counts from 1)</li>
 *   <li>{@code next:<topic or *>:<lang>[:d<difficulty>][:pub]}</li>
 *   <li>{@code ask:<question>:<lang>[:pub]} (a follow-up question)</li>
 * </ul>
 */
public sealed interface ActionId {
    int MAX_LENGTH = 100;

    Lang lang();

    String encode();

    record Reveal(String questionId, Lang lang, boolean publicReveal) implements ActionId {
        public Reveal {
            requireWord(questionId);
            Objects.requireNonNull(lang);
        }

        @Override
        public String encode() {
            return "reveal:" + questionId + ":" + lang.code() + (publicReveal ? ":pub" : "");
        }
    }

    record Hint(String questionId, Lang lang, int number) implements ActionId {
        public Hint {
            requireWord(questionId);
            Objects.requireNonNull(lang);
            if (number < 1) {
                throw new IllegalArgumentException("hint number " + number);
            }
        }

        @Override
        public String encode() {
            return "hint:" + questionId + ":" + lang.code() + ":" + number;
        }
    }

    record Next(Optional<String> topicId, Lang lang, OptionalInt difficulty, boolean publicReveal) implements ActionId {
        public Next {
            topicId.ifPresent(ActionId::requireWord);
            Objects.requireNonNull(lang);
            Objects.requireNonNull(difficulty);
        }

        @Override
        public String encode() {
            return "next:" + topicId.orElse("*") + ":" + lang.code()
                    + (difficulty.isPresent() ? ":d" + difficulty.getAsInt() : "")
                    + (publicReveal ? ":pub" : "");
        }
    }

    record Ask(String questionId, Lang lang, boolean publicReveal) implements ActionId {
        public Ask {
            requireWord(questionId);
            Objects.requireNonNull(lang);
        }

        @Override
        public String encode() {
            return "ask:" + questionId + ":" + lang.code() + (publicReveal ? ":pub" : "");
        }
    }

    /** Parses an id from a button press. Anything malformed, from an old version or a stranger, gives empty. */
    static Optional<ActionId> parse(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = Codec.PATTERN.matcher(raw);
        if (!m.matches()) {
            return Optional.empty();
        }
        Lang lang = Lang.parse(m.group(3)).orElse(null);
        if (lang == null) {
            return Optional.empty();
        }
        String word = m.group(2);
        String extra = m.group(4) == null ? "" : m.group(4);
        boolean pub = extra.endsWith(":pub");
        if (pub) {
            extra = extra.substring(0, extra.length() - 4);
        }
        try {
            switch (m.group(1)) {
                case "reveal":
                    return extra.isEmpty() && !word.equals("*") ? Optional.of(new Reveal(word, lang, pub)) : Optional.empty();
                case "ask":
                    return extra.isEmpty() && !word.equals("*") ? Optional.of(new Ask(word, lang, pub)) : Optional.empty();
                case "hint":
                    if (pub || !extra.matches(":[1-9][0-9]{0,2}") || word.equals("*")) {
                        return Optional.empty();
                    }
                    return Optional.of(new Hint(word, lang, Integer.parseInt(extra.substring(1))));
                case "next":
                    OptionalInt d = OptionalInt.empty();
                    if (!extra.isEmpty()) {
                        if (!extra.matches(":d[1-3]")) {
                            return Optional.empty();
                        }
                        d = OptionalInt.of(extra.charAt(2) - '0');
                    }
                    return Optional.of(new Next(word.equals("*") ? Optional.empty() : Optional.of(word), lang, d, pub));
                default:
                    return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void requireWord(String word) {
        if (word == null || !Codec.WORD.matcher(word).matches()) {
            throw new IllegalArgumentException("not an id: " + word);
        }
    }

    /** Holds the patterns (interfaces cannot have private static fields). */
    final class Codec {
        static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
        static final Pattern PATTERN = Pattern.compile(
                "(reveal|hint|next|ask):([a-z0-9][a-z0-9-]{0,63}|\\*):([a-z]{2})((?::d?[0-9]+)?(?::pub)?)");

        private Codec() {
        }
    }
}
