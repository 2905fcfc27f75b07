package dev.llmq.core.port.in;

import java.util.Objects;

/**
 * A button on a reply. {@code id} is the encoded {@link ActionId}: it carries everything needed
 * to answer the press, so it works after a restart and on any replica.
 */
public record Action(ActionKind kind, String id, String label) {
    public Action {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (id.length() > ActionId.MAX_LENGTH) {
            throw new IllegalArgumentException("action id longer than " + ActionId.MAX_LENGTH + ": " + id);
        }
    }
}
