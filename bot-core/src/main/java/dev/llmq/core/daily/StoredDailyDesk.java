package dev.llmq.core.daily;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.DailyDesk;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.port.out.ScheduleStore;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.port.out.StoreException;
import dev.llmq.core.port.out.StoredSchedule;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.FireTimes;
import dev.llmq.core.schedule.Schedule;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily-question commands on top of the store: {@code set}, {@code off} and {@code status}
 * read and write the schedules there (so they survive restarts and are shared by replicas), and
 * {@code now} claims and posts today's question through the {@link DailyScheduler}.
 */
public final class StoredDailyDesk implements DailyDesk {
    private static final Logger log = LoggerFactory.getLogger(StoredDailyDesk.class);

    private final ScheduleStore store;
    private final DailyScheduler scheduler;
    private final Supplier<QuestionBank> bank;

    public StoredDailyDesk(ScheduleStore store, DailyScheduler scheduler, Supplier<QuestionBank> bank) {
        this.store = Objects.requireNonNull(store);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.bank = Objects.requireNonNull(bank);
    }

    @Override
    public Reply handle(Origin origin, Command.Daily command, Lang lang) {
        ChannelRef ref = new ChannelRef(origin.platform(), origin.space(), command.channel().orElse(origin.channel()));
        try {
            return switch (command) {
                case Command.DailySet set -> set(origin, ref, set, lang);
                case Command.DailyOff off ->
                        Notice.info(lang, (store.removeSchedule(ref) ? Msg.DAILY_OFF : Msg.DAILY_NONE).text(lang));
                case Command.DailyStatus status -> {
                    List<ScheduleCard.Entry> entries = store.schedules(ref.platform(), ref.space()).stream()
                            .filter(s -> !s.schedule().channel().isMember()) // members' reminders are theirs
                            .map(st -> entry(st, scheduler.clock().instant()))
                            .sorted(Comparator.comparing(ScheduleCard.Entry::next))
                            .collect(Collectors.toList());
                    yield new ScheduleCard(lang, (entries.isEmpty() ? Msg.DAILY_NONE : Msg.DAILY_TITLE).text(lang),
                            entries, true);
                }
                case Command.DailyNow now -> now(origin, ref, lang);
            };
        } catch (StoreException e) {
            log.error("daily {} for {}: {}", command.getClass().getSimpleName(), ref, e.getMessage(), e);
            return Notice.error(lang, Msg.DAILY_FAILED.text(lang, e.getMessage()));
        }
    }

    private Reply set(Origin origin, ChannelRef ref, Command.DailySet set, Lang lang) {
        return switch (DailySetup.schedule(set, ref, origin.user(), bank.get(), lang)) {
            case DailySetup.Result.Built built -> {
                Schedule s = built.schedule();
                Instant next = FireTimes.next(s, scheduler.clock().instant());
                store.putSchedule(s, next);
                yield new ScheduleCard(lang, Msg.DAILY_SET.text(lang),
                        List.of(entry(new StoredSchedule(s, next, Optional.empty()), next)), true);
            }
            case DailySetup.Result.Refused refused -> refused.why();
        };
    }

    /**
     * Posts today's question now. With no schedule here (never set, or turned off) it is a one-off
     * question, and the reply says so rather than suggesting a daily question is running.
     */
    private Reply now(Origin origin, ChannelRef ref, Lang lang) {
        Optional<Schedule> scheduled = store.schedule(ref).map(StoredSchedule::schedule);
        boolean oneOff = scheduled.isEmpty();
        Schedule s = scheduled
                .orElseGet(() -> DailySetup.adHoc(ref, scheduler.clock().instant(), Optional.of(lang), origin.user()));
        if (s.lang().isEmpty()) {
            s = new Schedule(s.channel(), s.time(), s.zone(), s.weekdays(), s.topics(), Optional.of(lang), s.thread(),
                    s.revealAfter(), s.createdBy());
        }
        return switch (scheduler.postNow(s)) {
            case DailyScheduler.NowResult.Posted posted ->
                    Notice.info(lang, (oneOff ? Msg.DAILY_POSTED_ONE_OFF : Msg.DAILY_POSTED).text(lang));
            case DailyScheduler.NowResult.Exists e -> e.post().state() == PostState.PENDING
                    ? Notice.info(lang, Msg.DAILY_RETRYING.text(lang, e.post().lastError().orElse("…")))
                    : Notice.info(lang, Msg.DAILY_ALREADY_POSTED.text(lang, e.post().localDate())
                            + (oneOff ? " " + Msg.DAILY_NONE_SET.text(lang) : ""));
            case DailyScheduler.NowResult.Failed f ->
                    Notice.error(lang, (f.willRetry() ? Msg.DAILY_RETRYING : Msg.DAILY_FAILED).text(lang, f.reason()));
            case DailyScheduler.NowResult.NoQuestions none -> Notice.error(lang, Msg.DAILY_NO_QUESTIONS.text(lang));
        };
    }

    /**
     * A schedule as status shows it. A stored next time in the past (no scheduler ran since: the
     * console was closed) is not what will happen next, so the next time after {@code now} is shown.
     */
    private static ScheduleCard.Entry entry(StoredSchedule st, Instant now) {
        Schedule s = st.schedule();
        Instant next = st.nextFireAt().isBefore(now) ? FireTimes.next(s, now) : st.nextFireAt();
        return new ScheduleCard.Entry(s.channel().channel(), s.time(), s.zone(), s.weekdays(), s.topics(), next);
    }
}
