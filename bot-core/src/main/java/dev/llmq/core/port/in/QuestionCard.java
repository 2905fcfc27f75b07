package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.util.List;

/** A question with its buttons (Reveal answer, Hint, Next question). Shown to the channel. */
public record QuestionCard(
        Lang lang,
        String questionId,
        String topicId,
        String topicName,
        int difficulty,
        String difficultyLabel,
        String prompt,
        List<Action> actions) implements Reply {
    public QuestionCard {
        actions = List.copyOf(actions);
    }

    @Override
    public boolean ephemeral() {
        return false;
    }
}
