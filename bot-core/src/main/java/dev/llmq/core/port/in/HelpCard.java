package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.util.List;

/** Usage lines: a command and what it does. */
public record HelpCard(Lang lang, List<Line> lines, boolean ephemeral) implements Reply {
    public record Line(String usage, String text) {
    }

    public HelpCard {
        lines = List.copyOf(lines);
    }

    @Override
    public List<Action> actions() {
        return List.of();
    }
}
