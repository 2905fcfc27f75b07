package dev.llmq.core.port.out;

import dev.llmq.core.schedule.ChannelRef;

/** Each channel's daily-question history (which questions it has had); the ledger updates it as it claims. */
public interface DeckStore {
    /** The channel's daily-question history. */
    DeckState deck(ChannelRef channel);
}
