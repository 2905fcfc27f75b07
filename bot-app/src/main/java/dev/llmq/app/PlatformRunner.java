package dev.llmq.app;

import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.quiz.Quizmaster;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A chat platform that {@code llmq run} starts. {@code RunCmd} collects the configured ones; they
 * share one bank, one quizmaster and one daily desk, which posts through their publishers.
 */
interface PlatformRunner extends AutoCloseable {
    /** "Slack", "Discord": for messages. */
    String name();

    /** The daily-question publishers this platform brings (built before the quizmaster). */
    List<DailyPublisher> publishers();

    /** Connects and starts answering; throws with a message fit for the user when it cannot. */
    void start(Quizmaster quizmaster) throws Exception;

    /** Who we are connected as, for the start-up line. */
    default String describe() {
        return "the bot";
    }

    /** One more line for the start-up banner (an invite URL, where the app manifest is), or empty. */
    default String banner() {
        return "";
    }

    /** Completes, with the reason, when the platform stops on its own. */
    default CompletableFuture<String> stopped() {
        return new CompletableFuture<>();
    }

    /** Disconnects; safe to call twice. */
    @Override
    void close();
}
