package dev.llmq.app;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Runs the configured chat platforms until the process is stopped or a platform stops on its own. */
final class Platforms {
    private Platforms() {
    }

    /** The platforms the configuration names. */
    static List<PlatformRunner> configured(Config config) {
        List<PlatformRunner> runners = new ArrayList<>();
        config.discord().ifPresent(s -> runners.add(new DiscordRunner(s)));
        config.slack().ifPresent(s -> runners.add(new SlackRunner(s)));
        return runners;
    }

    /**
     * Loads the bank, opens the store, starts every runner, the HTTP endpoints and the scheduler,
     * and runs until {@code main.stop} completes (SIGINT, SIGTERM, or a test) or a platform stops on
     * its own. Then it stops gracefully: the scheduler's posts in flight finish and its unstarted
     * claims are handed back while the platforms are still connected; then the platforms disconnect
     * and the store closes. Returns 0 when stopped, 1 when something failed.
     */
    /** How long SIGTERM waits for the graceful stop (the scheduler's own grace is 20 s). */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    static int run(Main main, Config config, List<PlatformRunner> runners) {
        ShutdownHook hook = new ShutdownHook(main.stop, STOP_GRACE);
        try {
            return runUntilStopped(main, config, runners);
        } finally {
            for (PlatformRunner r : runners) {
                r.close();
            }
            main.stderr.println("llmq: stopped");
            hook.close();
        }
    }

    private static int runUntilStopped(Main main, Config config, List<PlatformRunner> runners) {
        BankLocation where = main.bankLocation();
        Optional<QuestionBank> bank = main.loadBank(where);
        if (bank.isEmpty()) {
            return Main.EXIT_INVALID;
        }
        List<DailyPublisher> publishers = runners.stream().flatMap(r -> r.publishers().stream())
                .collect(Collectors.toList());
        try (App app = App.open(config, where, bank.get(), publishers, main.explicitLang())) {
            main.stderr.printf("llmq: question bank: %d questions in %d topics from %s%n", bank.get().size(),
                    bank.get().topics().size(), where.describe());
            main.stderr.println("llmq: store: " + app.daily.store().describe());
            for (PlatformRunner r : runners) {
                try {
                    r.start(app.quizmaster);
                } catch (Exception e) {
                    main.stderr.println("llmq: " + r.name() + " did not start: " + e.getMessage());
                    return Main.EXIT_INVALID;
                }
                app.check(r.name().toLowerCase(Locale.ROOT), () -> !r.stopped().isDone());
                main.stderr.println("llmq: " + r.name() + ": connected as " + r.describe());
                if (!r.banner().isEmpty()) {
                    main.stderr.println("llmq: " + r.name() + ": " + r.banner());
                }
            }
            app.startHttp().ifPresent(port -> main.stderr.println(
                    "llmq: HTTP on port " + port + ": /healthz /readyz /metrics"));
            app.startScheduler();
            main.stderr.printf("llmq: %s started; stop with Ctrl-C.%n",
                    runners.stream().map(PlatformRunner::name).collect(Collectors.joining(" and ")));
            CompletableFuture<Object> platformStopped = CompletableFuture.anyOf(
                    runners.stream().map(PlatformRunner::stopped).toArray(CompletableFuture<?>[]::new));
            CompletableFuture.anyOf(platformStopped, main.stop).join();
            app.stopScheduler();
            if (!main.stop.isDone()) {
                main.stderr.println("llmq: a platform stopped: " + platformStopped.join());
                return Main.EXIT_INVALID;
            }
            return Main.EXIT_OK;
        } catch (java.io.IOException | RuntimeException e) {
            main.stderr.println("llmq: " + e.getMessage());
            return Main.EXIT_INVALID;
        }
    }
}
