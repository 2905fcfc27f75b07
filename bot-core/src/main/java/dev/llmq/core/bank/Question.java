package dev.llmq.core.bank;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One interview question with its answer, in both languages.
 *
 * @param keyPoints the answer's summary, listed under it
 * @param hints     what the Hint button shows, one at a time, from a nudge towards the answer; empty
 *                  lists when the bank gives none (then {@link #hintsIn} falls back to the key points)
 * @param replaces  ids this question took over (merged or renamed questions): old buttons, stored
 *                  cards and decks that carry them find this one
 */
public record Question(
        String id,
        String topicId,
        int difficulty,
        List<String> tags,
        Bilingual<String> prompt,
        Bilingual<String> answer,
        Bilingual<List<String>> keyPoints,
        List<String> followUps,
        Optional<String> source,
        Bilingual<List<String>> hints,
        List<String> replaces) {

    public static final int MIN_DIFFICULTY = 1;
    public static final int MAX_DIFFICULTY = 3;
    /** The most hints a question may have in one language. */
    public static final int MAX_HINTS = 5;

    /** A question without hints of its own and replacing no id. */
    public Question(String id, String topicId, int difficulty, List<String> tags, Bilingual<String> prompt,
                    Bilingual<String> answer, Bilingual<List<String>> keyPoints, List<String> followUps,
                    Optional<String> source) {
        this(id, topicId, difficulty, tags, prompt, answer, keyPoints, followUps, source,
                new Bilingual<>(List.of(), List.of()), List.of());
    }

    /** The hints to show in {@code lang}: the question's own, or its key points when it has none. */
    public List<String> hintsIn(dev.llmq.core.i18n.Lang lang) {
        List<String> own = hints.get(lang);
        return own.isEmpty() ? keyPoints.get(lang) : own;
    }

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topicId, "topicId");
        if (difficulty < MIN_DIFFICULTY || difficulty > MAX_DIFFICULTY) {
            throw new IllegalArgumentException("difficulty " + difficulty);
        }
        tags = List.copyOf(tags);
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(answer, "answer");
        keyPoints = new Bilingual<>(List.copyOf(keyPoints.en()), List.copyOf(keyPoints.zh()));
        followUps = List.copyOf(followUps);
        Objects.requireNonNull(source, "source");
        hints = new Bilingual<>(List.copyOf(hints.en()), List.copyOf(hints.zh()));
        replaces = List.copyOf(replaces);
    }
}
