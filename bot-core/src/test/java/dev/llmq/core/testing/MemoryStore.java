package dev.llmq.core.testing;

import dev.llmq.core.i18n.Lang;
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
import dev.llmq.core.port.out.SpaceSettings;
import dev.llmq.core.port.out.Store;
import dev.llmq.core.port.out.StoredSchedule;
import dev.llmq.core.port.out.UserProgress;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The store in memory, for tests: every port of {@link Store}, with the JDBC store's semantics
 * (it passes the same contract tests). One lock makes each method one transaction. Its data
 * outlives {@link #close()}: {@link #reopen()} is a restart on the same data.
 */
public final class MemoryStore implements Store {
    private record Key(String platform, String channel) {
        static Key of(ChannelRef c) {
            return new Key(c.platform(), c.channel());
        }
    }

    private record PostKey(String platform, String channel, LocalDate date) {
        static PostKey of(ChannelRef c, LocalDate date) {
            return new PostKey(c.platform(), c.channel(), date);
        }
    }

    private record Planned(Schedule schedule, Instant next) {
    }

    /** One post's row, as the JDBC table holds it. */
    private static final class Row {
        ChannelRef channel;
        LocalDate date;
        String questionId;
        Lang lang;
        boolean thread;
        Instant fireAt;
        PostState state = PostState.PENDING;
        int attempts;
        Instant nextAttemptAt;
        Published published;
        Instant postedAt;
        Optional<Duration> revealAfter = Optional.empty();
        AnswerState answer = AnswerState.NONE;
        Instant revealAt;
        int answerAttempts;
        String lastError;
        String claimedBy;
        long epoch;
        boolean inDoubt;

        PostRecord record() {
            return new PostRecord(channel, date, questionId, lang, thread, fireAt, state, attempts,
                    Optional.ofNullable(published), Optional.ofNullable(postedAt), revealAfter, answer,
                    Optional.ofNullable(revealAt), answerAttempts, Optional.ofNullable(lastError),
                    claimedBy == null || epoch < 1 ? Optional.empty() : Optional.of(new Fence(claimedBy, epoch)), inDoubt);
        }

        boolean heldBy(Fence fence) {
            return fence.owner().equals(claimedBy) && fence.epoch() == epoch;
        }

        void draw(NewPost np, Lease lease) {
            questionId = np.questionId();
            lang = np.lang();
            thread = np.thread();
            fireAt = np.fireAt();
            revealAfter = np.revealAfter();
            state = PostState.PENDING;
            attempts = 0;
            nextAttemptAt = lease.until();
            claimedBy = lease.owner();
            lastError = null;
            published = null;
            postedAt = null;
            answer = AnswerState.NONE;
            revealAt = null;
            answerAttempts = 0;
        }
    }

    /** Everything the store holds; shared by the stores {@link #reopen()} makes. */
    private static final class Data {
        final Map<Key, Planned> schedules = new HashMap<>();
        final Map<Key, DeckState> decks = new HashMap<>();
        final Map<PostKey, Row> posts = new TreeMap<>(Comparator.comparing(PostKey::platform)
                .thenComparing(PostKey::channel).thenComparing(PostKey::date));
        final Map<List<String>, SpaceSettings> settings = new HashMap<>();
        final Map<List<String>, UserProgress> progress = new HashMap<>();
        final Map<dev.llmq.core.fsrs.StudyKey, dev.llmq.core.port.out.StoredCard> cards = new HashMap<>();
        final List<dev.llmq.core.fsrs.ReviewEntry> reviewLog = new ArrayList<>();
        final Map<List<String>, dev.llmq.core.port.out.UserSettings> users = new HashMap<>();
    }

    private final Data data;

    public MemoryStore() {
        this(new Data());
    }

    private MemoryStore(Data data) {
        this.data = data;
    }

    /** A new store on the same data, as a process restarting on the same database. */
    public MemoryStore reopen() {
        return new MemoryStore(data);
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {
        // the data stays for reopen()
    }

    // ------------------------------------------------------------------ schedules

    @Override
    public void putSchedule(Schedule schedule, Instant nextFireAt) {
        synchronized (data) {
            data.schedules.put(Key.of(schedule.channel()), new Planned(schedule, nextFireAt));
        }
    }

    @Override
    public boolean removeSchedule(ChannelRef channel) {
        synchronized (data) {
            return data.schedules.remove(Key.of(channel)) != null;
        }
    }

    @Override
    public Optional<StoredSchedule> schedule(ChannelRef channel) {
        synchronized (data) {
            return Optional.ofNullable(data.schedules.get(Key.of(channel))).map(this::stored);
        }
    }

    private StoredSchedule stored(Planned p) {
        ChannelRef c = p.schedule().channel();
        return new StoredSchedule(p.schedule(), p.next(), settingsOf(c.platform(), c.space()).defaultLang());
    }

    @Override
    public List<StoredSchedule> schedules(String platform, String space) {
        synchronized (data) {
            return data.schedules.values().stream()
                    .filter(p -> p.schedule().channel().platform().equals(platform)
                            && p.schedule().channel().space().equals(space))
                    .sorted(Comparator.comparing(p -> p.schedule().channel().channel()))
                    .map(this::stored).toList();
        }
    }

    @Override
    public Optional<Instant> nextFireAt() {
        synchronized (data) {
            return data.schedules.values().stream().map(Planned::next).min(Comparator.naturalOrder());
        }
    }

    // ------------------------------------------------------------------ claiming

    @Override
    public List<PostRecord> claimDue(Instant now, int limit, Lease lease, ClaimPlanner planner) {
        synchronized (data) {
            List<Planned> due = data.schedules.values().stream().filter(p -> !p.next().isAfter(now))
                    .sorted(Comparator.comparing(Planned::next)).limit(Math.max(0, limit)).toList();
            List<PostRecord> claimed = new ArrayList<>();
            for (Planned d : due) {
                ChannelRef ref = d.schedule().channel();
                ClaimPlanner.Plan plan = planner.plan(stored(d), data.decks.getOrDefault(Key.of(ref), DeckState.EMPTY));
                data.schedules.put(Key.of(ref), new Planned(d.schedule(), plan.nextFireAt()));
                if (plan.post().isEmpty()) {
                    continue;
                }
                NewPost np = plan.post().get();
                PostKey key = PostKey.of(ref, np.localDate());
                if (data.posts.containsKey(key)) {
                    continue; // the channel has that date's post already
                }
                Row r = newRow(ref, np, lease);
                data.posts.put(key, r);
                data.decks.put(Key.of(ref), np.deckAfter());
                claimed.add(r.record());
            }
            claimed.forEach(p -> answersDue(p.channel(), p.localDate(), now));
            return claimed;
        }
    }

    private static Row newRow(ChannelRef ref, NewPost np, Lease lease) {
        Row r = new Row();
        r.channel = ref;
        r.date = np.localDate();
        r.draw(np, lease);
        r.epoch = 1;
        return r;
    }

    /** A new post of a channel makes the answers that waited for it due now. */
    private void answersDue(ChannelRef channel, LocalDate date, Instant now) {
        for (Row r : data.posts.values()) {
            if (Key.of(r.channel).equals(Key.of(channel)) && r.answer == AnswerState.WAITING && r.date.isBefore(date)) {
                r.answer = AnswerState.DUE;
                r.revealAt = now;
            }
        }
    }

    @Override
    public NowClaim claimNow(ChannelRef channel, LocalDate date, Lease lease, Function<DeckState, NewPost> draw) {
        synchronized (data) {
            PostKey key = PostKey.of(channel, date);
            Row existing = data.posts.get(key);
            if (existing != null && (existing.state == PostState.SENT || existing.state == PostState.PENDING)) {
                return new NowClaim.Exists(existing.record());
            }
            NewPost np = draw.apply(data.decks.getOrDefault(Key.of(channel), DeckState.EMPTY));
            Row r;
            if (existing != null) { // FAILED or SKIPPED: taken over with a fresh draw, under a new epoch
                r = existing;
                r.draw(np, lease);
                r.epoch++;
            } else {
                r = newRow(channel, np, lease);
                data.posts.put(key, r);
            }
            data.decks.put(Key.of(channel), np.deckAfter());
            answersDue(channel, date, np.fireAt());
            return new NowClaim.Claimed(r.record());
        }
    }

    @Override
    public List<PostRecord> takeRetries(Instant now, int limit, Lease lease) {
        synchronized (data) {
            return take(r -> r.state == PostState.PENDING ? r.nextAttemptAt : null, limit, now, lease, r -> {
                // still held when its lease ran out: whether that send landed is unknown
                r.inDoubt = r.inDoubt || r.claimedBy != null;
                r.nextAttemptAt = lease.until();
            });
        }
    }

    @Override
    public List<PostRecord> takeReveals(Instant now, int limit, Lease lease) {
        synchronized (data) {
            return take(r -> r.answer == AnswerState.DUE ? r.revealAt : null, limit, now, lease,
                    r -> r.revealAt = lease.until());
        }
    }

    private List<PostRecord> take(Function<Row, Instant> dueAt, int limit, Instant now, Lease lease,
                                  java.util.function.Consumer<Row> leaseIt) {
        List<Row> rows = data.posts.values().stream()
                .filter(r -> dueAt.apply(r) != null && !dueAt.apply(r).isAfter(now))
                .sorted(Comparator.comparing(dueAt)).limit(Math.max(0, limit)).toList();
        List<PostRecord> out = new ArrayList<>();
        for (Row r : rows) {
            leaseIt.accept(r);
            r.claimedBy = lease.owner();
            r.epoch++;
            out.add(r.record());
        }
        out.sort(Comparator.comparing(PostRecord::fireAt));
        return out;
    }

    // ------------------------------------------------------------------ leases and outcomes

    /** Applies {@code write} when the post exists, {@code fence} holds it and {@code when} is true of it. */
    private boolean fenced(ChannelRef channel, LocalDate date, Fence fence, java.util.function.Predicate<Row> when,
                           java.util.function.Consumer<Row> write) {
        synchronized (data) {
            Row r = data.posts.get(PostKey.of(channel, date));
            if (r == null || !r.heldBy(fence) || !when.test(r)) {
                return false;
            }
            write.accept(r);
            return true;
        }
    }

    private static boolean pending(Row r) {
        return r.state == PostState.PENDING;
    }

    private static boolean answerDue(Row r) {
        return r.answer == AnswerState.DUE;
    }

    @Override
    public boolean renewSend(ChannelRef channel, LocalDate date, Fence fence, Instant until) {
        return fenced(channel, date, fence, MemoryStore::pending, r -> r.nextAttemptAt = later(r.nextAttemptAt, until));
    }

    @Override
    public boolean renewReveal(ChannelRef channel, LocalDate date, Fence fence, Instant until) {
        return fenced(channel, date, fence, MemoryStore::answerDue, r -> r.revealAt = later(r.revealAt, until));
    }

    /** A renewal never shortens a lease (a late renewal must not undo an earlier, longer one). */
    private static Instant later(Instant current, Instant until) {
        return current != null && current.isAfter(until) ? current : until;
    }

    @Override
    public boolean markSent(ChannelRef channel, LocalDate date, Fence fence, Published where, Instant postedAt,
                            int attempts) {
        return fenced(channel, date, fence, MemoryStore::pending, r -> sent(r, where, postedAt, attempts));
    }

    /**
     * The answer is due after the post's reveal delay; with none, it waits for the channel's next
     * post, or is due now when a later post was claimed already (posts may complete out of order).
     */
    private void sent(Row r, Published where, Instant postedAt, int attempts) {
        boolean later = data.posts.values().stream()
                .anyMatch(x -> Key.of(x.channel).equals(Key.of(r.channel)) && x.date.isAfter(r.date));
        r.state = PostState.SENT;
        r.attempts = attempts;
        r.nextAttemptAt = null;
        r.claimedBy = null;
        r.inDoubt = false;
        r.lastError = null;
        r.published = where;
        r.postedAt = postedAt;
        r.answer = r.revealAfter.isPresent() || later ? AnswerState.DUE : AnswerState.WAITING;
        r.revealAt = r.revealAfter.map(postedAt::plus).orElse(later ? postedAt : null);
    }

    @Override
    public boolean markRetry(ChannelRef channel, LocalDate date, Fence fence, int attempts, Instant retryAt,
                             String error) {
        return fenced(channel, date, fence, MemoryStore::pending, r -> released(r, attempts, retryAt, error));
    }

    @Override
    public boolean markUnknown(ChannelRef channel, LocalDate date, Fence fence, int attempts, Instant retryAt,
                               String error) {
        return fenced(channel, date, fence, MemoryStore::pending, r -> {
            released(r, attempts, retryAt, error);
            r.inDoubt = true;
        });
    }

    private static void released(Row r, int attempts, Instant retryAt, String error) {
        r.attempts = attempts;
        r.nextAttemptAt = retryAt;
        r.claimedBy = null;
        r.lastError = truncate(error);
    }

    @Override
    public boolean markGivenUp(ChannelRef channel, LocalDate date, Fence fence, PostState state, int attempts,
                               String error) {
        if (state != PostState.FAILED && state != PostState.SKIPPED) {
            throw new IllegalArgumentException("give up as FAILED or SKIPPED, not " + state);
        }
        return fenced(channel, date, fence, MemoryStore::pending, r -> {
            r.state = state;
            r.attempts = attempts;
            r.nextAttemptAt = null;
            r.claimedBy = null;
            r.inDoubt = false;
            r.lastError = truncate(error);
        });
    }

    @Override
    public boolean markRevealed(ChannelRef channel, LocalDate date, Fence fence, int answerAttempts) {
        return fenced(channel, date, fence, MemoryStore::answerDue, r -> {
            r.answer = AnswerState.SENT;
            r.answerAttempts = answerAttempts;
            r.revealAt = null;
            r.claimedBy = null;
        });
    }

    @Override
    public boolean markRevealRetry(ChannelRef channel, LocalDate date, Fence fence, int answerAttempts,
                                   Instant retryAt, String error) {
        return fenced(channel, date, fence, MemoryStore::answerDue, r -> {
            r.answerAttempts = answerAttempts;
            r.revealAt = retryAt;
            r.claimedBy = null;
            r.lastError = truncate(error);
        });
    }

    @Override
    public boolean markRevealFailed(ChannelRef channel, LocalDate date, Fence fence, int answerAttempts, String error) {
        return fenced(channel, date, fence, r -> true, r -> {
            r.answer = AnswerState.FAILED;
            r.answerAttempts = answerAttempts;
            r.revealAt = null;
            r.claimedBy = null;
            r.lastError = truncate(error);
        });
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000) + "…";
    }

    // ------------------------------------------------------------------ reading

    @Override
    public Optional<PostRecord> post(ChannelRef channel, LocalDate date) {
        synchronized (data) {
            return Optional.ofNullable(data.posts.get(PostKey.of(channel, date))).map(Row::record);
        }
    }

    @Override
    public List<PostRecord> posts(ChannelRef channel) {
        synchronized (data) {
            return data.posts.values().stream().filter(r -> Key.of(r.channel).equals(Key.of(channel)))
                    .map(Row::record).toList(); // the map is ordered by date within a channel
        }
    }

    @Override
    public DeckState deck(ChannelRef channel) {
        synchronized (data) {
            return data.decks.getOrDefault(Key.of(channel), DeckState.EMPTY);
        }
    }

    @Override
    public boolean replaceDeck(ChannelRef channel, DeckState expected, DeckState next) {
        synchronized (data) {
            DeckState now = data.decks.getOrDefault(Key.of(channel), DeckState.EMPTY);
            if (!now.equals(expected) || (expected.equals(DeckState.EMPTY) && data.decks.containsKey(Key.of(channel)))) {
                return false;
            }
            data.decks.put(Key.of(channel), next);
            return true;
        }
    }

    // ------------------------------------------------------------------ progress and settings

    @Override
    public Optional<dev.llmq.core.port.out.StoredCard> card(dev.llmq.core.fsrs.StudyKey key) {
        synchronized (data) {
            return Optional.ofNullable(data.cards.get(key));
        }
    }

    @Override
    public boolean recordReview(dev.llmq.core.fsrs.ReviewEntry entry) {
        synchronized (data) {
            dev.llmq.core.port.out.StoredCard now = data.cards.get(entry.key());
            if ((now == null ? 0 : now.reviews()) != entry.number() - 1) {
                return false;
            }
            data.cards.put(entry.key(), new dev.llmq.core.port.out.StoredCard(entry.after(), entry.number()));
            data.reviewLog.add(entry);
            return true;
        }
    }

    @Override
    public List<dev.llmq.core.port.out.StudiedCard> cards(String platform, String space, String user) {
        synchronized (data) {
            return data.cards.entrySet().stream().filter(e -> e.getKey().platform().equals(platform)
                            && e.getKey().space().equals(space) && e.getKey().user().equals(user))
                    .map(e -> new dev.llmq.core.port.out.StudiedCard(e.getKey().questionId(), e.getValue().card(),
                            e.getValue().reviews()))
                    .toList();
        }
    }

    @Override
    public dev.llmq.core.port.out.UserSettings userSettings(String platform, String user) {
        synchronized (data) {
            return data.users.getOrDefault(List.of(platform, user), dev.llmq.core.port.out.UserSettings.DEFAULTS);
        }
    }

    @Override
    public void putUserSettings(String platform, String user, dev.llmq.core.port.out.UserSettings settings) {
        synchronized (data) {
            data.users.put(List.of(platform, user), java.util.Objects.requireNonNull(settings));
        }
    }

    @Override
    public int forgetUser(String platform, String user) {
        synchronized (data) {
            String reminder = ChannelRef.member(platform, "", user).channel();
            int before = data.cards.size() + data.reviewLog.size() + data.progress.size() + data.users.size()
                    + data.schedules.size() + data.posts.size() + data.decks.size();
            data.schedules.keySet().removeIf(k -> k.platform().equals(platform) && k.channel().equals(reminder));
            data.posts.keySet().removeIf(k -> k.platform().equals(platform) && k.channel().equals(reminder));
            data.decks.keySet().removeIf(k -> k.platform().equals(platform) && k.channel().equals(reminder));
            data.cards.keySet().removeIf(k -> k.platform().equals(platform) && k.user().equals(user));
            data.reviewLog.removeIf(e -> e.key().platform().equals(platform) && e.key().user().equals(user));
            data.progress.keySet().removeIf(k -> k.get(0).equals(platform) && k.get(2).equals(user));
            data.users.remove(List.of(platform, user));
            return before - (data.cards.size() + data.reviewLog.size() + data.progress.size() + data.users.size()
                    + data.schedules.size() + data.posts.size() + data.decks.size());
        }
    }

    @Override
    public List<dev.llmq.core.fsrs.ReviewEntry> reviewLog(String platform, String space, String user) {
        synchronized (data) {
            return data.reviewLog.stream().filter(e -> e.key().platform().equals(platform)
                    && e.key().space().equals(space) && e.key().user().equals(user)).toList();
        }
    }

    @Override
    public List<dev.llmq.core.port.out.LoggedReview> boardReviews(String platform, String space, Instant from,
                                                                  Instant until) {
        synchronized (data) {
            return data.reviewLog.stream().filter(e -> e.key().platform().equals(platform)
                            && e.key().space().equals(space) && !e.at().isBefore(from) && e.at().isBefore(until)
                            && data.users.getOrDefault(List.of(platform, e.key().user()),
                            dev.llmq.core.port.out.UserSettings.DEFAULTS).leaderboard())
                    .sorted(java.util.Comparator.comparing(dev.llmq.core.fsrs.ReviewEntry::at))
                    .map(e -> new dev.llmq.core.port.out.LoggedReview(e.key().user(), e.key().questionId(), e.grade(),
                            e.at()))
                    .toList();
        }
    }

    @Override
    public void recordReveal(String platform, String space, String user, String questionId, Instant at) {
        synchronized (data) {
            data.progress.merge(List.of(platform, space, user, questionId),
                    new UserProgress(questionId, 1, at, at, OptionalInt.empty()),
                    (old, x) -> new UserProgress(questionId, old.reveals() + 1, old.firstRevealedAt(), at, old.grade()));
        }
    }

    @Override
    public List<UserProgress> progress(String platform, String space, String user) {
        synchronized (data) {
            return data.progress.entrySet().stream()
                    .filter(e -> e.getKey().subList(0, 3).equals(List.of(platform, space, user)))
                    .map(Map.Entry::getValue)
                    .sorted(Comparator.comparing(UserProgress::lastRevealedAt).reversed()
                            .thenComparing(UserProgress::questionId))
                    .toList();
        }
    }

    @Override
    public SpaceSettings settings(String platform, String space) {
        synchronized (data) {
            return settingsOf(platform, space);
        }
    }

    private SpaceSettings settingsOf(String platform, String space) {
        return data.settings.getOrDefault(List.of(platform, space), SpaceSettings.DEFAULTS);
    }

    @Override
    public void putSettings(String platform, String space, SpaceSettings settings) {
        synchronized (data) {
            data.settings.put(List.of(platform, space), settings);
        }
    }
}
