package dev.llmq.core.study;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.Topic;
import dev.llmq.core.fsrs.Fsrs;
import dev.llmq.core.fsrs.Grade;
import dev.llmq.core.fsrs.ReviewEntry;
import dev.llmq.core.i18n.StudyMsg;
import dev.llmq.core.port.in.Attachment;
import dev.llmq.core.port.in.FileReply;
import dev.llmq.core.port.in.LeaderboardCard;
import dev.llmq.core.stats.StatsImage;
import dev.llmq.core.stats.StatsText;
import dev.llmq.core.stats.StudyStats;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.llmq.core.fsrs.StudyKey;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.in.Action;
import dev.llmq.core.port.in.ActionId;
import dev.llmq.core.port.in.ActionKind;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.Setting;
import dev.llmq.core.port.in.StudyDesk;
import dev.llmq.core.daily.Nudges;
import dev.llmq.core.port.out.ForgetStore;
import dev.llmq.core.port.out.ScheduleStore;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.FireTimes;
import dev.llmq.core.schedule.Schedule;
import dev.llmq.core.port.out.SpaceSettings;
import dev.llmq.core.port.out.StudiedCard;
import dev.llmq.core.port.out.StudyStore;
import dev.llmq.core.port.out.UserSettings;
import dev.llmq.core.quiz.Cards;
import dev.llmq.core.settings.Preferences;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Grades, the private review, settings and "forget me", kept in the store. A review keeps no
 * state of its own: each card is found again from the member's cards, and its buttons carry the
 * count so far, so a review survives a restart and works on any replica.
 */
public final class StoredStudyDesk implements StudyDesk, Nudges {
    private static final Logger log = LoggerFactory.getLogger(StoredStudyDesk.class);
    /** How many new questions a review offers when nothing is due. */
    public static final int NEW_OFFERS = 3;

    private final Supplier<QuestionBank> bank;
    private final Study study;
    private final StudyStore cards;
    private final ForgetStore forgetting;
    private final Preferences preferences;
    private final ScheduleStore schedules;
    private final Clock clock;

    /** @param schedules where a member's reminder is kept, as a schedule of their direct messages */
    public StoredStudyDesk(Supplier<QuestionBank> bank, Study study, StudyStore cards, ForgetStore forgetting,
                           Preferences preferences, ScheduleStore schedules, Clock clock) {
        this.bank = Objects.requireNonNull(bank);
        this.study = Objects.requireNonNull(study);
        this.cards = Objects.requireNonNull(cards);
        this.forgetting = Objects.requireNonNull(forgetting);
        this.preferences = Objects.requireNonNull(preferences);
        this.schedules = Objects.requireNonNull(schedules);
        this.clock = Objects.requireNonNull(clock);
    }

    // ------------------------------------------------------------------ grades and the review

    @Override
    public Reply review(Origin origin, Lang lang) {
        return next(origin, lang, 0, Optional.empty());
    }

