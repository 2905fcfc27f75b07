package dev.llmq.app;

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

    void close() {
        gc.close();
        registry.close();
    }
}
