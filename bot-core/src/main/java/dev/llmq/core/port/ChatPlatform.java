package dev.llmq.core.port;

import dev.llmq.core.port.in.Interactions;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.out.DailyPublisher;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A chat platform llmq runs on, errbot-style: Discord, Slack and the console implement it, and the
 * composition root wires a list of them around one core. The lifecycle is: {@link #publisher()}
 * (handed to the daily scheduler before anything connects), {@link #start}, then {@link #stopped()}
 * or {@link #close()}.
 */
public interface ChatPlatform extends AutoCloseable {
    /** "Discord", "Slack", "console": for messages and readiness checks. */
    String name();

    /**
     * Posts daily questions on this platform. It exists before {@link #start}: until the platform is
     * connected a post fails as retryable, and the scheduler tries again later.
     */
    DailyPublisher publisher();

    /**
     * Connects and starts answering through {@code core}; returns once the platform is connected.
     *
     * @throws dev.llmq.core.config.StartupFailure naming the setting to check, or the platform when
     *     the failure is outside llmq; never showing a token
     */
    void start(Interactions core);

    /**
     * Renders {@code reply} as this platform would send it, and sends nothing: the start-up
     * warm-up runs a few synthetic asks through the core and each platform's rendering, so that
     * the first user's interaction does not pay for loading and first-running that code. It
     * never calls the platform.
     */
    default void warmUp(Reply reply) {
    }

    /** Who we are connected as, for the start-up banner ("llmq#0 (id 1), 3 commands in ..."). */
    String describe();

    /** More lines for the start-up banner (an invite URL, where the app manifest is); may be empty. */
    List<String> notes();

    /** True while connected and answering: the readiness check behind {@code /readyz}. */
    boolean ready();

    /** Completes, with the reason, when the platform stops on its own (a revoked token, end of input). */
    CompletableFuture<String> stopped();

    /** Disconnects; safe to call twice, and before {@link #start}. */
    @Override
    void close();
}
