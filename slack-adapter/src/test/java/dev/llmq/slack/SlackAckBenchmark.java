package dev.llmq.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.daily.StoredDailyDesk;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import dev.llmq.core.testing.MemoryDaily;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.slack.fake.FakeSlack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Ack latency (median, p99) and envelopes per second of {@code /llmq architecture}, through the bot
 * (Block Kit question in the ack) and through a bare Bolt handler ({@code ctx.ack()}), side by side
 * in one run: same fake Slack, same SDK settings (Java-WebSocket backend, same concurrency), rounds
 * alternating so that warm-up and machine noise fall on both. A harness, not a test; see
 * docs/benchmarks.md for the command.
 * <p>
 * Arguments: {@code envelopes} per round (default 1000), {@code rounds} (10), {@code inFlight} (16), {@code warmup} (4000).
 */
public final class SlackAckBenchmark {
    static final String BOT = "xoxb-bench";
    static final String APP = "xapp-bench";

    private SlackAckBenchmark() {
    }

    interface Target extends AutoCloseable {
        String name();

        FakeSlack fake();

        @Override
        void close();
    }

    record Result(String name, long[] latencies, double perSecond) {
        double percentile(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        int envelopes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
        QuestionBank bank = bank();
        String loadBefore = load();
        System.out.printf(Locale.ROOT, "bank: %d questions; %d envelopes x %d rounds, %d in flight, %d warm-up; "
                + "SDK concurrency %d; Java %s; %d CPUs%n", bank.size(), envelopes, rounds, inFlight, warmup,
                SlackSettings.DEFAULT_CONCURRENCY, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        try (Target bot = bot(bank); Target bare = bare()) {
            for (Target t : List.of(bot, bare)) {
                measure(t, warmup, inFlight);
            }
            List<Result> botResults = new ArrayList<>();
            List<Result> bareResults = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                botResults.add(measure(bot, envelopes, inFlight));
                bareResults.add(measure(bare, envelopes, inFlight));
            }
            Result b = merge("bot (/llmq architecture → Block Kit question)", botResults);
            Result x = merge("bare Bolt handler (ctx.ack())", bareResults);
            System.out.println();
            System.out.println("| path | envelopes | ack median (ms) | ack p99 (ms) | envelopes/s |");
            System.out.println("| --- | --- | --- | --- | --- |");
            for (Result res : List.of(b, x)) {
                System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.0f |%n", res.name(), res.latencies().length,
                        res.percentile(50), res.percentile(99), res.perSecond());
            }
            System.out.printf(Locale.ROOT, "%nload average before / after: %s / %s%n", loadBefore, load());
            System.out.printf(Locale.ROOT, "bot / bare: median %.2fx, p99 %.2fx, throughput %.2fx%n",
                    b.percentile(50) / x.percentile(50), b.percentile(99) / x.percentile(99),
                    b.perSecond() / x.perSecond());
        }
    }

    /** The 1-minute load average, where the OS tells it (the machine may be shared). */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    static QuestionBank bank() throws Exception {
        for (Path p : List.of(Path.of("questions.yaml"), Path.of("..", "questions.yaml"))) {
            if (Files.isRegularFile(p)) {
                return BankLoader.load(List.of(p));
            }
        }
        return Fixtures.fixtureBank();
    }

    static Result merge(String name, List<Result> results) {
        long[] all = results.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).toArray();
        double perSecond = results.stream().mapToDouble(Result::perSecond).average().orElse(0);
        return new Result(name, all, perSecond);
    }

    static Result measure(Target t, int n, int inFlight) throws Exception {
        Semaphore window = new Semaphore(inFlight);
        long[] latencies = new long[n];
        List<CompletableFuture<FakeSlack.Ack>> futures = new ArrayList<>(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            window.acquire();
            int k = i;
            futures.add(t.fake().slashCommand("U0BENCH", "C0BENCH", "architecture").whenComplete((ack, e) -> {
                if (ack != null) {
                    latencies[k] = ack.latencyNanos();
                }
                window.release();
            }));
        }
        for (CompletableFuture<FakeSlack.Ack> f : futures) {
            f.get(60, TimeUnit.SECONDS); // llmq acks empty and answers through the response_url, off Bolt's thread
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(t.name(), latencies, n / seconds);
    }

    static Target bot(QuestionBank bank) throws Exception {
        FakeSlack fake = new FakeSlack(BOT, APP).recording(false).user("U0BENCH", false, false, "en-US");
        Clock clock = Clock.systemUTC();
        Decks decks = new Decks(new SecureRandom(), clock, Duration.ofDays(30), 100_000);
        SlackBot bot = new SlackBot(new SlackSettings(BOT, APP, Optional.of(fake.apiUrl()), Set.of()));
        StoredDailyDesk desk = new MemoryDaily(() -> bank, clock, List.of(bot.publisher())).desk;
        bot.start(new Quizmaster(() -> bank, decks, new LangPolicy(Optional.empty()), Optional.of(desk)).limitedBy(UserLimits.none()));
        fake.awaitConnections(1, Duration.ofSeconds(30));
        return new Target() {
            public String name() {
                return "bot";
            }

            public FakeSlack fake() {
                return fake;
            }

            public void close() {
                bot.close();
                fake.close();
            }
        };
    }

    /** The same SDK set-up as the bot (SlackClients, Java-WebSocket, concurrency), with a handler that only acks. */
    static Target bare() throws Exception {
        FakeSlack fake = new FakeSlack(BOT, APP).recording(false);
        SlackSettings settings = new SlackSettings(BOT, APP, Optional.of(fake.apiUrl()), Set.of());
        Slack slack = SlackClients.slack(settings);
        App app = new App(AppConfig.builder().singleTeamBotToken(BOT).slack(slack).build());
        app.command("/llmq", (req, ctx) -> ctx.ack());
        SocketModeApp sma = new SocketModeApp(APP, app, SocketModeClient.Backend.JavaWebSocket, settings.concurrency());
        sma.startAsync();
        fake.awaitConnections(1, Duration.ofSeconds(30));
        return new Target() {
            public String name() {
                return "bare";
            }

            public FakeSlack fake() {
                return fake;
            }

            public void close() {
                try {
                    sma.getClient().close();
                    sma.close();
                    slack.close();
                } catch (Exception e) {
                    System.err.println("closing the bare app: " + e);
                }
                fake.close();
            }
        };
    }
}
