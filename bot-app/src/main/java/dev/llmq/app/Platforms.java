package dev.llmq.app;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.config.StartupFailure;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.ChatPlatform;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.discord.DiscordBot;
import dev.llmq.slack.SlackBot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** Runs the configured chat platforms until the process is stopped or a platform stops on its own. */
final class Platforms {
    /** How long SIGTERM waits for the graceful stop (the scheduler's own grace is 20 s). */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private static final QuestionBank EMPTY_BANK = new QuestionBank(List.of(), List.of(), List.of());

    private Platforms() {
    }

    /** The platforms the configuration names: one line each. A new platform is one module and one line here. */
    static List<ChatPlatform> configured(Config config) {
        List<ChatPlatform> platforms = new ArrayList<>();
        config.discord().ifPresent(s -> platforms.add(new DiscordBot(s)));
        config.slack().ifPresent(s -> platforms.add(new SlackBot(s)));
        return platforms;
    }

    /**
     * Loads the bank, opens the store, starts every runner, the HTTP endpoints and the scheduler,
     * and runs until {@code main.stop} completes (SIGINT, SIGTERM, or a test) or a platform stops on
     * its own. Then it stops in this order: the scheduler (its posts in flight finish while the
     * platforms are still connected, its unstarted claims are handed back), the platforms
     * (disconnected), the store; only then is {@code llmq: stopped} printed.
     *
     * @return 0 when stopped, 1 when something outside llmq failed, 2 for a setting to change
     */
    static int run(Main main, Config config, List<ChatPlatform> runners) {
        ShutdownHook hook = new ShutdownHook(main.stop, STOP_GRACE);
        boolean[] started = {false};
        int code = Main.EXIT_INVALID;
        try {
            code = runUntilStopped(main, config, runners, started);
            return code;
        } finally {
            hook.exitCode(code);
            if (started[0]) { // a failed start-up says so in one line and no more
                main.stderr.println("llmq: stopped");
            }
            hook.close();
        }
    }

