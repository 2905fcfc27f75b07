package dev.llmq.discord;

import static dev.llmq.discord.fake.FakeDiscord.opt;

import ch.qos.logback.classic.Level;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import dev.llmq.core.testing.MemoryDaily;
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
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Benchmark harness (not a unit test): llmq's Discord bot against bare JDA handlers that reply
 * with a constant (a short text, and a question card as big as llmq's), all connected to the same
 * fake Discord on 127.0.0.1, side by side in one run.
 * Latency is measured from the moment the fake sends INTERACTION_CREATE to the moment the
 * interaction callback reaches its REST API.
 *
 * <ol>
 *   <li>warm-up: {@code warmup} interactions each in bursts, then 1000 one at a time, so that the
 *       JIT has compiled every handler's path;</li>
 *   <li>latency: {@code n} interactions each, one at a time, taking turns;</li>
 *   <li>bursts: {@code bursts} rounds of 500 simultaneous interactions each, taking turns; the
 *       throughput is 500 over the time from the first INTERACTION_CREATE to the last callback.</li>
 * </ol>
 *
 * Arguments: {@code [n] [warmup] [bursts]} (default 3000 20000 5). See docs/benchmarks.md for the
 * command line and the figures.
 */
public final class InteractionBenchmark {
    static final String BOT = "bench-bot-token";
    static final String BARE = "bench-bare-token";
    static final String CARD = "bench-card-token";
    static final int BURST = 500;

    private InteractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int bursts = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        CapturedLogs.rootLevel(Level.WARN);
        QuestionBank bank = bank();
        try (FakeDiscord fake = new FakeDiscord(BOT, BARE, CARD)) {
            fake.recording(false);
            Clock clock = Clock.systemUTC();
            DiscordBot bot = new DiscordBot(DiscordSettings.fromEnv(Map.of(DiscordSettings.TOKEN, BOT,
                    DiscordSettings.API_URL, fake.apiUrl(), DiscordSettings.GATEWAY_URL, fake.gatewayUrl(),
                    DiscordSettings.GUILD_ID, fake.guild())), Duration.ofSeconds(60));
            Decks decks = new Decks(new SecureRandom(), clock, Duration.ofDays(30), 100_000);
            bot.start(new Quizmaster(() -> bank, decks, new LangPolicy(Optional.empty()),
                    Optional.of(new MemoryDaily(() -> bank, clock, List.of(bot.publisher())).desk)).limitedBy(UserLimits.none()));
            JDA bare = bare(fake, BARE, event -> event.reply("pong").queue());
            // The same constant, but as big as llmq's reply: an architecture question card, rendered once.
            MessageCreateData card = DiscordRenderer.render(new Quizmaster(() -> bank, new Decks(new SecureRandom(), clock,
                    Duration.ofDays(1), 10), new LangPolicy(Optional.empty())).limitedBy(UserLimits.none()).handle(
                    new dev.llmq.core.port.in.Origin("discord", "g", "c", "u", "en-US", Optional.empty(), false),
                    dev.llmq.core.port.in.Command.Ask.topic("architecture"))).data();
            JDA bareCard = bare(fake, CARD, event -> event.reply(card).queue());
            try {
                System.out.printf(Locale.ROOT, "bank: %d questions; %d cores; java %s%n", bank.size(),
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
                // Warm up until the JIT has compiled every handler's path (C2 needs ~10k calls):
                // bursts first (fast), then one at a time.
                for (int i = 0; i < warmup / BURST; i++) {
                    burst(fake, BOT);
                    burst(fake, BARE);
                    burst(fake, CARD);
                }
                for (int i = 0; i < 1000; i++) {
                    one(fake, BOT);
                    one(fake, BARE);
                    one(fake, CARD);
                }
                long[] botLat = new long[n];
                long[] bareLat = new long[n];
                long[] cardLat = new long[n];
                for (int i = 0; i < n; i++) {
                    botLat[i] = one(fake, BOT);
                    bareLat[i] = one(fake, BARE);
                    cardLat[i] = one(fake, CARD);
                }
                List<Burst> botBursts = new ArrayList<>();
                List<Burst> bareBursts = new ArrayList<>();
                List<Burst> cardBursts = new ArrayList<>();
                for (int b = 0; b < bursts; b++) {
                    botBursts.add(burst(fake, BOT));
                    bareBursts.add(burst(fake, BARE));
                    cardBursts.add(burst(fake, CARD));
                }
                report(n, botLat, bareLat, cardLat, botBursts, bareBursts, cardBursts);
                ownWork(bank);
            } finally {
                bot.close();
                for (JDA j : List.of(bare, bareCard)) {
                    j.shutdownNow();
                    j.awaitShutdown(Duration.ofSeconds(5));
                }
            }
        }
        System.exit(0);
    }

    /**
     * llmq's own CPU work per interaction, measured in-process on one thread (best of 5 rounds of
     * 100,000): the core's answer plus the rendering, and the JSON body JDA then writes (which the
     * bare handler replying with a constant card pays too).
     */
    private static void ownWork(QuestionBank bank) {
        Quizmaster qm = new Quizmaster(() -> bank, new Decks(new SecureRandom(), Clock.systemUTC(), Duration.ofDays(30),
                100_000), new LangPolicy(Optional.empty())).limitedBy(UserLimits.none());
        dev.llmq.core.port.in.Origin origin = new dev.llmq.core.port.in.Origin("discord", "g", "c", "u", "en-US",
                Optional.empty(), false);
        double bestCore = Double.MAX_VALUE;
        double bestJson = Double.MAX_VALUE;
        long sink = 0;
        int rounds = 100_000;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            MessageCreateData last = null;
            for (int i = 0; i < rounds; i++) {
                last = DiscordRenderer.render(qm.handle(origin, dev.llmq.core.port.in.Command.Ask.topic("architecture"))).data();
                sink += last.getComponents().size();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                sink += last.toData().toJson().length;
            }
            long t2 = System.nanoTime();
            bestCore = Math.min(bestCore, (t1 - t0) / 1e3 / rounds);
            bestJson = Math.min(bestJson, (t2 - t1) / 1e3 / rounds);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "llmq's own work per interaction, in-process (best of 5 x %d): core + render %.1f µs;"
                + " the reply's JSON body %.1f µs (%d)%n", rounds, bestCore, bestJson, sink % 10);
    }

    /** A bare JDA client (same intents, same endpoints) with one slash-command handler. */
    private static JDA bare(FakeDiscord fake, String token, java.util.function.Consumer<SlashCommandInteractionEvent> handler)
            throws InterruptedException {
        return JDABuilder.createLight(token, DiscordBot.INTENTS)
                .setRestConfig(new RestConfig().setBaseUrl(fake.apiUrl()))
                .setSessionController(new FixedGateway(fake.gatewayUrl()))
                .setEnableShutdownHook(false)
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                        handler.accept(event);
                    }
                })
                .build().awaitReady();
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

    private static void report(int n, long[] bot, long[] bare, long[] card, List<Burst> botBursts,
                               List<Burst> bareBursts, List<Burst> cardBursts) {
        System.out.println();
        System.out.printf(Locale.ROOT, "One at a time (%d each, in turn):%n%n", n);
        System.out.println("| handler | interactions/s | median ms | p99 ms | median vs bare | p99 vs bare |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        row("llmq bot (`/llmq topic:architecture`)", bot, bare);
        row("bare JDA, constant text (\"pong\")", bare, bare);
        row("bare JDA, constant question card", card, bare);
        System.out.println();
        System.out.printf(Locale.ROOT, "Bursts of %d simultaneous interactions (%d rounds each, alternating; median round):%n%n",
                BURST, botBursts.size());
        System.out.println("| handler | interactions/s | all answered in ms | of which the fake sending ms | median ms | p99 ms | slowest round ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        burstRow("llmq bot", botBursts);
        burstRow("bare JDA, constant text", bareBursts);
        burstRow("bare JDA, constant card", cardBursts);
    }

    private static void row(String name, long[] lat, long[] bare) {
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f× | %.2f× |%n", name, 1000 / mean(lat), pct(lat, 50),
                pct(lat, 99), pct(lat, 50) / pct(bare, 50), pct(lat, 99) / pct(bare, 99));
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
