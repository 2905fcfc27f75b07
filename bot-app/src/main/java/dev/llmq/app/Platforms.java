package dev.llmq.app;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyPublisher;
import dev.llmq.core.engine.Quizmaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs the configured chat platforms until the process is stopped or a platform stops on its own. */
final class Platforms {
    private Platforms() {
    }

    /**
     * The configured platforms.
     *
     * @throws IllegalArgumentException for a configuration mistake (the message names the variable, never a token)
     */
    static List<PlatformRunner> configured(Map<String, String> env) {
        List<PlatformRunner> runners = new ArrayList<>();
        DiscordRunner.fromEnv(env).ifPresent(runners::add);
        SlackRunner.fromEnv(env).ifPresent(runners::add);
        return runners;
    }

    /**
     * Loads the bank, starts every runner, and runs until {@code main.stop} completes (SIGINT,
     * SIGTERM, or a test) or a platform stops on its own. Returns the exit code: 0 when stopped,
     * 1 when the bank is invalid or a platform failed to start or stopped.
     */
    static int run(Main main, List<PlatformRunner> runners) {
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            main.stop.complete(null);
            try {
                // Give the platforms time to finish what is in flight and close.
                closed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "llmq-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runUntilStopped(main, runners);
        } finally {
            for (PlatformRunner r : runners) {
                r.close();
            }
            main.stderr.println("llmq: stopped");
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: nothing to remove
            }
        }
    }

    private static int runUntilStopped(Main main, List<PlatformRunner> runners) {
        Optional<QuestionBank> bank = main.loadBank(main.stderr);
        if (bank.isEmpty()) {
            return Main.EXIT_INVALID;
        }
        List<DailyPublisher> publishers = runners.stream().flatMap(r -> r.publishers().stream())
                .collect(Collectors.toList());
        Quizmaster quizmaster = main.quizmaster(bank.get(), publishers);
        for (PlatformRunner r : runners) {
            try {
                r.start(quizmaster);
                main.stderr.println("llmq: " + r.name() + ": connected as " + r.describe());
            } catch (Exception e) {
                main.stderr.println("llmq: " + r.name() + " did not start: " + e.getMessage());
                return Main.EXIT_INVALID;
            }
        }
        main.stderr.printf("llmq: %s started with %d questions in %d topics; stop with Ctrl-C.%n",
                runners.stream().map(PlatformRunner::name).collect(Collectors.joining(" and ")),
                bank.get().size(), bank.get().topics().size());
        CompletableFuture<Object> platformStopped = CompletableFuture.anyOf(
                runners.stream().map(PlatformRunner::stopped).toArray(CompletableFuture<?>[]::new));
        CompletableFuture.anyOf(platformStopped, main.stop).join();
        if (!main.stop.isDone()) {
            main.stderr.println("llmq: a platform stopped: " + platformStopped.join());
            return Main.EXIT_INVALID;
        }
        return Main.EXIT_OK;
    }
}
