package dev.llmq.store.jdbc;

import dev.llmq.core.port.out.AnswerState;
import dev.llmq.core.port.out.ClaimPlanner;
import dev.llmq.core.port.out.DeckState;
import dev.llmq.core.port.out.Fence;
import dev.llmq.core.port.out.Lease;
import dev.llmq.core.port.out.NewPost;
import dev.llmq.core.port.out.NowClaim;
import dev.llmq.core.port.out.PostRecord;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.port.out.StoredSchedule;
import dev.llmq.core.schedule.ChannelRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daily post ledger: claiming posts under fenced leases, their outcomes, their answers, and each channel's question history. */
final class PostTable extends SqlTable {
    private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);

    /** Claiming reads and advances the due schedules in the same transaction. */
    private final ScheduleTable schedules;
    /** Each channel's question history, read and written inside the claim transactions. */
    private final DeckTable deckTable;

    PostTable(DataSource ds, JdbcStore.Dialect dialect, String description, ScheduleTable schedules) {
        super(ds, dialect, description);
        this.schedules = schedules;
        this.deckTable = new DeckTable(ds, dialect, description);
    }

    // ------------------------------------------------------------------ claiming

    private record Due(String platform, String channel, StoredSchedule schedule) {
    }

    public List<PostRecord> claimDue(Instant now, int limit, Lease lease, ClaimPlanner planner) {
        // MIN() reads the first entry of the next_fire_at index on both engines (a "<= ? LIMIT 1"
        // probe can get a sequential scan from a generic PostgreSQL plan).
        boolean anyDue = schedules.nextFireAt().map(t -> !t.isAfter(now)).orElse(false);
        if (!anyDue) {
            return List.of(); // the common tick: one indexed look-up, no transaction
        }
        return tx(c -> {
            List<Due> due = new ArrayList<>();
            Map<ChannelRef, DeckState> decks = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ScheduleTable.SCHEDULE_COLS
                    + ", d.deck_round, d.asked, d.last_question" + ScheduleTable.SCHEDULE_FROM
                    + " LEFT JOIN channel_decks d ON d.platform = s.platform AND d.channel = s.channel"
                    + " WHERE s.next_fire_at <= ? ORDER BY s.next_fire_at LIMIT ?"
                    + (dialect == JdbcStore.Dialect.POSTGRES ? " FOR UPDATE OF s SKIP LOCKED" : ""))) {
                ps.setLong(1, now.toEpochMilli());
                ps.setInt(2, limit);
                List<String[]> broken = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            Due d = new Due(rs.getString("platform"), rs.getString("channel"), ScheduleTable.schedule(rs));
                            due.add(d);
                            rs.getInt("deck_round");
                            if (!rs.wasNull()) {
                                decks.put(d.schedule().schedule().channel(), DeckTable.deck(rs));
                            }
                        } catch (RuntimeException e) {
                            log.error("unreadable schedule {}:{}, looked at again in a day: {}", rs.getString("platform"),
                                    rs.getString("channel"), e.toString());
                            broken.add(new String[] {rs.getString("platform"), rs.getString("channel")});
                        }
                    }
                }
                for (String[] b : broken) {
                    try (PreparedStatement up = c.prepareStatement(
                            "UPDATE schedules SET next_fire_at = ? WHERE platform = ? AND channel = ?")) {
                        up.setLong(1, now.plus(Duration.ofDays(1)).toEpochMilli());
                        up.setString(2, b[0]);
                        up.setString(3, b[1]);
                        up.executeUpdate();
                    }
                }
            }
            if (due.isEmpty()) {
                return List.of();
            }
            List<PostRecord> wanted = new ArrayList<>();
            List<DeckState> deckAfter = new ArrayList<>();
            try (PreparedStatement advance = c.prepareStatement(
                    "UPDATE schedules SET next_fire_at = ? WHERE platform = ? AND channel = ?")) {
                for (Due d : due) {
                    ChannelRef ref = d.schedule().schedule().channel();
                    ClaimPlanner.Plan plan = planner.plan(d.schedule(), decks.getOrDefault(ref, DeckState.EMPTY));
                    advance.setLong(1, plan.nextFireAt().toEpochMilli());
                    advance.setString(2, d.platform());
                    advance.setString(3, d.channel());
                    advance.addBatch();
                    plan.post().ifPresent(p -> {
                        wanted.add(pending(ref, p, lease));
                        deckAfter.add(p.deckAfter());
                    });
                }
                advance.executeBatch();
            }
            int[] inserted = insertPosts(c, wanted, lease);
            List<PostRecord> claimed = new ArrayList<>();
            Map<ChannelRef, DeckState> newDecks = new LinkedHashMap<>();
            for (int i = 0; i < wanted.size(); i++) {
                if (inserted[i] > 0) {
                    claimed.add(wanted.get(i));
                    newDecks.put(wanted.get(i).channel(), deckAfter.get(i));
                }
            }
            deckTable.write(c, newDecks);
            answersDue(c, claimed, now);
            return claimed;
        });
    }

    private static PostRecord pending(ChannelRef ref, NewPost p, Lease lease) {
        return new PostRecord(ref, p.localDate(), p.questionId(), p.lang(), p.thread(), p.fireAt(), PostState.PENDING, 0,
                Optional.empty(), Optional.empty(), p.revealAfter(), AnswerState.NONE, Optional.empty(), 0,
                Optional.empty(), Optional.of(new Fence(lease.owner(), 1)), false);
    }

    private int[] insertPosts(Connection c, List<PostRecord> posts, Lease lease) throws SQLException {
        if (posts.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO daily_posts (platform, channel, local_date, space, "
                + "question_id, lang, thread, fire_at, state, attempts, next_attempt_at, claimed_by, claim_epoch, "
                + "reveal_after_s, answer_state, answer_attempts) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, 1, ?, 'NONE', 0) "
                + "ON CONFLICT (platform, channel, local_date) DO NOTHING")) {
            for (PostRecord p : posts) {
                int i = 1;
                ps.setString(i++, p.channel().platform());
                ps.setString(i++, p.channel().channel());
                ps.setString(i++, p.localDate().toString());
                ps.setString(i++, p.channel().space());
                ps.setString(i++, p.questionId());
                ps.setString(i++, p.lang().code());
                ps.setInt(i++, p.thread() ? 1 : 0);
                ps.setLong(i++, p.fireAt().toEpochMilli());
                ps.setLong(i++, lease.until().toEpochMilli());
                ps.setString(i++, lease.owner());
                setNullableLong(ps, i, p.revealAfter().map(Duration::getSeconds).orElse(null));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int n : counts) {
                if (n == Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the driver did not report which posts were inserted");
                }
            }
            return counts;
        }
    }

    public NowClaim claimNow(ChannelRef channel, LocalDate date, Lease lease, Function<DeckState, NewPost> draw) {
        return tx(c -> {
            // The schedule's row lock serialises this with the scheduler's claims of the channel
            // (which hold it), so the channel's history is updated by one of them at a time.
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM schedules WHERE platform = ? AND channel = ?"
                    + dialect.lock())) {
                ps.setString(1, channel.platform());
                ps.setString(2, channel.channel());
                ps.executeQuery().close();
            }
            Optional<PostRecord> existing = post(c, channel, date, dialect.lock());
            if (existing.isPresent() && (existing.get().state() == PostState.SENT
                    || existing.get().state() == PostState.PENDING)) {
                return new NowClaim.Exists(existing.get());
            }
            DeckState deck = deckTable.read(c, channel);
            NewPost np = draw.apply(deck);
            PostRecord p = pending(channel, np, lease);
            if (existing.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE daily_posts SET question_id = ?, lang = ?, "
                        + "thread = ?, fire_at = ?, state = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_by = ?, "
                        + "claim_epoch = claim_epoch + 1, "
                        + "last_error = NULL, message_ref = NULL, thread_ref = NULL, posted_at = NULL, reveal_after_s = ?, "
                        + "answer_state = 'NONE', reveal_at = NULL, answer_attempts = 0 "
                        + "WHERE platform = ? AND channel = ? AND local_date = ?")) {
                    int i = 1;
                    ps.setString(i++, np.questionId());
                    ps.setString(i++, np.lang().code());
                    ps.setInt(i++, np.thread() ? 1 : 0);
                    ps.setLong(i++, np.fireAt().toEpochMilli());
                    ps.setLong(i++, lease.until().toEpochMilli());
                    ps.setString(i++, lease.owner());
                    setNullableLong(ps, i++, np.revealAfter().map(Duration::getSeconds).orElse(null));
                    setKey(ps, i, channel, date);
                    ps.executeUpdate();
                }
                p = post(c, channel, date, "").orElseThrow(); // with the epoch the take-over gave it
            } else if (insertPosts(c, List.of(p), lease)[0] == 0) {
                return new NowClaim.Exists(post(c, channel, date, "").orElseThrow());
            }
            deckTable.write(c, Map.of(channel, np.deckAfter()));
            answersDue(c, List.of(p), np.fireAt());
            return new NowClaim.Claimed(p);
        });
    }

    public List<PostRecord> takeRetries(Instant now, int limit, Lease lease) {
        // A post still held when its lease ran out was being sent by a replica that stopped or
        // stalled: whether it reached the channel is unknown until the next sender looks.
        return take("next_attempt_at", "state = 'PENDING'", ", in_doubt = CASE WHEN claimed_by IS NULL THEN in_doubt ELSE 1 END",
                now, limit, lease);
    }

    public List<PostRecord> takeReveals(Instant now, int limit, Lease lease) {
        return take("reveal_at", "answer_state = 'DUE'", "", now, limit, lease);
    }

    /**
     * Leases rows whose {@code column} time has passed, in one statement: an UPDATE of the rows a
     * sub-select picks through the partial index on {@code column} (oldest first; on PostgreSQL
     * skipping rows that other replicas hold), returning them.
     */
    private List<PostRecord> take(String column, String condition, String alsoSet, Instant now, int limit, Lease lease) {
        if (limit <= 0) {
            return List.of();
        }
        String pick = "SELECT " + dialect.rowId + " FROM daily_posts WHERE " + column + " IS NOT NULL AND " + column
                + " <= ? AND " + condition + " ORDER BY " + column + " LIMIT ?" + dialect.skipLocked;
        String where = dialect == JdbcStore.Dialect.POSTGRES ? "ctid = ANY(ARRAY(" + pick + "))" : "rowid IN (" + pick + ")";
        return auto(c -> {
            List<PostRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE daily_posts SET " + column + " = ?, claimed_by = ?, "
                    + "claim_epoch = claim_epoch + 1" + alsoSet + " "
                    + "WHERE " + where + " RETURNING " + PostRow.COLUMNS)) {
                ps.setLong(1, lease.until().toEpochMilli());
                ps.setString(2, lease.owner());
                ps.setLong(3, now.toEpochMilli());
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(PostRow.read(rs));
                    }
                }
            }
            out.sort(java.util.Comparator.comparing(PostRecord::fireAt));
            return out;
        });
    }

    // ------------------------------------------------------------------ outcomes

    /** The post's key and its claim (five parameters): the condition of every fenced write. */
    static final String HELD = " WHERE platform = ? AND channel = ? AND local_date = ? AND claimed_by = ? "
            + "AND claim_epoch = ?";

    /**
     * One statement. The answer is due after the post's reveal delay; with none, it waits for the
     * channel's next post (whose claim makes it due), or is due now when a later post was claimed
     * already (posts may complete out of order).
     */
    public boolean markSent(ChannelRef channel, LocalDate date, Fence fence, Published where, Instant postedAt,
                            int attempts) {
        return auto(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE daily_posts SET state = 'SENT', attempts = ?, "
                    + "next_attempt_at = NULL, claimed_by = NULL, in_doubt = 0, last_error = NULL, message_ref = ?, "
                    + "thread_ref = ?, posted_at = ?, "
                    + "answer_state = CASE WHEN reveal_after_s IS NOT NULL OR " + LATER_POST + " THEN 'DUE' ELSE 'WAITING' END, "
                    + "reveal_at = CASE WHEN reveal_after_s IS NOT NULL THEN ? + reveal_after_s * 1000 "
                    + "WHEN " + LATER_POST + " THEN ? ELSE NULL END"
                    + HELD + " AND state = 'PENDING'")) {
                long at = postedAt.toEpochMilli();
                int i = 1;
                ps.setInt(i++, attempts);
                ps.setString(i++, where.messageRef());
                setNullable(ps, i++, where.threadRef().orElse(null));
                ps.setLong(i++, at);
                setKey(ps, i, channel, date);
                i += 3;
                ps.setLong(i++, at);
                setKey(ps, i, channel, date);
                i += 3;
                ps.setLong(i++, at);
                setHeld(ps, i, channel, date, fence);
                return ps.executeUpdate() == 1;
            }
        });
    }

    static final String REVEALED = "UPDATE daily_posts SET answer_state = 'SENT', answer_attempts = ?, "
            + "reveal_at = NULL, claimed_by = NULL" + HELD + " AND answer_state = 'DUE'";

    /** The channel has a later post (three parameters: the post's key). */
    static final String LATER_POST = "EXISTS (SELECT 1 FROM daily_posts l WHERE l.platform = ? AND l.channel = ? "
            + "AND l.local_date > ?)";

    /** A new post of a channel makes the answers that waited for it due now. */
    private static void answersDue(Connection c, List<PostRecord> newPosts, Instant now) throws SQLException {
        if (newPosts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE daily_posts SET answer_state = 'DUE', reveal_at = ? "
                + "WHERE platform = ? AND channel = ? AND answer_state = 'WAITING' AND local_date < ?")) {
            for (PostRecord p : newPosts) {
                ps.setLong(1, now.toEpochMilli());
                setKey(ps, 2, p.channel(), p.localDate());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * A lease column renewed to the later of its value and the new end (two parameters, both the new
     * end): a renewal never shortens a lease. Two renewals of one claim can arrive out of order (the
     * sender's own, computed before it was descheduled, after the heartbeat's); the earlier end
     * written last would hand an in-flight claim to another replica, which would send it again.
     */
    static final String LATER = "CASE WHEN %1$s > ? THEN %1$s ELSE ? END";

    public boolean renewSend(ChannelRef channel, LocalDate date, Fence fence, Instant until) {
        return update("UPDATE daily_posts SET next_attempt_at = " + LATER.formatted("next_attempt_at") + HELD
                + " AND state = 'PENDING'", channel, date, fence, until.toEpochMilli(), until.toEpochMilli()) == 1;
    }

    public boolean renewReveal(ChannelRef channel, LocalDate date, Fence fence, Instant until) {
        return update("UPDATE daily_posts SET reveal_at = " + LATER.formatted("reveal_at") + HELD
                + " AND answer_state = 'DUE'", channel, date, fence, until.toEpochMilli(), until.toEpochMilli()) == 1;
    }

    public boolean markRetry(ChannelRef channel, LocalDate date, Fence fence, int attempts, Instant retryAt,
                             String error) {
        return update("UPDATE daily_posts SET attempts = ?, next_attempt_at = ?, claimed_by = NULL, last_error = ?"
                + HELD + " AND state = 'PENDING'", channel, date, fence, attempts, retryAt.toEpochMilli(),
                truncate(error)) == 1;
    }

    public boolean markUnknown(ChannelRef channel, LocalDate date, Fence fence, int attempts, Instant retryAt,
                               String error) {
        return update("UPDATE daily_posts SET attempts = ?, next_attempt_at = ?, claimed_by = NULL, in_doubt = 1, "
                + "last_error = ?" + HELD + " AND state = 'PENDING'", channel, date, fence, attempts,
                retryAt.toEpochMilli(), truncate(error)) == 1;
    }

    public boolean markGivenUp(ChannelRef channel, LocalDate date, Fence fence, PostState state, int attempts,
                               String error) {
        if (state != PostState.FAILED && state != PostState.SKIPPED) {
            throw new IllegalArgumentException("give up as FAILED or SKIPPED, not " + state);
        }
        return update("UPDATE daily_posts SET state = ?, attempts = ?, next_attempt_at = NULL, claimed_by = NULL, "
                + "in_doubt = 0, last_error = ?" + HELD + " AND state = 'PENDING'", channel, date, fence, state.name(), attempts,
                truncate(error)) == 1;
    }

    public boolean markRevealed(ChannelRef channel, LocalDate date, Fence fence, int answerAttempts) {
        return update(REVEALED, channel, date, fence, answerAttempts) == 1;
    }

    public boolean markRevealRetry(ChannelRef channel, LocalDate date, Fence fence, int answerAttempts,
                                   Instant retryAt, String error) {
        return update("UPDATE daily_posts SET answer_attempts = ?, reveal_at = ?, claimed_by = NULL, last_error = ?"
                + HELD + " AND answer_state = 'DUE'", channel, date, fence, answerAttempts, retryAt.toEpochMilli(),
                truncate(error)) == 1;
    }

    public boolean markRevealFailed(ChannelRef channel, LocalDate date, Fence fence, int answerAttempts, String error) {
        return update("UPDATE daily_posts SET answer_state = 'FAILED', answer_attempts = ?, reveal_at = NULL, "
                + "claimed_by = NULL, last_error = ?" + HELD, channel, date, fence, answerAttempts, truncate(error)) == 1;
    }

    private static void setHeld(PreparedStatement ps, int i, ChannelRef channel, LocalDate date, Fence fence)
            throws SQLException {
        setKey(ps, i, channel, date);
        ps.setString(i + 3, fence.owner());
        ps.setLong(i + 4, fence.epoch());
    }

    /** A fenced update whose leading parameters are {@code values}, followed by the post's key and fence. */
    private int update(String sql, ChannelRef channel, LocalDate date, Fence fence, Object... values) {
        return auto(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Object v : values) {
                    if (v instanceof Integer n) {
                        ps.setInt(i++, n);
                    } else if (v instanceof Long n) {
                        ps.setLong(i++, n);
                    } else {
                        setNullable(ps, i++, (String) v);
                    }
                }
                setHeld(ps, i, channel, date, fence);
                return ps.executeUpdate();
            }
        });
    }

    private static String truncate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 1000 ? s : s.substring(0, 1000) + "…";
    }

    // ------------------------------------------------------------------ reading posts

    public Optional<PostRecord> post(ChannelRef channel, LocalDate date) {
        return auto(c -> post(c, channel, date, ""));
    }

    private Optional<PostRecord> post(Connection c, ChannelRef channel, LocalDate date, String lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PostRow.COLUMNS + " FROM daily_posts "
                + "WHERE platform = ? AND channel = ? AND local_date = ?" + lock)) {
            setKey(ps, 1, channel, date);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(PostRow.read(rs)) : Optional.empty();
            }
        }
    }

    public List<PostRecord> posts(ChannelRef channel) {
        return auto(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PostRow.COLUMNS + " FROM daily_posts "
                    + "WHERE platform = ? AND channel = ? ORDER BY local_date")) {
                ps.setString(1, channel.platform());
                ps.setString(2, channel.channel());
                List<PostRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(PostRow.read(rs));
                    }
                }
                return out;
            }
        });
    }

    public DeckState deck(ChannelRef channel) {
        return auto(c -> deckTable.read(c, channel));
    }
}
