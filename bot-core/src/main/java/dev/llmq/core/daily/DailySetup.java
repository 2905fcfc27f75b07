package dev.llmq.core.daily;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.Topic;
import dev.llmq.core.bank.TopicResolver;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.Schedule;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The one copy of what {@code daily set} and {@code daily now} mean, shared by both daily desks. */
final class DailySetup {
    private DailySetup() {
    }

    /** A schedule built from {@code daily set}, or the notice that says which topic word is unknown. */
    sealed interface Result {
        record Built(Schedule schedule) implements Result {
        }

        record Refused(Notice why) implements Result {
        }
    }

    /** Resolves the topic words to topic ids (each once, in order) and builds the schedule. */
    static Result schedule(Command.DailySet set, ChannelRef channel, String user, QuestionBank bank, Lang lang) {
        List<String> topics = new ArrayList<>();
        TopicResolver resolver = new TopicResolver(bank);
        for (String word : set.topics()) {
            Optional<Topic> topic = switch (resolver.resolve(word)) {
                case TopicResolver.Found found -> Optional.of(found.topic());
                case TopicResolver.Ambiguous ambiguous -> Optional.empty();
                case TopicResolver.Unknown unknown -> Optional.empty();
            };
            if (topic.isEmpty()) {
                return new Result.Refused(Notice.error(lang, Msg.UNKNOWN_TOPIC.text(lang, word) + " "
                        + Msg.TOPICS_ARE.text(lang, bank.topics().stream().map(Topic::id).collect(Collectors.joining(", ")))));
            }
            if (!topics.contains(topic.get().id())) {
                topics.add(topic.get().id());
            }
        }
        return new Result.Built(new Schedule(channel, set.time(), set.zone(), set.weekdays(), topics, set.lang(), true,
                Optional.empty(), user));
    }

    /**
     * The schedule {@code daily now} uses in a channel that has none: every day at this minute, UTC,
     * all topics, with a discussion thread.
     */
    static Schedule adHoc(ChannelRef channel, Instant now, Optional<Lang> lang, String user) {
        return new Schedule(channel, LocalTime.ofInstant(now, ZoneOffset.UTC).withSecond(0).withNano(0), ZoneOffset.UTC,
                Schedule.EVERY_DAY, List.of(), lang, true, Optional.empty(), user);
    }
}
