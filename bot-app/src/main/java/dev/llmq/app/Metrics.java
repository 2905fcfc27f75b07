package dev.llmq.app;

import dev.llmq.core.port.in.ActionId;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.HelpCard;
import dev.llmq.core.port.in.HintCard;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.port.in.TopicList;
import dev.llmq.core.port.out.DailyObserver;
import dev.llmq.core.port.out.QuizObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/** The bot's Prometheus metrics: commands, reveals, daily posts, interaction latency, JVM. */
final class Metrics {
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    void command(String platform, String kind, String topic) {
        Counter.builder("llmq.commands").description("Commands handled")
                .tag("platform", platform).tag("command", kind).tag("topic", topic)
                .register(registry).increment();
    }

    void press(String platform, String action) {
        Counter.builder("llmq.presses").description("Buttons pressed")
                .tag("platform", platform).tag("action", action)
                .register(registry).increment();
    }

    void reveal(String platform) {
        Counter.builder("llmq.reveals").description("Answers revealed").tag("platform", platform)
                .register(registry).increment();
    }

    /**
     * outcome: sent; error (an attempt failed; what follows is the scheduler's retried or a give-up);
     * retried; found (already in the channel from an attempt whose outcome was unknown).
     */
    void dailyPost(String platform, String outcome) {
        Counter.builder("llmq.daily.posts").description("Daily posts by outcome")
                .tag("platform", platform).tag("outcome", outcome)
                .register(registry).increment();
    }

    /** The scheduler gave up on a post or an answer: outcome failed, skipped or answer-failed. */
    void dailyGiveUp(String platform, String outcome) {
        Counter.builder("llmq.daily.giveups").description("Daily posts and answers given up, by outcome")
                .tag("platform", platform).tag("outcome", outcome)
                .register(registry).increment();
    }

    /** Counts the daily scheduler's retries (llmq.daily.posts, outcome retried) and give-ups (llmq.daily.giveups). */
    DailyObserver dailyObserver() {
        return new DailyObserver() {
            @Override
            public void retried(String platform) {
                dailyPost(platform, "retried");
            }

            @Override
            public void gaveUp(String platform, String outcome) {
                dailyGiveUp(platform, outcome);
            }
        };
    }

    void latency(String platform, Duration d) {
        Timer.builder("llmq.interaction.latency").description("From interaction received to reply produced")
                .tag("platform", platform)
                .publishPercentileHistogram()
                .register(registry).record(d);
    }

    void bankReload(String outcome) {
        Counter.builder("llmq.bank.reloads").description("Question bank reloads by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** Counts commands (by platform, command and topic), presses, reveals, and the interaction latency. */
    QuizObserver observer() {
        return new QuizObserver() {
            @Override
            public void handled(Origin origin, Command command, Reply reply, long nanos) {
                command(origin.platform(), commandName(command), topicOf(reply));
                latency(origin.platform(), Duration.ofNanos(nanos));
            }

            @Override
            public void pressed(Origin origin, String actionId, Reply reply, long nanos) {
                press(origin.platform(), ActionId.parse(actionId).map(Metrics::actionName).orElse("unknown"));
                if (isAnswer(reply)) {
                    reveal(origin.platform());
                }
                latency(origin.platform(), Duration.ofNanos(nanos));
            }
        };
    }

    static String commandName(Command c) {
        return switch (c) {
            case Command.Ask a -> "ask";
            case Command.ShowTopics t -> "topics";
            case Command.ShowHelp h -> "help";
            case Command.DailySet d -> "daily-set";
            case Command.DailyOff d -> "daily-off";
            case Command.DailyStatus d -> "daily-status";
            case Command.DailyNow d -> "daily-now";
            case Command.Malformed m -> "malformed";
            case Command.Review r -> "review";
            case Command.Settings s -> s.server() ? "server-settings" : "settings";
            case Command.ForgetMe f -> "forget-me";
            case Command.Stats s -> "stats";
            case Command.Leaderboard b -> "leaderboard";
            case Command.Export e -> "export";
        };
    }

    static String actionName(ActionId id) {
        return switch (id) {
            case ActionId.Reveal r -> "reveal";
            case ActionId.Graded g -> "grade";
            case ActionId.Hint h -> "hint";
            case ActionId.Next n -> "next";
            case ActionId.Ask a -> "ask";
            case ActionId.Forget f -> "forget";
            case ActionId.StartReview r -> "review";
            case ActionId.ShareStats s -> "share";
        };
    }

    /** The topic a command's reply drew from, for the commands counter: only a question card has one. */
    static String topicOf(Reply reply) {
        return switch (reply) {
            case QuestionCard q -> q.topicId();
            case AnswerCard a -> "none";
            case HintCard h -> "none";
            case Notice n -> "none";
            case TopicList t -> "none";
            case HelpCard h -> "none";
            case ScheduleCard c -> "none";
            case dev.llmq.core.port.in.FileReply f -> "none";
            case dev.llmq.core.port.in.LeaderboardCard b -> "none";
        };
    }

    static boolean isAnswer(Reply reply) {
        return switch (reply) {
            case AnswerCard a -> true;
            case QuestionCard q -> false;
            case HintCard h -> false;
            case Notice n -> false;
            case TopicList t -> false;
            case HelpCard h -> false;
            case ScheduleCard c -> false;
            case dev.llmq.core.port.in.FileReply f -> false;
            case dev.llmq.core.port.in.LeaderboardCard b -> false;
        };
    }

    void close() {
        gc.close();
        registry.close();
    }
}
