package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.util.List;

/** The bank's topics, with their aliases and question counts. */
public record TopicList(Lang lang, List<Entry> topics, boolean ephemeral) implements Reply {
    public record Entry(String id, String name, List<String> aliases, int questions) {
        public Entry {
            aliases = List.copyOf(aliases);
        }
    }

    public TopicList {
        topics = List.copyOf(topics);
    }

    @Override
    public List<Action> actions() {
        return List.of();
    }
}
