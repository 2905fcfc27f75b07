package dev.llmq.bench;

import dev.llmq.app.ConsoleRenderer;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.HelpCard;
import dev.llmq.core.port.in.HintCard;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.port.in.TopicList;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One "ask" end to end, as a chat message takes it: parse the text command, let the
 * {@link Quizmaster} resolve the topic, draw from the channel's deck and build the reply, then
 * render the reply as text. Target: under 20 µs per ask.
 *
 * <p>The bank is generated (17 topics × 10 questions) so the figures do not depend on
 * {@code questions.yaml}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AskBenchmark {
    static final int QUESTIONS_PER_TOPIC = 10;

    // Inputs live in non-final fields so the JIT cannot treat them as constants.
    String byId = "/llmq architecture";
    String byAlias = "/llmq arch";
    String byChineseName = "/llmq 主流架构";
    String anyTopic = "/llmq";
    String unknownTopic = "/llmq quantum chemistry";

    Origin english;
    Origin chinese;
    Quizmaster quizmaster;

    @Setup(Level.Trial)
    public void setup() {
        byte[] yaml = BankYaml.generate(BankYaml.LLM_TOPICS, BankYaml.LLM_TOPICS.size() * QUESTIONS_PER_TOPIC, 42);
        QuestionBank bank = BankYaml.load("ask.yaml", yaml);
        if (bank.topics().size() != BankYaml.LLM_TOPICS.size()
                || bank.size() != BankYaml.LLM_TOPICS.size() * QUESTIONS_PER_TOPIC) {
            throw new IllegalStateException("generated bank has " + bank.topics().size() + " topics and "
                    + bank.size() + " questions");
        }
        quizmaster = new Quizmaster(() -> bank, Decks.seeded(42, Clock.systemUTC()), new LangPolicy(Optional.empty())).limitedBy(UserLimits.none());
        english = new Origin("bench", "space-1", "channel-1", "user-1", "en-US", Optional.empty(), false);
        chinese = new Origin("bench", "space-1", "channel-2", "user-2", "zh-CN", Optional.empty(), false);

        // Fail loudly if a variant does not take the path it is named after.
        expectCard(english, byId, "architecture");
        expectCard(english, byAlias, "architecture");
        expectCard(chinese, byChineseName, "architecture");
        Reply any = quizmaster.handle(english, CommandParser.parse(anyTopic));
        if (card(any).isEmpty()) {
            throw new IllegalStateException(anyTopic + " gave " + any);
        }
        Reply unknown = quizmaster.handle(english, CommandParser.parse(unknownTopic));
        if (!error(unknown)) {
            throw new IllegalStateException(unknownTopic + " gave " + unknown);
        }
    }

    private void expectCard(Origin origin, String text, String topicId) {
        Reply r = quizmaster.handle(origin, CommandParser.parse(text));
        if (!card(r).map(QuestionCard::topicId).equals(Optional.of(topicId))) {
            throw new IllegalStateException(text + " gave " + r);
        }
        String rendered = ConsoleRenderer.render(r);
        if (rendered.isEmpty()) {
            throw new IllegalStateException(text + " rendered empty");
        }
    }

    private static Optional<QuestionCard> card(Reply r) {
        return switch (r) {
            case QuestionCard q -> Optional.of(q);
            case AnswerCard a -> Optional.empty();
            case HintCard h -> Optional.empty();
            case Notice n -> Optional.empty();
            case TopicList t -> Optional.empty();
            case HelpCard h -> Optional.empty();
            case ScheduleCard c -> Optional.empty();
            case dev.llmq.core.port.in.FileReply f -> Optional.empty();
            case dev.llmq.core.port.in.LeaderboardCard b -> Optional.empty();
        };
    }

    private static boolean error(Reply r) {
        return switch (r) {
            case Notice n -> n.level() == Notice.Level.ERROR;
            case QuestionCard q -> false;
            case AnswerCard a -> false;
            case HintCard h -> false;
            case TopicList t -> false;
            case HelpCard h -> false;
            case ScheduleCard c -> false;
            case dev.llmq.core.port.in.FileReply f -> false;
            case dev.llmq.core.port.in.LeaderboardCard b -> false;
        };
    }

    static String ask(Quizmaster quizmaster, Origin origin, String text) {
        Command command = CommandParser.parse(text);
        Reply reply = quizmaster.handle(origin, command);
        return ConsoleRenderer.render(reply);
    }

    /** {@code /llmq architecture}: exact topic id. */
    @Benchmark
    public String askById() {
        return ask(quizmaster, english, byId);
    }

    /** {@code /llmq arch}: an alias. */
    @Benchmark
    public String askByAlias() {
        return ask(quizmaster, english, byAlias);
    }

    /** {@code /llmq 主流架构}: the Chinese topic name, from a zh-CN user (reply in Chinese). */
    @Benchmark
    public String askByChineseName() {
        return ask(quizmaster, chinese, byChineseName);
    }

    /** {@code /llmq}: no topic, a draw from the whole bank. */
    @Benchmark
    public String askAnyTopic() {
        return ask(quizmaster, english, anyTopic);
    }

    /** {@code /llmq quantum chemistry}: unknown topic, the error path with suggestions and the topic list. */
    @Benchmark
    public String askUnknownTopic() {
        return ask(quizmaster, english, unknownTopic);
    }
}
