package dev.llmq.app;

import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
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

    /** outcome: sent, failed, retried, skipped. */
    void dailyPost(String platform, String outcome) {
        Counter.builder("llmq.daily.posts").description("Daily posts by outcome")
                .tag("platform", platform).tag("outcome", outcome)
                .register(registry).increment();
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
                String topic = reply instanceof QuestionCard q ? q.topicId() : "none";
                command(origin.platform(), commandName(command), topic);
                latency(origin.platform(), Duration.ofNanos(nanos));
            }

            @Override
            public void pressed(Origin origin, String actionId, Reply reply, long nanos) {
                int colon = actionId == null ? -1 : actionId.indexOf(':');
                String action = colon > 0 ? actionId.substring(0, colon) : "unknown";
                press(origin.platform(), action.matches("reveal|hint|next|ask") ? action : "unknown");
                if (reply instanceof AnswerCard) {
                    reveal(origin.platform());
                }
                latency(origin.platform(), Duration.ofNanos(nanos));
            }
        };
    }

    static String commandName(Command c) {
        if (c instanceof Command.Ask) {
            return "ask";
        } else if (c instanceof Command.ShowTopics) {
            return "topics";
        } else if (c instanceof Command.ShowHelp) {
            return "help";
        } else if (c instanceof Command.DailySet) {
            return "daily-set";
        } else if (c instanceof Command.DailyOff) {
            return "daily-off";
        } else if (c instanceof Command.DailyStatus) {
            return "daily-status";
        } else if (c instanceof Command.DailyNow) {
            return "daily-now";
        }
        return "malformed";
    }

    void close() {
        gc.close();
        registry.close();
    }
}
