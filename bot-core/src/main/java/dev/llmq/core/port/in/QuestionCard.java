package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A question with its buttons (Reveal answer, Hint, Next question). Shown to the channel, except in
 * a private review.
 *
 * @param lead a line shown above the question (in a review: how the last grade went, how many are due)
 */
public record QuestionCard(
        Lang lang,
        String questionId,
        String topicId,
        String topicName,
        int difficulty,
        String difficultyLabel,
        String prompt,
        List<Action> actions,
        Optional<String> lead,
        boolean ephemeral) implements Reply {
    public QuestionCard {
        actions = List.copyOf(actions);
        Objects.requireNonNull(lead, "lead");
    }

    /** A card for the channel, with no lead line. */
    public QuestionCard(Lang lang, String questionId, String topicId, String topicName, int difficulty,
                        String difficultyLabel, String prompt, List<Action> actions) {
        this(lang, questionId, topicId, topicName, difficulty, difficultyLabel, prompt, actions, Optional.empty(), false);
    }
}
