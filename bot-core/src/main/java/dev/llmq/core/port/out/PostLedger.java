package dev.llmq.core.port.out;

import dev.llmq.core.schedule.ChannelRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The posts of each day: a post is identified by (platform, channel, local date), which is unique,
 * so a day's question can be claimed once however many replicas try. A claim carries a lease and
 * a {@link Fence}; every renewal and every outcome names the fence and is written only while it
 * holds the post. Claiming reads the schedules and the channel's history, and advances them, in
 * the same transaction. Every method is one transaction.
 */
public interface PostLedger {
    // ------------------------------------------------------------------ claiming

    /**
     * Claims due work: up to {@code limit} schedules whose next fire time is at or before
     * {@code now} (found through the index on it, oldest first; rows locked by another replica are
     * skipped). For each, the planner decides the post and the next fire time; the post is
     * inserted as PENDING under {@code lease} unless the channel already has one for that date,
     * the channel's history is updated, the answers of the channel's earlier posts that were
     * waiting for this one become due, and the schedule is advanced, all in one transaction.
     *
     * @return the posts claimed by this call (never one that existed already)
     */
    List<PostRecord> claimDue(Instant now, int limit, Lease lease, ClaimPlanner planner);

    /**
     * Claims the channel's post for {@code date} on demand. When the channel has none, the
     * function draws one from the channel's history. A FAILED or SKIPPED post of that date is
     * taken over (with a fresh draw); a SENT or PENDING one is returned as it is.
     */
    NowClaim claimNow(ChannelRef channel, LocalDate date, Lease lease, Function<DeckState, NewPost> draw);

    /**
     * Takes over PENDING posts whose retry time or lease has passed (a failed send, or a replica
     * that stopped while sending), up to {@code limit}, under a new lease.
     */
    List<PostRecord> takeRetries(Instant now, int limit, Lease lease);

    // ------------------------------------------------------------------ leases

    /**
     * Extends the lease of a post being sent (the sender's heartbeat) to {@code until}, if
     * {@code fence} still holds it; false when it does not (the lease lapsed and was taken over).
     */
    boolean renewSend(ChannelRef channel, LocalDate date, Fence fence, Instant until);

    /** As {@link #renewSend}, for a post whose answer is being revealed. */
    boolean renewReveal(ChannelRef channel, LocalDate date, Fence fence, Instant until);

    // ------------------------------------------------------------------ outcomes
    // Every outcome names the fence of its claim, and is written only while that claim holds the
    // post: false means refused, nothing written.

    /**
     * Records a sent post. Its answer becomes due after the post's reveal delay; with none, it
     * waits for the channel's next post (whose claim makes it due), or is due at once when a later
     * post of the channel was claimed already.
     */
    boolean markSent(ChannelRef channel, LocalDate date, Fence fence, Published where, Instant postedAt, int attempts);

    /** Records a failed attempt that will be tried again at {@code retryAt}, and releases the claim. */
    boolean markRetry(ChannelRef channel, LocalDate date, Fence fence, int attempts, Instant retryAt, String error);

    /**
     * Records an attempt whose outcome is unknown (abandoned at its deadline): as {@link #markRetry},
     * and the post is marked in doubt, so the next attempt looks for it in the channel first.
     */
    boolean markUnknown(ChannelRef channel, LocalDate date, Fence fence, int attempts, Instant retryAt, String error);

    /** Records a post given up on: {@code state} is FAILED or SKIPPED. */
    boolean markGivenUp(ChannelRef channel, LocalDate date, Fence fence, PostState state, int attempts, String error);

    // ------------------------------------------------------------------ answers

    /** Takes answers due at or before {@code now} (or whose reveal lease passed), under a lease. */
    List<PostRecord> takeReveals(Instant now, int limit, Lease lease);

    boolean markRevealed(ChannelRef channel, LocalDate date, Fence fence, int answerAttempts);

    boolean markRevealRetry(ChannelRef channel, LocalDate date, Fence fence, int answerAttempts, Instant retryAt,
                            String error);

    boolean markRevealFailed(ChannelRef channel, LocalDate date, Fence fence, int answerAttempts, String error);

    Optional<PostRecord> post(ChannelRef channel, LocalDate date);

    /** The channel's posts, oldest first. */
    List<PostRecord> posts(ChannelRef channel);
}
