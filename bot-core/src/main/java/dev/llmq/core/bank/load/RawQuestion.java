package dev.llmq.core.bank.load;

import dev.llmq.core.bank.Bilingual;
import dev.llmq.core.bank.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A question as read from one file, before the cross-file checks; parts that were wrong stay null. */
final class RawQuestion {
    /** How messages name it: {@code questions[id]}, or {@code questions[#n]} without a valid id. */
    String label;
    String id;
    Loc idLoc;
    Located topic;
    int difficulty;
    List<String> tags = List.of();
    Bilingual<String> prompt;
    Bilingual<String> answer;
    Bilingual<List<String>> keyPoints = new Bilingual<>(List.of(), List.of());
    Bilingual<List<String>> hints = new Bilingual<>(List.of(), List.of());
    final List<Located> replaces = new ArrayList<>();
    final List<Located> followUps = new ArrayList<>();
    Optional<String> source = Optional.empty();

    Question build() {
        return new Question(id, topic.value(), difficulty, tags, prompt, answer, keyPoints,
                followUps.stream().map(Located::value).toList(), source, hints,
                replaces.stream().map(Located::value).toList());
    }
}
