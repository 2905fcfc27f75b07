package dev.llmq.core.port.out;

import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.Schedule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The daily-question part of the store: schedules, each channel's history, and the posts of each
 * day. A channel is identified by (platform, channel); a post by (platform, channel, local date),
 * which is unique, so a day's question can be claimed once however many replicas try.
 * Every method is one transaction.
 */
public interface DailyStore {
    // ------------------------------------------------------------------ schedules

    /** Creates or replaces the channel's schedule. */
    void putSchedule(Schedule schedule, Instant nextFireAt);

    /** Removes the channel's schedule; false when it had none. */
    boolean removeSchedule(ChannelRef channel);

    Optional<StoredSchedule> schedule(ChannelRef channel);

    /** The schedules of one server or workspace, by channel. */
    List<StoredSchedule> schedules(String platform, String space);

    /** The earliest next fire time of all schedules, if any. */
    Optional<Instant> nextFireAt();

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

    // ------------------------------------------------------------------ outcomes

    /**
     * Records a sent post. Its answer becomes due after the post's reveal delay; with none, it
     * waits for the channel's next post (whose claim makes it due), or is due at once when a later
     * post of the channel was claimed already.
     */
    void markSent(ChannelRef channel, LocalDate date, Published where, Instant postedAt, int attempts);

    /**
     * Records several successful sends in one transaction, as {@link #markSent} and
     * {@link #markRevealed} would one by one (group commit: senders that finish together share it).
     */
    void recordAll(List<Outcome> outcomes);

    /** Records a failed attempt that will be tried again at {@code retryAt}. */
    void markRetry(ChannelRef channel, LocalDate date, int attempts, Instant retryAt, String error);

    /** Records a post given up on: {@code state} is FAILED or SKIPPED. */
    void markGivenUp(ChannelRef channel, LocalDate date, PostState state, int attempts, String error);

    // ------------------------------------------------------------------ answers

    /** Takes answers due at or before {@code now} (or whose reveal lease passed), under a lease. */
    List<PostRecord> takeReveals(Instant now, int limit, Lease lease);

    void markRevealed(ChannelRef channel, LocalDate date, int answerAttempts);

    void markRevealRetry(ChannelRef channel, LocalDate date, int answerAttempts, Instant retryAt, String error);

    void markRevealFailed(ChannelRef channel, LocalDate date, int answerAttempts, String error);

    // ------------------------------------------------------------------ reading

    Optional<PostRecord> post(ChannelRef channel, LocalDate date);

    /** The channel's posts, oldest first. */
    List<PostRecord> posts(ChannelRef channel);

    /** The channel's daily-question history. */
    DeckState deck(ChannelRef channel);
}
