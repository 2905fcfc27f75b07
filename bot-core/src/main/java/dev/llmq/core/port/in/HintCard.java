package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.util.List;

/** One key point of a question, given as a hint ({@code number} of {@code total}). Always private. */
public record HintCard(Lang lang, String questionId, int number, int total, String hint, List<Action> actions)
        implements Reply {
    public HintCard {
        actions = List.copyOf(actions);
    }

    @Override
    public boolean ephemeral() {
        return true;
    }
}
