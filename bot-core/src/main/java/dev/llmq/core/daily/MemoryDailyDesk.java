package dev.llmq.core.daily;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.DailyDesk;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.quiz.Cards;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.FireTimes;
import dev.llmq.core.schedule.Schedule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily questions kept in memory: schedules and the last post per channel. {@code now} posts at
 * once through the platform's {@link DailyPublisher}, and reveals the previous post's answer in
 * its thread. Nothing here survives a restart, and nothing fires on its own: the persistent
 * store and the scheduler replace this desk.
 */
public final class MemoryDailyDesk implements DailyDesk {
    private static final Logger log = LoggerFactory.getLogger(MemoryDailyDesk.class);

    private final Supplier<QuestionBank> bank;
    private final Decks decks;
    private final Clock clock;
    private final Map<String, DailyPublisher> publishers;
    private final Map<ChannelRef, Schedule> schedules = new ConcurrentHashMap<>();
    private final Map<ChannelRef, Posted> lastPosts = new ConcurrentHashMap<>();

    /** A question that was posted, so that its answer can follow in its thread. */
    private record Posted(Published where, String questionId, Lang lang) {
    }

    public MemoryDailyDesk(Supplier<QuestionBank> bank, Decks decks, Clock clock, List<DailyPublisher> publishers) {
        this.bank = Objects.requireNonNull(bank);
        this.decks = Objects.requireNonNull(decks);
        this.clock = Objects.requireNonNull(clock);
        this.publishers = publishers.stream().collect(Collectors.toMap(DailyPublisher::platform, Function.identity()));
    }

    public Optional<Schedule> schedule(ChannelRef channel) {
        return Optional.ofNullable(schedules.get(channel));
    }

    @Override
    public Reply handle(Origin origin, Command.Daily command, Lang lang) {
        ChannelRef ref = new ChannelRef(origin.platform(), origin.space(), command.channel().orElse(origin.channel()));
        return switch (command) {
            case Command.DailySet set -> switch (DailySetup.schedule(set, ref, origin.user(), bank.get(), lang)) {
                case DailySetup.Result.Built built -> {
                    schedules.put(ref, built.schedule());
                    yield new ScheduleCard(lang, Msg.DAILY_SET.text(lang), List.of(entry(built.schedule())), true);
                }
                case DailySetup.Result.Refused refused -> refused.why();
            };
            case Command.DailyOff off ->
                    Notice.info(lang, (schedules.remove(ref) != null ? Msg.DAILY_OFF : Msg.DAILY_NONE).text(lang));
            case Command.DailyStatus status -> {
                List<ScheduleCard.Entry> entries = schedules.values().stream()
                        .filter(s -> s.channel().platform().equals(ref.platform()) && s.channel().space().equals(ref.space()))
                        .map(this::entry)
                        .sorted(Comparator.comparing(ScheduleCard.Entry::next))
                        .collect(Collectors.toList());
                yield new ScheduleCard(lang, (entries.isEmpty() ? Msg.DAILY_NONE : Msg.DAILY_TITLE).text(lang), entries,
                        true);
            }
            case Command.DailyNow now -> postNow(origin, ref, lang);
        };
    }

    private Reply postNow(Origin origin, ChannelRef ref, Lang lang) {
        Schedule s = schedules.getOrDefault(ref, DailySetup.adHoc(ref, clock.instant(), Optional.empty(), origin.user()));
        try {
            post(s, LocalDate.now(clock.withZone(s.zone())), lang);
            return Notice.info(lang, Msg.DAILY_POSTED.text(lang));
        } catch (PublishException e) {
            log.warn("daily post to {} failed: {}", ref, e.getMessage());
            return Notice.error(lang, Msg.DAILY_FAILED.text(lang, e.getMessage()));
        }
    }

    /** Posts the day's question for a schedule, then the previous post's answer in its thread. */
    public Published post(Schedule s, LocalDate date, Lang fallbackLang) throws PublishException {
        DailyPublisher publisher = publishers.get(s.channel().platform());
        if (publisher == null) {
            throw new PublishException("no publisher for " + s.channel().platform(), false, Optional.empty(), null);
        }
        Lang lang = s.lang().orElse(fallbackLang);
        QuestionBank b = bank.get();
        List<Question> pool = s.topics().isEmpty() ? b.questions()
                : s.topics().stream().flatMap(t -> b.questionsOf(t).stream()).collect(Collectors.toList());
        Question q = decks.draw("daily|" + s.channel(), pool)
                .orElseThrow(() -> new PublishException("the bank has no questions for " + s.topics(), false,
                        Optional.empty(), null));
        QuestionCard card = Cards.question(b, q, lang, false, Optional.of(q.topicId()), OptionalInt.empty());
        Published where = publisher.postQuestion(DailyPost.of(s.channel(), date, card, s.thread()));
        Posted previous = lastPosts.put(s.channel(), new Posted(where, q.id(), lang));
        if (previous != null) {
            Optional<Question> prevQ = b.question(previous.questionId());
            if (prevQ.isPresent()) {
                try {
                    publisher.postAnswer(s.channel(), previous.where(), Cards.answer(b, prevQ.get(), previous.lang(), true));
                } catch (PublishException e) {
                    log.warn("answer of {} in {} not posted: {}", previous.questionId(), s.channel(), e.getMessage());
                }
            }
        }
        return where;
    }

    private ScheduleCard.Entry entry(Schedule s) {
        Instant next = FireTimes.next(s, clock.instant());
        return new ScheduleCard.Entry(s.channel().channel(), s.time(), s.zone(), s.weekdays(), s.topics(), next);
    }
}
