package dev.llmq.core.daily;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.Topic;
import dev.llmq.core.bank.TopicResolver;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.DailyDesk;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.port.out.DailyStore;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.port.out.StoreException;
import dev.llmq.core.port.out.StoredSchedule;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.FireTimes;
import dev.llmq.core.schedule.Schedule;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    private final DailyStore store;
    private final DailyScheduler scheduler;
    private final Supplier<QuestionBank> bank;

    public StoredDailyDesk(DailyStore store, DailyScheduler scheduler, Supplier<QuestionBank> bank) {
        this.store = Objects.requireNonNull(store);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.bank = Objects.requireNonNull(bank);
    }

    @Override
    public Reply handle(Origin origin, Command.Daily command, Lang lang) {
        ChannelRef ref = new ChannelRef(origin.platform(), origin.space(), command.channel().orElse(origin.channel()));
        try {
            if (command instanceof Command.DailySet set) {
                return set(origin, ref, set, lang);
            }
            if (command instanceof Command.DailyOff) {
                return Notice.info(lang, (store.removeSchedule(ref) ? Msg.DAILY_OFF : Msg.DAILY_NONE).text(lang));
            }
            if (command instanceof Command.DailyStatus) {
                List<ScheduleCard.Entry> entries = store.schedules(ref.platform(), ref.space()).stream()
                        .map(StoredDailyDesk::entry)
                        .sorted(Comparator.comparing(ScheduleCard.Entry::next))
                        .collect(Collectors.toList());
                return new ScheduleCard(lang, (entries.isEmpty() ? Msg.DAILY_NONE : Msg.DAILY_TITLE).text(lang), entries,
                        true);
            }
            return now(origin, ref, lang);
        } catch (StoreException e) {
            log.error("daily {} for {}: {}", command.getClass().getSimpleName(), ref, e.getMessage(), e);
            return Notice.error(lang, Msg.DAILY_FAILED.text(lang, e.getMessage()));
        }
    }

    private Reply set(Origin origin, ChannelRef ref, Command.DailySet set, Lang lang) {
        QuestionBank b = bank.get();
        List<String> topics = new ArrayList<>();
        TopicResolver resolver = new TopicResolver(b);
        for (String word : set.topics()) {
            TopicResolver.Resolution r = resolver.resolve(word);
            if (!(r instanceof TopicResolver.Found found)) {
                return Notice.error(lang, Msg.UNKNOWN_TOPIC.text(lang, word) + " " + Msg.TOPICS_ARE.text(lang,
                        b.topics().stream().map(Topic::id).collect(Collectors.joining(", "))));
            }
            if (!topics.contains(found.topic().id())) {
                topics.add(found.topic().id());
            }
        }
        Schedule s = new Schedule(ref, set.time(), set.zone(), set.weekdays(), topics, set.lang(), true,
                Optional.empty(), origin.user());
        Instant next = FireTimes.next(s, scheduler.clock().instant());
        store.putSchedule(s, next);
        return new ScheduleCard(lang, Msg.DAILY_SET.text(lang),
                List.of(entry(new StoredSchedule(s, next, Optional.empty()))), true);
    }

    private Reply now(Origin origin, ChannelRef ref, Lang lang) {
        Schedule s = store.schedule(ref).map(StoredSchedule::schedule).orElseGet(() -> new Schedule(ref,
                LocalTime.ofInstant(scheduler.clock().instant(), ZoneOffset.UTC).withSecond(0).withNano(0),
                ZoneOffset.UTC, Schedule.EVERY_DAY, List.of(), Optional.of(lang), true, Optional.empty(), origin.user()));
        if (s.lang().isEmpty()) {
            s = new Schedule(s.channel(), s.time(), s.zone(), s.weekdays(), s.topics(), Optional.of(lang), s.thread(),
                    s.revealAfter(), s.createdBy());
        }
        DailyScheduler.NowResult r = scheduler.postNow(s);
        if (r instanceof DailyScheduler.NowResult.Posted) {
            return Notice.info(lang, Msg.DAILY_POSTED.text(lang));
        }
        if (r instanceof DailyScheduler.NowResult.Exists e) {
            if (e.post().state() == PostState.PENDING) {
                return Notice.info(lang, Msg.DAILY_RETRYING.text(lang, e.post().lastError().orElse("…")));
            }
            return Notice.info(lang, Msg.DAILY_ALREADY_POSTED.text(lang, e.post().localDate()));
        }
        if (r instanceof DailyScheduler.NowResult.Failed f) {
            return Notice.error(lang, (f.willRetry() ? Msg.DAILY_RETRYING : Msg.DAILY_FAILED).text(lang, f.reason()));
        }
        return Notice.error(lang, Msg.DAILY_NO_QUESTIONS.text(lang));
    }

    private static ScheduleCard.Entry entry(StoredSchedule st) {
        Schedule s = st.schedule();
        return new ScheduleCard.Entry(s.channel().channel(), s.time(), s.zone(), s.weekdays(), s.topics(), st.nextFireAt());
    }
}