    private static int runUntilStopped(Main main, Config config, List<ChatPlatform> runners, boolean[] started) {
        // Start-up runs three things at once, since none needs the others: the store is opened and
        // migrated, the platforms connect, and the bank loads. An interaction that arrives before
        // the quizmaster exists waits for it off the platform's event thread (StartingCore).
        Optional<Lang> explicitLang;
        try {
            explicitLang = main.explicitLang();
        } catch (StartupFailure f) {
            closeAll(runners);
            return fail(main, f);
        }
        StoreOpening store = StoreOpening.start(config.db(), App.CLOCK);
        AtomicReference<QuestionBank> loaded = new AtomicReference<>(EMPTY_BANK); // autocomplete meanwhile: no topics
        StartingCore core = new StartingCore(loaded::get, new LangPolicy(explicitLang.or(config::defaultLang)));
        List<Connecting> connecting = runners.stream().map(r -> Connecting.start(r, core)).collect(Collectors.toList());
        BankLocation where = main.bankLocation();
        Optional<QuestionBank> bank = Optional.empty();
        Optional<StartupFailure> missing = Optional.empty();
        try {
            bank = main.loadBank(where); // empty when invalid: its problems are printed, one line each
        } catch (StartupFailure f) {
            missing = Optional.of(f);
        }
        if (bank.isEmpty()) {
            core.failed(new IllegalStateException("the question bank could not be loaded"));
            connecting.forEach(Connecting::abandon);
            store.discard();
            closeAll(runners);
            return missing.map(f -> fail(main, f)).orElse(Main.EXIT_USAGE);
        }
        QuestionBank initial = bank.get();
        loaded.set(initial);
        StartupTimeline.step("bank");
        // The banner is printed once everything is up: a failed start-up is its one line alone.
        List<String> banner = new ArrayList<>();
        banner.add(String.format("llmq: question bank: %d questions in %d topics from %s", initial.size(),
                initial.topics().size(), where.describe()));
        List<DailyPublisher> publishers = runners.stream().map(ChatPlatform::publisher).collect(Collectors.toList());
        App app;
        try {
            app = App.open(config, where, initial, publishers, explicitLang, store);
        } catch (java.io.IOException | RuntimeException | LinkageError e) { // a class missing from the jar too

            core.failed(e);
            connecting.forEach(Connecting::abandon);
            closeAll(runners);
            return fail(main, StartupErrors.describe(e, "store"));
        }
        core.ready(app.quizmaster);
        StartupTimeline.step("core ready");
        // while the platforms are still connecting: the first user's ask should not run cold code
        Warmup.run(initial, app.daily.store(), runners);
        StartupTimeline.step("warm-up");
        try {
            banner.add("llmq: store: " + app.daily.store().describe());
            for (Connecting c : connecting) {
                ChatPlatform r = c.platform();
                Optional<Throwable> failure = c.await();
                if (failure.isPresent()) {
                    connecting.forEach(Connecting::abandon);
                    return fail(main, StartupErrors.describe(failure.get(), r.name()));
                }
                StartupTimeline.step(r.name());
                app.check(r.name().toLowerCase(Locale.ROOT), r::ready);
                banner.add("llmq: " + r.name() + ": connected as " + r.describe());
                for (String note : r.notes()) {
                    banner.add("llmq: " + r.name() + ": " + note);
                }
            }
            try {
                app.startHttp().ifPresent(port -> banner.add("llmq: HTTP on port " + port + ": /healthz /readyz /metrics"));
            } catch (java.io.IOException e) {
                return fail(main, StartupFailure.setting("LLMQ_HTTP_PORT", e.getMessage(),
                        "set another port, 0 for any free one, or off", e));
            }
            app.startScheduler();
            banner.add(String.format("llmq: %s started; stop with Ctrl-C.",
                    runners.stream().map(ChatPlatform::name).collect(Collectors.joining(" and "))));
            banner.forEach(main.stderr::println);
            started[0] = true;
            StartupLogGate.release();
            StartupTimeline.log();
            CompletableFuture<Object> platformStopped = CompletableFuture.anyOf(
                    runners.stream().map(ChatPlatform::stopped).toArray(CompletableFuture<?>[]::new));
            CompletableFuture.anyOf(platformStopped, main.stop).join();
            app.stopScheduler();
            if (!main.stop.isDone()) {
                main.stderr.println("llmq: " + "a platform stopped: " + platformStopped.join()
                        + " (see the log above; llmq exits so that its supervisor can restart it)");
                return Main.EXIT_INVALID;
            }
            return Main.EXIT_OK;
        } finally {
            closeAll(runners);
            app.close();
        }
    }

    /** One platform's {@link ChatPlatform#start} running on its own (virtual) thread. */
    private record Connecting(ChatPlatform platform, Thread thread, CompletableFuture<Void> done) {
        static Connecting start(ChatPlatform platform, StartingCore core) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread t = Thread.ofVirtual().name("llmq-connect-" + platform.name().toLowerCase(Locale.ROOT)).start(() -> {
                try {
                    platform.start(core);
                    done.complete(null);
                } catch (Throwable e) { // reported by the main thread, as one line
                    done.completeExceptionally(e);
                }
            });
            return new Connecting(platform, t, done);
        }

        /** Waits until connected; returns why it failed, if it did. */
        Optional<Throwable> await() {
            try {
                done.join();
                return Optional.empty();
            } catch (java.util.concurrent.CompletionException e) {
                return Optional.of(e.getCause());
            }
        }

        /** Start-up failed elsewhere: stop connecting (a start interrupted stops what it started) and wait. */
        void abandon() {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int fail(Main main, StartupFailure f) {
        StartupLogGate.discard();
        main.stderr.println("llmq: " + f.line());
        return f.kind().exitCode();
    }

    private static void closeAll(List<ChatPlatform> runners) {
        for (ChatPlatform r : runners) {
            r.close();
        }
    }
}
