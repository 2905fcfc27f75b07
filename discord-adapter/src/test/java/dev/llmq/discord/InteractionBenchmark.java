package dev.llmq.discord;

import static dev.llmq.discord.fake.FakeDiscord.opt;

import ch.qos.logback.classic.Level;
import dev.llmq.core.bank.BankLoader;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.MemoryDailyDesk;
import dev.llmq.core.engine.Decks;
import dev.llmq.core.engine.Quizmaster;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.discord.fake.CapturedLogs;
import dev.llmq.discord.fake.FakeDiscord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.RestConfig;

/**
 * Benchmark harness (not a unit test): llmq's Discord bot against a bare JDA handler that replies
 * with a constant, both connected to the same fake Discord on 127.0.0.1, side by side in one run.
 * Latency is measured from the moment the fake sends INTERACTION_CREATE to the moment the
 * interaction callback reaches its REST API.
 *
 * <ol>
 *   <li>warm-up: {@code warmup} interactions each;</li>
 *   <li>latency: {@code n} interactions each, one at a time, alternating bot and bare;</li>
 *   <li>bursts: {@code bursts} rounds of 500 simultaneous interactions each, alternating; the
 *       throughput is 500 over the time from the first INTERACTION_CREATE to the last callback.</li>
 * </ol>
 *
 * Arguments: {@code [n] [warmup] [bursts]} (default 3000 2000 5). See docs/benchmarks.md for the
 * command line and the figures.
 */
public final class InteractionBenchmark {
    static final String BOT = "bench-bot-token";
    static final String BARE = "bench-bare-token";
    static final int BURST = 500;

