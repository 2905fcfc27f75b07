package dev.llmq.app;

import dev.llmq.core.daily.DailyPublisher;
import dev.llmq.core.engine.Quizmaster;
import java.util.List;

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

    @Override
    void close();
}
