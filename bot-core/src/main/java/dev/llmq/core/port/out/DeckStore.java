package dev.llmq.core.port.out;

import dev.llmq.core.schedule.ChannelRef;

/**
 * Each channel's deck: which questions it has had this round. One per channel, shared by its
 * asks (whatever they filter by) and its daily question; the ledger updates it as it claims a
 * daily post.
 */
public interface DeckStore {
    /** The channel's deck, or {@link DeckState#EMPTY}. */
    DeckState deck(ChannelRef channel);

    /**
     * Replaces the channel's deck with {@code next} if it is still {@code expected} (a conditional
     * update: {@link DeckState#EMPTY} means the channel has none yet). False when another draw
     * (another replica, or the daily claim) changed it first: read it again and draw again.
     */
    boolean replaceDeck(ChannelRef channel, DeckState expected, DeckState next);
}