    @Override
    public Reply grade(Origin origin, Question question, ActionId.Graded g) {
        Lang lang = g.lang();
        Fsrs.Review r = study.grade(new StudyKey(origin.platform(), origin.space(), origin.user(), question.id()),
                Grade.values()[g.grade() - 1], clock.instant());
        ZoneId zone = preferences.zone(origin);
        LocalDate today = r.at().atZone(zone).toLocalDate();
        LocalDate on = r.after().due().atZone(zone).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, on); // at least 1: llmq's scheduler has no same-day steps
        String when = days == 1 ? Msg.DAY_TOMORROW_ON.text(lang, on) : Msg.DAY_IN.text(lang, on, days);
        String text = Msg.GRADED.text(lang, Cards.gradeLabel(g.grade()).text(lang), when);
        if (g.review().isPresent()) {
            return next(origin, lang, g.review().getAsInt() + 1, Optional.of(text));
        }
        return Notice.info(lang, text);
    }

    /**
     * The member's next due card (due: its local day in their zone is today or earlier; the oldest
     * first), or, when none is left, the count so far and when the next is due.
     */
    private Reply next(Origin origin, Lang lang, int reviewed, Optional<String> lead) {
        QuestionBank b = bank.get();
        Instant now = clock.instant();
        ZoneId zone = preferences.zone(origin);
        LocalDate today = now.atZone(zone).toLocalDate();
        List<StudiedCard> mine = current(b, cards.cards(origin.platform(), origin.space(), origin.user()));
        List<StudiedCard> due = mine.stream().filter(c -> !day(c, zone).isAfter(today))
                .sorted(Comparator.comparing((StudiedCard c) -> c.card().due()).thenComparing(StudiedCard::questionId))
                .toList();
        if (!due.isEmpty()) {
            String line = Msg.REVIEW_DUE.text(lang, due.size());
            Question q = b.question(due.get(0).questionId()).orElseThrow();
            return Cards.reviewQuestion(b, q, lang, reviewed, lead.map(l -> l + "\n" + line).orElse(line));
        }
        Optional<LocalDate> nextDay = mine.stream().map(c -> day(c, zone)).min(Comparator.naturalOrder());
        String when = nextDay.map(d -> d.equals(today.plusDays(1)) ? Msg.DAY_TOMORROW.text(lang)
                : Msg.DAY_IN.text(lang, d, ChronoUnit.DAYS.between(today, d))).orElse("");
        long count = nextDay.map(d -> mine.stream().filter(c -> day(c, zone).equals(d)).count()).orElse(0L);
        StringBuilder text = new StringBuilder(lead.map(l -> l + "\n").orElse(""));
        if (reviewed > 0) {
            text.append(nextDay.isPresent() ? Msg.REVIEW_DONE.text(lang, reviewed, when, count)
                    : Msg.REVIEW_DONE_EMPTY.text(lang, reviewed));
        } else if (mine.isEmpty()) {
            text.append(Msg.REVIEW_NO_CARDS.text(lang));
        } else {
            text.append(Msg.REVIEW_NOTHING_DUE.text(lang, when, count));
        }
        List<Action> offers = offers(b, mine, lang, reviewed);
        if (!offers.isEmpty()) {
            text.append('\n').append(Msg.REVIEW_TRY_NEW.text(lang));
        }
        return new Notice(lang, Notice.Level.INFO, text.toString(), true, offers);
    }

    private static LocalDate day(StudiedCard c, ZoneId zone) {
        return c.card().due().atZone(zone).toLocalDate();
    }

    /**
     * Up to {@link #NEW_OFFERS} questions the member never graded, one per topic, from their weakest
     * topics first: the highest mean FSRS difficulty of their cards in the topic (D grows with each
     * Again and Hard, and shrinks with Easy; unlike retrievability it does not jump to 1 right after a
     * review), then the topics they never touched, in the bank's order. In each topic the easiest
     * question comes first. The buttons keep the review going.
     */
    private List<Action> offers(QuestionBank b, List<StudiedCard> mine, Lang lang, int reviewed) {
        Set<String> graded = mine.stream().map(StudiedCard::questionId).collect(Collectors.toSet());
        Map<String, List<Double>> byTopic = new HashMap<>();
        for (StudiedCard c : mine) {
            b.question(c.questionId()).ifPresent(q -> byTopic.computeIfAbsent(q.topicId(), t -> new ArrayList<>())
                    .add(c.card().difficulty().orElse(1.0)));
        }
        Map<String, Double> weakness = new HashMap<>();
        byTopic.forEach((t, ds) -> weakness.put(t, ds.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        List<Topic> topics = new ArrayList<>(b.topics());
        // a stable sort: topics with the same standing keep the bank's order
        topics.sort(Comparator.comparing((Topic t) -> !weakness.containsKey(t.id()))
                .thenComparing(t -> -weakness.getOrDefault(t.id(), 0.0)));
        OptionalInt review = OptionalInt.of(Math.min(reviewed, ActionId.MAX_REVIEWED));
        List<Action> out = new ArrayList<>();
        for (Topic t : topics) {
            if (out.size() == NEW_OFFERS) {
                break;
            }
            b.questionsOf(t.id()).stream().filter(q -> !graded.contains(q.id()))
                    .min(Comparator.comparingInt(Question::difficulty))
                    .ifPresent(q -> out.add(new Action(ActionKind.FOLLOW_UP,
                            new ActionId.Ask(q.id(), lang, OptionalInt.empty(), review, false).encode(),
                            Msg.BUTTON_NEW.text(lang, t.name(lang)))));
        }
        return out;
    }

    // ------------------------------------------------------------------ settings

    @Override
    public Reply settings(Origin origin, Command.Settings command, Lang lang) {
        StringBuilder text = new StringBuilder();
        if (command.server()) {
            if (!command.changes().isEmpty()) {
                if (!origin.admin()) {
                    return Notice.error(lang, Msg.adminOnly(origin.platform(), true).text(lang));
                }
                SpaceSettings s = preferences.space(origin);
                for (Setting change : command.changes()) {
                    s = applyToSpace(s, change);
                }
                preferences.putSpace(origin, s);
                text.append(Msg.SETTINGS_SAVED.text(lang)).append('\n');
            }
        } else if (!command.changes().isEmpty()) {
            UserSettings s = preferences.user(origin);
            for (Setting change : command.changes()) {
                s = applyToUser(s, change);
            }
            preferences.putUser(origin, s);
            reminder(origin, s, lang);
            text.append(Msg.SETTINGS_SAVED.text(lang)).append('\n');
        }
        UserSettings mine = preferences.user(origin);
        SpaceSettings space = preferences.space(origin);
        text.append(Msg.SETTINGS_TITLE.text(lang)).append('\n')
                .append("  ").append(Msg.SETTING_LANG.text(lang, mine.lang().map(l -> langName(l, lang))
                        .orElseGet(() -> Msg.SETTING_AUTO_LANG.text(lang)))).append('\n')
                .append("  ").append(Msg.SETTING_ZONE.text(lang, mine.zone().map(ZoneId::getId)
                        .orElseGet(() -> Msg.SETTING_AUTO_ZONE.text(lang, Preferences.zone(mine, origin).getId()))))
                .append('\n')
                .append("  ").append(Msg.SETTING_REMIND.text(lang, mine.remindAt().map(t -> t + " "
                        + Msg.REMINDERS_HERE.text(lang)).orElseGet(() -> Msg.SETTING_NONE.text(lang)))).append('\n')
                .append("  ").append(Msg.SETTING_STREAKS.text(lang, onOff(mine.streaks(), lang))).append('\n')
                .append("  ").append(Msg.SETTING_LEADERBOARD.text(lang, onOff(mine.leaderboard(), lang))).append('\n')
                .append(Msg.SERVER_SETTINGS_TITLE.text(lang)).append('\n')
                .append("  ").append(Msg.SETTING_LANG.text(lang, space.defaultLang().map(l -> langName(l, lang))
                        .orElseGet(() -> Msg.SETTING_AUTO_LANG.text(lang)))).append('\n')
                .append("  ").append(Msg.SETTING_PUBLIC.text(lang, onOff(space.publicReveals(), lang))).append('\n')
                .append("  ").append(Msg.SETTING_SERVER_ZONE.text(lang, space.zoneOrUtc().getId())).append('\n')
                .append(Msg.SETTINGS_USAGE.text(lang)).append('\n')
                .append(Msg.SERVER_SETTINGS_USAGE.text(lang));
        return Notice.info(lang, text.toString());
    }

    /**
     * Keeps the member's reminder as a schedule of their direct messages, at their local time in
     * their zone, for their cards in this space: it goes through the daily ledger, so each day's is
     * sent once. One per member and platform (the ledger's key): setting it in another server moves it.
     */
    private void reminder(Origin origin, UserSettings s, Lang lang) {
        ChannelRef me = ChannelRef.member(origin.platform(), origin.space(), origin.user());
        if (s.remindAt().isEmpty()) {
            schedules.removeSchedule(me);
            return;
        }
        Schedule daily = new Schedule(me, s.remindAt().get(), Preferences.zone(s, origin), Schedule.EVERY_DAY, List.of(),
                Optional.of(lang), false, Optional.empty(), origin.user());
        schedules.putSchedule(daily, FireTimes.next(daily, clock.instant()));
    }

    /** "llmq: 7 questions due today." with Review now; empty (no message) when none is due. */
    @Override
    public Optional<Notice> nudge(ChannelRef member, Lang lang, Instant now) {
        ZoneId zone = schedules.schedule(member).map(st -> st.schedule().zone()).orElse(java.time.ZoneOffset.UTC);
        LocalDate today = now.atZone(zone).toLocalDate();
        QuestionBank b = bank.get();
        long due = current(b, cards.cards(member.platform(), member.space(), member.memberId())).stream()
                .filter(c -> !day(c, zone).isAfter(today)).count();
        if (due == 0) {
            return Optional.empty();
        }
        return Optional.of(new Notice(lang, Notice.Level.INFO, Msg.REMINDER_DUE.text(lang, due), true, List.of(
                new Action(ActionKind.REVIEW, ActionId.StartReview.of(member.space(), lang).encode(),
                        Msg.BUTTON_REVIEW.text(lang)))));
    }

    private static UserSettings applyToUser(UserSettings s, Setting change) {
        return switch (change) {
            case Setting.Language l -> s.withLang(l.lang());
            case Setting.Zone z -> s.withZone(z.zone());
            case Setting.Reminder r -> s.withRemindAt(r.at());
            case Setting.Streaks on -> s.withStreaks(on.on());
            case Setting.Leaderboard on -> s.withLeaderboard(on.on());
            case Setting.ServerLanguage l -> throw new IllegalArgumentException("a server setting: " + change);
            case Setting.ServerPublicReveals p -> throw new IllegalArgumentException("a server setting: " + change);
            case Setting.ServerZone z -> throw new IllegalArgumentException("a server setting: " + change);
        };
    }

    private static SpaceSettings applyToSpace(SpaceSettings s, Setting change) {
        return switch (change) {
            case Setting.ServerLanguage l -> s.withDefaultLang(l.lang());
            case Setting.ServerPublicReveals p -> s.withPublicReveals(p.on());
            case Setting.ServerZone z -> s.withZone(z.zone());
            case Setting.Language l -> throw new IllegalArgumentException("a member's setting: " + change);
            case Setting.Zone z -> throw new IllegalArgumentException("a member's setting: " + change);
            case Setting.Reminder r -> throw new IllegalArgumentException("a member's setting: " + change);
            case Setting.Streaks on -> throw new IllegalArgumentException("a member's setting: " + change);
            case Setting.Leaderboard on -> throw new IllegalArgumentException("a member's setting: " + change);
        };
    }

    private static String langName(Lang l, Lang in) {
        return (l == Lang.ZH ? Msg.LANG_NAME_ZH : Msg.LANG_NAME_EN).text(in);
    }

    private static String onOff(boolean on, Lang lang) {
        return (on ? Msg.SETTING_ON : Msg.SETTING_OFF).text(lang);
    }

    // ------------------------------------------------------------------ stats, leaderboard, export

    /** Draws a stats card; {@link StatsImage#png} but in tests. */
    @FunctionalInterface
    public interface Painter {
        byte[] png(StudyStats stats, Lang lang) throws StatsImage.CannotDraw;
    }

    private volatile Painter painter = StatsImage::png;

    /**
     * Cards drawn at once: drawing runs in native code that holds its carrier thread, and replies
     * run on virtual threads, so a burst of cards must not take every carrier. One waiting longer
     * than {@link #PAINT_WAIT} gets the card in words.
     */
    private static final int PAINTERS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private final java.util.concurrent.Semaphore painting = new java.util.concurrent.Semaphore(PAINTERS);
    static final java.time.Duration PAINT_WAIT = java.time.Duration.ofSeconds(10);

    private byte[] paint(StudyStats stats, Lang lang) throws StatsImage.CannotDraw {
        try {
            if (!painting.tryAcquire(PAINT_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new StatsImage.CannotDraw(new java.util.concurrent.TimeoutException(
                        PAINTERS + " cards being drawn for longer than " + PAINT_WAIT));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatsImage.CannotDraw(e);
        }
        try {
            return painter.png(stats, lang);
        } finally {
            painting.release();
        }
    }

    /** Draws stats cards with {@code p} (a test's, to see the fallback in words); returns this. */
    public StoredStudyDesk paintingWith(Painter p) {
        this.painter = Objects.requireNonNull(p);
        return this;
    }

    @Override
    public Reply stats(Origin origin, Lang lang, boolean shared) {
        StudyStats stats = StudyStats.of(bank.get(), lang, study.fsrs(),
                current(bank.get(), cards.cards(origin.platform(), origin.space(), origin.user())),
                cards.reviewLog(origin.platform(), origin.space(), origin.user()), clock.instant(),
                preferences.zone(origin), preferences.user(origin).streaks());
        List<Action> share = shared ? List.of() : List.of(new Action(ActionKind.SHARE,
                new ActionId.ShareStats(lang).encode(), StudyMsg.BUTTON_SHARE.text(lang)));
        String caption = shared ? StudyMsg.STATS_SHARED.text(lang, stats.thisWeek()) : StatsText.caption(stats, lang);
        try {
            byte[] png = paint(stats, lang);
            return new FileReply(lang, caption, new Attachment("llmq-stats-" + stats.today() + ".png", "image/png", png),
                    !shared, share);
        } catch (StatsImage.CannotDraw | LinkageError e) {
            // a runtime without Java2D (java.desktop) or its native font code fails here, as a LinkageError
            log.warn("the stats card could not be drawn, answering in words: {}", rootCause(e));
            return new Notice(lang, Notice.Level.INFO, StatsText.words(stats, lang), !shared, share);
        }
    }

    @Override
    public Reply leaderboard(Origin origin, Lang lang) {
        ZoneId zone = preferences.space(origin).zoneOrUtc();
        Instant now = clock.instant();
        Instant from = Leaderboards.weekStart(now, zone);
        List<LeaderboardCard.Row> rows = Leaderboards.rank(cards.boardReviews(origin.platform(), origin.space(), from,
                now.plusMillis(1)), zone);
        String footer = StudyMsg.LEADERBOARD_FOOTER.text(lang, zone.getId());
        if (!preferences.user(origin).leaderboard()) {
            footer += "\n" + StudyMsg.LEADERBOARD_NOT_IN.text(lang);
        }
        return new LeaderboardCard(lang, StudyMsg.LEADERBOARD_TITLE.text(lang, from.atZone(zone).toLocalDate()),
                rows.subList(0, Math.min(rows.size(), Leaderboards.SHOWN)), footer, true, List.of());
    }

    @Override
    public Reply export(Origin origin, Command.Export command, Lang lang) {
        QuestionBank b = bank.get();
        List<StudiedCard> mine = current(b, cards.cards(origin.platform(), origin.space(), origin.user()));
        if (mine.isEmpty()) {
            return Notice.info(lang, StudyMsg.EXPORT_NOTHING.text(lang));
        }
        Set<String> chosen = switch (command.scope()) {
            case ALL -> mine.stream().map(StudiedCard::questionId).collect(Collectors.toSet());
            case MISSES -> lastGrades(b, origin).entrySet().stream()
                    .filter(e -> e.getValue() == Grade.AGAIN || e.getValue() == Grade.HARD)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
        };
        // in the bank's order, so that the file reads like the bank
        List<AnkiExport.Note> notes = b.questions().stream().filter(q -> chosen.contains(q.id()))
                .map(q -> AnkiExport.note(q, lang)).toList();
        if (notes.isEmpty()) {
            return Notice.info(lang, StudyMsg.EXPORT_NO_MISSES.text(lang));
        }
        String scope = (command.scope() == Command.ExportScope.ALL ? StudyMsg.EXPORT_ALL : StudyMsg.EXPORT_MISSES)
                .text(lang);
        String name = "llmq-" + command.scope().name().toLowerCase(java.util.Locale.ROOT) + "-"
                + clock.instant().atZone(preferences.zone(origin)).toLocalDate();
        Attachment file = switch (command.format()) {
            case ANKI -> new Attachment(name + ".txt", "text/plain; charset=utf-8",
                    AnkiExport.anki(notes).getBytes(StandardCharsets.UTF_8));
            case CSV -> new Attachment(name + ".csv", "text/csv; charset=utf-8",
                    AnkiExport.csv(notes).getBytes(StandardCharsets.UTF_8));
        };
        String caption = switch (command.format()) {
            case ANKI -> StudyMsg.EXPORT_CAPTION.text(lang, notes.size(), scope);
            case CSV -> StudyMsg.EXPORT_CSV_CAPTION.text(lang, notes.size(), scope);
        };
        return new FileReply(lang, caption, file, true, List.of());
    }

    /** The chain of causes, in one line: the reason is under ExceptionInInitializerError and CannotDraw. */
    private static String rootCause(Throwable e) {
        StringBuilder b = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable t = e.getCause(); t != null && b.length() < 600; t = t.getCause() == t ? null : t.getCause()) {
            b.append(" <- ").append(t.getClass().getSimpleName()).append(t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        return b.toString();
    }

    /** Each question's last grade by the member in this space. */
    private Map<String, Grade> lastGrades(QuestionBank b, Origin origin) {
        Map<String, Grade> last = new HashMap<>();
        for (ReviewEntry e : cards.reviewLog(origin.platform(), origin.space(), origin.user())) {
            // the log is oldest first; a merged question's old id counts as the question that replaced it
            b.question(e.key().questionId()).ifPresent(q -> last.put(q.id(), e.grade()));
        }
        return last;
    }

    /**
     * The member's cards as the current bank names them: a card of a question dropped from the bank
     * is left out; a card under an id that a merged question {@code replaces} counts as that
     * question's, unless the member has a card of the question itself (graded since the merge),
     * which then wins. So an old card is reviewed once more as the new question, and then rests.
     */
    static List<StudiedCard> current(QuestionBank b, List<StudiedCard> cards) {
        Map<String, StudiedCard> byId = new java.util.LinkedHashMap<>();
        for (StudiedCard c : cards) {
            b.question(c.questionId()).ifPresent(q -> {
                StudiedCard renamed = new StudiedCard(q.id(), c.card(), c.reviews());
                StudiedCard before = byId.get(q.id());
                boolean own = c.questionId().equals(q.id());
                if (before == null || own) {
                    byId.put(q.id(), renamed);
                }
            });
        }
        return List.copyOf(byId.values());
    }

    // ------------------------------------------------------------------ your data

    @Override
    public Reply forgetMe(Origin origin, Lang lang) {
        return new Notice(lang, Notice.Level.INFO, Msg.FORGET_CONFIRM.text(lang, origin.platform()), true,
                List.of(new Action(ActionKind.FORGET, new ActionId.Forget(lang).encode(), Msg.BUTTON_FORGET.text(lang))));
    }

    @Override
    public Reply forget(Origin origin, Lang lang) {
        // the reminder's schedule and ledger rows go with the rest (the store deletes every row of the member)
        int rows = forgetting.forgetUser(origin.platform(), origin.user());
        preferences.forget(origin);
        return Notice.info(lang, Msg.FORGOTTEN.text(lang, rows));
    }
}
