package dev.llmq.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * A rendered reply: Block Kit blocks, the fallback text (notifications, screen readers), and
 * whether only the requester should see it.
 */
record SlackMessage(String text, List<LayoutBlock> blocks, boolean ephemeral) {
    SlackMessage {
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
    }

    String responseType() {
        return ephemeral ? "ephemeral" : "in_channel";
    }
}
