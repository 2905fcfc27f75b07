package dev.llmq.core.daily;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.schedule.ChannelRef;
import java.time.Instant;
import java.util.Optional;

/**
 * What a member's daily reminder says ("7 questions due · Review now"), asked when it is sent. Empty
 * when nothing is due: then nothing is sent that day.
 */
@FunctionalInterface
public interface Nudges {
    /** Sends no reminder at all: where no study is kept. */
    Nudges NONE = (member, lang, now) -> Optional.empty();

    Optional<Notice> nudge(ChannelRef member, Lang lang, Instant now);
}
