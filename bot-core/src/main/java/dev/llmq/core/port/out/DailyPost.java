package dev.llmq.core.port.out;

import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.schedule.ChannelRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One day's question for one channel, as the core asks an adapter to publish it.
 *
 * @param nonce derived from (channel, local date): the same on every retry and every replica, so
 *              a platform that honours nonces (Discord's {@code enforce_nonce}) never duplicates it
 */
public record DailyPost(ChannelRef channel, LocalDate localDate, QuestionCard question, boolean openThread,
                        String nonce) {
    public DailyPost {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(localDate, "localDate");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(nonce, "nonce");
    }

    public static DailyPost of(ChannelRef channel, LocalDate localDate, QuestionCard question, boolean openThread) {
        return new DailyPost(channel, localDate, question, openThread, nonceFor(channel, localDate));
    }

    /** The nonce of a channel's post on a date. */
    public static String nonceFor(ChannelRef channel, LocalDate localDate) {
        return nonce(channel + "|" + localDate);
    }

    /**
     * The one nonce function: 24 hex characters (Discord allows 25) of a SHA-256 of {@code key}, so
     * the same key gives the same nonce on every retry and every replica.
     */
    public static String nonce(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
