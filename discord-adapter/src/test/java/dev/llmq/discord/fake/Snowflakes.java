package dev.llmq.discord.fake;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord ids that encode the current time, as real ones do: JDA derives an interaction's
 * creation time (and so its hook's 15-minute expiry) from its id.
 */
public final class Snowflakes {
    public static final long DISCORD_EPOCH = 1420070400000L;
    private static final AtomicLong LAST = new AtomicLong();

    private Snowflakes() {
    }

    /** A new id, unique in this JVM, with the current millisecond in its top bits. */
    public static long next() {
        long fresh = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return LAST.updateAndGet(last -> Math.max(last + 1, fresh));
    }

    public static long millis(long snowflake) {
        return (snowflake >>> 22) + DISCORD_EPOCH;
    }
}
