package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.util.List;
import java.util.Optional;

/** The answer to a question, with its key points; private to the clicker unless revealed publicly. */
public record AnswerCard(
        Lang lang,
        String questionId,
        String topicName,
        String prompt,
        String answer,
        List<String> keyPoints,
        Optional<String> source,
        boolean ephemeral,
        List<Action> actions) implements Reply {
    public AnswerCard {
        keyPoints = List.copyOf(keyPoints);
        actions = List.copyOf(actions);
    }
}
