package dev.llmq.core.bank;

import dev.llmq.core.i18n.Lang;
import java.util.List;
import java.util.Objects;

/** A topic of the bank, such as {@code architecture}. */
public record Topic(String id, Bilingual<String> name, List<String> aliases) {
    public Topic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
    }

    public String name(Lang lang) {
        return name.get(lang);
    }
}
