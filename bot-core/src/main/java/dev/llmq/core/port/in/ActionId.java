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
 *   <li>{@code reveal:<question>:<lang>[:d<difficulty>][:pub]}</li>
 *   <li>{@code hint:<question>:<lang>:<n>[:d<difficulty>][:pub]} (n counts from 1)</li>
 *   <li>{@code next:<topic or *>:<lang>[:d<difficulty>][:pub]}</li>
 *   <li>{@code ask:<question>:<lang>[:d<difficulty>][:pub]} (a follow-up question)</li>
 *   <li>{@code grade:<question>:<lang>:<g>[:d<difficulty>][:pub]} (g: Again 1, Hard 2, Good 3, Easy 4)</li>
 *   <li>{@code forget:me:<lang>} (the confirmation of "forget me")</li>
 *   <li>{@code review:<space or *>:<lang>} (Review now, under a reminder: the space whose cards, when
 *       the message is a direct one; {@code *} for the space the press comes from)</li>
 *   <li>{@code share:stats:<lang>} (Share, under a private stats card: posts the presser's card to the channel)</li>
 * </ul>
 * Reveal, hint and grade buttons of a private review carry {@code :r<n>} before {@code :pub}: the
 * review is on, and n cards were graded in it so far (a review keeps no other state).
 * Every id carries the options of the ask it came from (a difficulty filter, public reveals), so
 * that they survive every button: Hint, Reveal, a follow-up and Next. Ids without them (from
 * older messages) still parse.
 */
public sealed interface ActionId {
    int MAX_LENGTH = 100;

    Lang lang();

    /** The difficulty filter of the ask this button came from; Next draws with it. */
    OptionalInt difficulty();

    /** Whether the answer is shown to the channel, as the ask asked. */
    boolean publicReveal();

    String encode();

    /** The options' suffix: {@code [:d<difficulty>][:pub]}. */
    private static String options(OptionalInt difficulty, boolean publicReveal) {
        return options(difficulty, OptionalInt.empty(), publicReveal);
    }

    private static String options(OptionalInt difficulty, OptionalInt review, boolean publicReveal) {
        return (difficulty.isPresent() ? ":d" + difficulty.getAsInt() : "")
                + (review.isPresent() ? ":r" + review.getAsInt() : "") + (publicReveal ? ":pub" : "");
    }

    /** In a review: how many cards were graded in it before this button. */
    private static void requireReview(OptionalInt review) {
        Objects.requireNonNull(review);
        if (review.isPresent() && (review.getAsInt() < 0 || review.getAsInt() > MAX_REVIEWED)) {
            throw new IllegalArgumentException("review count " + review.getAsInt());
        }
    }

    /** The most cards one review counts (the count stops there). */
    int MAX_REVIEWED = 9999;

    record Reveal(String questionId, Lang lang, OptionalInt difficulty, OptionalInt review, boolean publicReveal)
            implements ActionId {
        public Reveal {
            requireWord(questionId);
            Objects.requireNonNull(lang);
            requireDifficulty(difficulty);
            requireReview(review);
        }

        public Reveal(String questionId, Lang lang, OptionalInt difficulty, boolean publicReveal) {
            this(questionId, lang, difficulty, OptionalInt.empty(), publicReveal);
        }

        @Override
        public String encode() {
            return "reveal:" + questionId + ":" + lang.code() + ActionId.options(difficulty, review, publicReveal);
        }
    }

    record Hint(String questionId, Lang lang, int number, OptionalInt difficulty, OptionalInt review,
                boolean publicReveal) implements ActionId {
        public Hint {
            requireWord(questionId);
            Objects.requireNonNull(lang);
            requireDifficulty(difficulty);
            requireReview(review);
            if (number < 1) {
                throw new IllegalArgumentException("hint number " + number);
            }
        }

        public Hint(String questionId, Lang lang, int number, OptionalInt difficulty, boolean publicReveal) {
            this(questionId, lang, number, difficulty, OptionalInt.empty(), publicReveal);
        }

        @Override
        public String encode() {
            return "hint:" + questionId + ":" + lang.code() + ":" + number
                    + ActionId.options(difficulty, review, publicReveal);
        }
    }

    record Next(Optional<String> topicId, Lang lang, OptionalInt difficulty, boolean publicReveal) implements ActionId {
        public Next {
            topicId.ifPresent(ActionId::requireWord);
            Objects.requireNonNull(lang);
            requireDifficulty(difficulty);
        }

        @Override
        public String encode() {
            return "next:" + topicId.orElse("*") + ":" + lang.code() + ActionId.options(difficulty, publicReveal);
        }
    }

    record Ask(String questionId, Lang lang, OptionalInt difficulty, OptionalInt review, boolean publicReveal)
            implements ActionId {
        public Ask {
            requireWord(questionId);
            Objects.requireNonNull(lang);
            requireDifficulty(difficulty);
            requireReview(review);
        }

        public Ask(String questionId, Lang lang, OptionalInt difficulty, boolean publicReveal) {
            this(questionId, lang, difficulty, OptionalInt.empty(), publicReveal);
        }

        @Override
        public String encode() {
            return "ask:" + questionId + ":" + lang.code() + ActionId.options(difficulty, review, publicReveal);
        }
    }

    /** A member's grade of their own recall of the question, under its answer. */
    record Graded(String questionId, Lang lang, int grade, OptionalInt difficulty, OptionalInt review,
                  boolean publicReveal) implements ActionId {
        public Graded {
            requireWord(questionId);
            Objects.requireNonNull(lang);
            requireDifficulty(difficulty);
            requireReview(review);
            if (grade < 1 || grade > 4) {
                throw new IllegalArgumentException("grade " + grade);
            }
        }

        public Graded(String questionId, Lang lang, int grade, OptionalInt difficulty, boolean publicReveal) {
            this(questionId, lang, grade, difficulty, OptionalInt.empty(), publicReveal);
        }

        @Override
        public String encode() {
            return "grade:" + questionId + ":" + lang.code() + ":" + grade
                    + ActionId.options(difficulty, review, publicReveal);
        }
    }

    /** A button that carries no ask's options (no difficulty filter; private unless it says otherwise). */
    sealed interface WithoutOptions extends ActionId permits Forget, StartReview, ShareStats {
        @Override
        default OptionalInt difficulty() {
            return OptionalInt.empty();
        }

        @Override
        default boolean publicReveal() {
            return false;
        }
    }

    /** "Yes, delete my data": the confirmation under {@code /llmq forget-me}. */
    record Forget(Lang lang) implements WithoutOptions {
        public Forget {
            Objects.requireNonNull(lang);
        }

        @Override
        public String encode() {
            return "forget:me:" + lang.code();
        }
    }

    /** "Review now" under a reminder: starts the member's review of the cards in {@code space}. */
    record StartReview(Optional<String> space, Lang lang) implements WithoutOptions {
        public StartReview {
            space.ifPresent(ActionId::requireWord);
            Objects.requireNonNull(lang);
        }

        @Override
        public String encode() {
            return "review:" + space.orElse("*") + ":" + lang.code();
        }

        /** The button for a member's cards in {@code space}: named when it is a word an id can carry, else {@code *}. */
        public static StartReview of(String space, Lang lang) {
            return new StartReview(Codec.WORD.matcher(space).matches() ? Optional.of(space) : Optional.empty(), lang);
        }
    }

    /** "Share" under the member's private stats card: the presser's card, drawn again, posted to the channel. */
    record ShareStats(Lang lang) implements WithoutOptions {
        public ShareStats {
            Objects.requireNonNull(lang);
        }

        /** True: the card goes to the whole channel (Discord defers the press publicly). */
        @Override
        public boolean publicReveal() {
            return true;
        }

        @Override
        public String encode() {
            return "share:stats:" + lang.code();
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
        OptionalInt number = m.group(4) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(4)));
        OptionalInt d = m.group(5) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(5)));
        OptionalInt review = m.group(6) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(6)));
        boolean pub = m.group(7) != null;
        boolean question = !word.equals("*");
        try {
            return switch (m.group(1)) {
                case "reveal" -> question && number.isEmpty()
                        ? Optional.of(new Reveal(word, lang, d, review, pub)) : Optional.empty();
                case "ask" -> question && number.isEmpty()
                        ? Optional.of(new Ask(word, lang, d, review, pub)) : Optional.empty();
                case "hint" -> question && number.isPresent()
                        ? Optional.of(new Hint(word, lang, number.getAsInt(), d, review, pub)) : Optional.empty();
                case "grade" -> question && number.isPresent()
                        ? Optional.of(new Graded(word, lang, number.getAsInt(), d, review, pub)) : Optional.empty();
                case "review" -> number.isEmpty() && d.isEmpty() && review.isEmpty() && !pub
                        ? Optional.of(new StartReview(question ? Optional.of(word) : Optional.empty(), lang))
                        : Optional.empty();
                case "forget" -> word.equals("me") && number.isEmpty() && d.isEmpty() && review.isEmpty() && !pub
                        ? Optional.of(new Forget(lang)) : Optional.empty();
                case "share" -> word.equals("stats") && number.isEmpty() && d.isEmpty() && review.isEmpty() && !pub
                        ? Optional.of(new ShareStats(lang)) : Optional.empty();
                case "next" -> number.isEmpty() && review.isEmpty()
                        ? Optional.of(new Next(question ? Optional.of(word) : Optional.empty(), lang, d, pub))
                        : Optional.empty();
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void requireDifficulty(OptionalInt difficulty) {
        Objects.requireNonNull(difficulty);
        if (difficulty.isPresent() && (difficulty.getAsInt() < 1 || difficulty.getAsInt() > 3)) {
            throw new IllegalArgumentException("difficulty " + difficulty.getAsInt());
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
                "(reveal|hint|next|ask|grade|forget|review|share):([a-z0-9][a-z0-9-]{0,63}|\\*):([a-z]{2})(?::([1-9][0-9]{0,2}))?"
                        + "(?::d([1-3]))?(?::r([0-9]{1,4}))?(:pub)?");

        private Codec() {
        }
    }
}
