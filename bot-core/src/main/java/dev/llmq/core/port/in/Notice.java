package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.util.List;

/** A short message: information, or an error the user can act on. */
public record Notice(Lang lang, Level level, String text, boolean ephemeral, List<Action> actions) implements Reply {
    public enum Level {
        INFO,
        ERROR
    }

    public Notice {
        actions = List.copyOf(actions);
    }

    public static Notice error(Lang lang, String text) {
        return new Notice(lang, Level.ERROR, text, true, List.of());
    }

    public static Notice info(Lang lang, String text) {
        return new Notice(lang, Level.INFO, text, true, List.of());
    }
}
