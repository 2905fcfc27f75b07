package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.util.List;
import java.util.Objects;

/**
 * A file with a caption: the stats card (an image) or an export (a text file). Private to the
 * member unless they shared it; {@code caption} says in words what the file shows, so that it also
 * serves where the file cannot be shown.
 */
public record FileReply(Lang lang, String caption, Attachment file, boolean ephemeral, List<Action> actions)
        implements Reply {
    public FileReply {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(file, "file");
        actions = List.copyOf(actions);
    }
}