    private InteractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int bursts = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        CapturedLogs.rootLevel(Level.WARN);
        QuestionBank bank = bank();
        try (FakeDiscord fake = new FakeDiscord(BOT, BARE)) {
            fake.recording(false);
            Clock clock = Clock.systemUTC();
            DiscordBot bot = DiscordBot.start(DiscordSettings.fromEnv(Map.of(DiscordSettings.TOKEN, BOT,
                    DiscordSettings.API_URL, fake.apiUrl(), DiscordSettings.GATEWAY_URL, fake.gatewayUrl(),
                    DiscordSettings.GUILD_ID, fake.guild())), publisher -> {
                        Decks decks = new Decks(new SecureRandom(), clock, Duration.ofDays(30), 100_000);
                        return new Quizmaster(() -> bank, decks, new LangPolicy(Optional.empty()),
                                Optional.of(new MemoryDailyDesk(() -> bank, decks, clock, List.of(publisher))));
                    }, Duration.ofSeconds(60));
            JDA bare = JDABuilder.createLight(BARE, DiscordBot.INTENTS)
                    .setRestConfig(new RestConfig().setBaseUrl(fake.apiUrl()))
                    .setSessionController(new FixedGateway(fake.gatewayUrl()))
                    .setEnableShutdownHook(false)
                    .addEventListeners(new ListenerAdapter() {
                        @Override
                        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                            event.reply("pong").queue();
                        }
                    })
                    .build().awaitReady();
            try {
                System.out.printf(Locale.ROOT, "bank: %d questions; %d cores; java %s%n", bank.size(),
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
                for (int i = 0; i < warmup; i++) {
                    one(fake, BOT);
                    one(fake, BARE);
                }
                long[] botLat = new long[n];
                long[] bareLat = new long[n];
                for (int i = 0; i < n; i++) {
                    botLat[i] = one(fake, BOT);
                    bareLat[i] = one(fake, BARE);
                }
                List<Burst> botBursts = new ArrayList<>();
                List<Burst> bareBursts = new ArrayList<>();
                for (int b = 0; b < bursts; b++) {
                    botBursts.add(burst(fake, BOT));
                    bareBursts.add(burst(fake, BARE));
                }
                report(n, botLat, bareLat, botBursts, bareBursts);
            } finally {
                bot.close();
                bare.shutdownNow();
                bare.awaitShutdown(Duration.ofSeconds(5));
            }
        }
        System.exit(0);
    }

    private static QuestionBank bank() throws Exception {
        for (Path p : List.of(Path.of("questions.yaml"), Path.of("..", "questions.yaml"))) {
            if (Files.isRegularFile(p)) {
                return BankLoader.load(List.of(p));
            }
        }
        return Fixtures.fixtureBank();
    }

    /** One {@code /llmq topic:architecture}, waited for; returns its latency in nanoseconds. */
    private static long one(FakeDiscord fake, String token) {
        FakeDiscord.Interaction i = fake.slashAs(token, fake.member, fake.general, "llmq", opt("topic", 3, "architecture"));
        FakeDiscord.Req cb = i.awaitCallback(Duration.ofSeconds(10));
        return cb.nanos() - i.sentNanos;
    }

    /** One burst: from the first INTERACTION_CREATE to the last callback, the time the fake took to send them all, latencies. */
    record Burst(long wallNanos, long sendNanos, long[] latencies) {
    }

    /** {@value #BURST} interactions sent back to back, then every callback waited for. */
    private static Burst burst(FakeDiscord fake, String token) throws Exception {
        List<FakeDiscord.Interaction> sent = new ArrayList<>(BURST);
        long start = System.nanoTime();
        for (int i = 0; i < BURST; i++) {
            sent.add(fake.slashAs(token, fake.member, fake.general, "llmq", opt("topic", 3, "architecture")));
        }
        long sentAll = System.nanoTime() - start;
        CompletableFuture.allOf(sent.stream().map(FakeDiscord.Interaction::callbackFuture)
                .toArray(CompletableFuture<?>[]::new)).get(30, TimeUnit.SECONDS);
        long end = 0;
        long[] lat = new long[BURST];
        for (int i = 0; i < BURST; i++) {
            FakeDiscord.Req cb = sent.get(i).callbackFuture().get();
            end = Math.max(end, cb.nanos());
            lat[i] = cb.nanos() - sent.get(i).sentNanos;
        }
        return new Burst(end - start, sentAll, lat);
    }

    private static void report(int n, long[] bot, long[] bare, List<Burst> botBursts, List<Burst> bareBursts) {
        double botMed = pct(bot, 50);
        double bareMed = pct(bare, 50);
        double botP99 = pct(bot, 99);
        double bareP99 = pct(bare, 99);
        System.out.println();
        System.out.printf(Locale.ROOT, "One at a time (%d each, alternating):%n%n", n);
        System.out.println("| handler | interactions/s | median ms | p99 ms |");
        System.out.println("| --- | ---: | ---: | ---: |");
        System.out.printf(Locale.ROOT, "| llmq bot | %.0f | %.2f | %.2f |%n", 1000 / mean(bot), botMed, botP99);
        System.out.printf(Locale.ROOT, "| bare JDA | %.0f | %.2f | %.2f |%n", 1000 / mean(bare), bareMed, bareP99);
        System.out.printf(Locale.ROOT, "| ratio bot/bare | | %.2f | %.2f |%n", botMed / bareMed, botP99 / bareP99);
        System.out.println();
        System.out.printf(Locale.ROOT, "Bursts of %d simultaneous interactions (%d rounds each, alternating; median round):%n%n",
                BURST, botBursts.size());
        System.out.println("| handler | interactions/s | all answered in ms | of which the fake sending ms | median ms | p99 ms | slowest round ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        burstRow("llmq bot", botBursts);
        burstRow("bare JDA", bareBursts);
    }

    private static void burstRow(String name, List<Burst> bursts) {
        List<Burst> sorted = new ArrayList<>(bursts);
        sorted.sort((a, b) -> Long.compare(a.wallNanos(), b.wallNanos()));
        Burst mid = sorted.get(sorted.size() / 2);
        double wallMs = mid.wallNanos() / 1e6;
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.1f | %.1f | %.0f |%n", name, BURST / (wallMs / 1000),
                wallMs, mid.sendNanos() / 1e6, pct(mid.latencies(), 50), pct(mid.latencies(), 99),
                sorted.get(sorted.size() - 1).wallNanos() / 1e6);
    }

    /** The p-th percentile in milliseconds (nearest rank). */
    static double pct(long[] nanos, double p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))] / 1e6;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }
}
