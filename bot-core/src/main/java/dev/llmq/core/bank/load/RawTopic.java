package dev.llmq.core.bank.load;

import dev.llmq.core.bank.Bilingual;
import dev.llmq.core.bank.Topic;
import java.util.ArrayList;
import java.util.List;

/** A topic as read from one file, before the cross-file checks; parts that were wrong stay null. */
final class RawTopic {
    String id;
    Loc idLoc;
    /** The name in English and in Chinese, each where it was written. */
    Bilingual<Located> name;
    final List<Located> aliases = new ArrayList<>();

    Topic build() {
        return new Topic(id, new Bilingual<>(name.en().value(), name.zh().value()),
                aliases.stream().map(Located::value).toList());
    }
}
