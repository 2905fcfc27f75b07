package dev.llmq.core.bank;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One interview question with its answer, in both languages. */
public record Question(
        String id,
        String topicId,
        int difficulty,
        List<String> tags,
        Bilingual<String> prompt,
        Bilingual<String> answer,
        Bilingual<List<String>> keyPoints,
        List<String> followUps,
        Optional<String> source) {

    public static final int MIN_DIFFICULTY = 1;
    public static final int MAX_DIFFICULTY = 3;

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
    }
}
