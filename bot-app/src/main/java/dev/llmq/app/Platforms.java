package dev.llmq.app;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyPublisher;
import dev.llmq.core.engine.Quizmaster;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs the configured chat platforms until the process is stopped. */
final class Platforms {
    private Platforms() {
    }

    /** Runs until SIGINT / SIGTERM; returns the exit code. */
    static int run(Main main, List<PlatformRunner> runners) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "llmq-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(main, runners, stop);
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: nothing to remove
            }
        }
    }

    /** Loads the bank, starts every runner, and runs until {@code stop} opens. */
    static int run(Main main, List<PlatformRunner> runners, CountDownLatch stop) {
        try {
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
                } catch (Exception e) {
                    main.stderr.println("llmq: " + r.name() + " did not start: " + e.getMessage());
                    return Main.EXIT_INVALID;
                }
            }
            main.stderr.printf("llmq: %s started with %d questions in %d topics; stop with Ctrl-C.%n",
                    runners.stream().map(PlatformRunner::name).collect(Collectors.joining(" and ")),
                    bank.get().size(), bank.get().topics().size());
            stop.await();
            return Main.EXIT_OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.EXIT_OK;
        } finally {
            for (PlatformRunner r : runners) {
                r.close();
            }
        }
    }
}
