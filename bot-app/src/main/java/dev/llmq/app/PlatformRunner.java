package dev.llmq.app;

import dev.llmq.core.bank.QuestionBank;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** A chat platform that {@code llmq run} starts when the environment configures it. */
interface PlatformRunner {
    /** "Discord", "Slack". */
    String name();

    boolean configured(Map<String, String> env);

    /**
     * Connects and returns the running platform.
     *
     * @throws IllegalArgumentException for configuration mistakes, with a message fit for the user
     * @throws Exception                when the platform cannot be reached or refuses us, likewise
     */
    Running start(Main main, QuestionBank bank) throws Exception;

    /** A connected platform. */
    interface Running extends AutoCloseable {
        /** Who we are connected as, for the start-up line. */
        String describe();

        /** Completes, with the reason, when the platform stops on its own. */
        CompletableFuture<String> stopped();

        /** Disconnects; safe to call twice. */
        @Override
        void close();
    }

    /**
     * Starts every runner, then waits until {@link Main#stop} completes (Ctrl-C, SIGTERM) or a
     * platform stops on its own. Returns the exit code: 0 when stopped, 1 when a platform failed
     * or stopped, 2 for a configuration mistake.
     */
    static int runAll(Main main, List<PlatformRunner> runners) {
        Optional<QuestionBank> bank = main.loadBank(main.stderr);
        if (bank.isEmpty()) {
            return Main.EXIT_INVALID;
        }
        List<Running> running = new ArrayList<>();
        for (PlatformRunner r : runners) {
            try {
                Running started = r.start(main, bank.get());
                running.add(started);
                main.stderr.println("llmq: " + r.name() + ": connected as " + started.describe());
            } catch (Exception e) {
                main.stderr.println("llmq: " + r.name() + ": " + e.getMessage());
                running.forEach(Running::close);
                boolean usage = e instanceof IllegalArgumentException || e instanceof picocli.CommandLine.ParameterException;
                return usage ? Main.EXIT_USAGE : Main.EXIT_INVALID;
            }
        }
        CompletableFuture<Object> platformStopped = CompletableFuture.anyOf(
                running.stream().map(Running::stopped).toArray(CompletableFuture<?>[]::new));
        // On SIGTERM the JVM halts as soon as the hook returns, so the hook says goodbye itself.
        AtomicBoolean said = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            main.stop.complete(null);
            running.forEach(Running::close);
            if (said.compareAndSet(false, true)) {
                main.stderr.println("llmq: stopped");
            }
        }, "llmq-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            CompletableFuture.anyOf(platformStopped, main.stop).join();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and closes the platforms
            }
            running.forEach(Running::close);
        }
        if (!main.stop.isDone()) {
            if (said.compareAndSet(false, true)) {
                main.stderr.println("llmq: stopped: " + platformStopped.join());
            }
            return Main.EXIT_INVALID;
        }
        if (said.compareAndSet(false, true)) {
            main.stderr.println("llmq: stopped");
        }
        return Main.EXIT_OK;
    }
}
