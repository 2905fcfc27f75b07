package dev.llmq.discord;

import static dev.llmq.discord.fake.FakeDiscord.opt;

import dev.llmq.discord.fake.FakeDiscord;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark harness (not a unit test): the cold path on Discord, each bot in its own process, the
 * variants taking turns in one run against one fake Discord on 127.0.0.1 (in this process).
 *
 * <p>For each start it measures, from the moment the process is spawned:
 * <ul>
 *   <li><b>READY</b>: the fake sends the gateway's READY to the new session;</li>
 *   <li><b>commands</b>: the fake receives the bot's command registration (its PUT);</li>
 *   <li><b>first ask</b>: a {@code /llmq topic:architecture} sent as soon as the commands are
 *       registered, from INTERACTION_CREATE to the answer (the callback, or for a deferred reply
 *       the edit that carries it); then a <b>second ask</b>, the same way.</li>
 * </ul>
 * Then it stops the process (SIGTERM) and starts the next variant. Each variant keeps one SQLite
 * file across its starts, as a restarted bot does (round 0, not counted, creates and migrates it);
 * with {@code -Dcoldstart.freshStore=true} every start gets a new, empty one to migrate.
 *
 * <p>Arguments: {@code ROUNDS NAME=COMMAND...}. COMMAND is split on spaces; the harness sets
 * DISCORD_TOKEN, DISCORD_API_URL, DISCORD_GATEWAY_URL, DISCORD_GUILD_ID, LLMQ_DB_URL and
 * LLMQ_HTTP_PORT=off. See docs/benchmarks.md for the command line and the figures.
 */
public final class ColdStartBenchmark {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private ColdStartBenchmark() {
    }

    record Variant(String name, List<String> command, String token) {
    }

    record Start(double readyMs, double commandsMs, double firstAskMs, double secondAskMs) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ColdStartBenchmark ROUNDS NAME=COMMAND...");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        List<Variant> variants = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            variants.add(new Variant(args[i].substring(0, eq), Arrays.asList(args[i].substring(eq + 1).trim().split("\\s+")),
                    "cold-start-token-" + i));
        }
        for (Variant v : variants) { // round 0 creates each variant's store afresh
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(System.getProperty("java.io.tmpdir"), "llmq-cold-" + v.token() + ".db" + suffix));
            }
        }
        Map<String, List<Start>> results = new LinkedHashMap<>();
        try (FakeDiscord fake = new FakeDiscord(variants.stream().map(Variant::token).toArray(String[]::new))) {
            for (int round = 0; round <= rounds; round++) { // round 0 warms the disk cache and the fake; not kept
                for (Variant v : variants) {
                    Start s = start(fake, v);
                    if (round > 0) {
                        results.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(s);
                    }
                    System.err.printf(Locale.ROOT, "round %d %-14s READY %6.0f ms, commands %6.0f ms, first ask %6.1f ms, "
                            + "second %5.1f ms%n", round, v.name(), s.readyMs(), s.commandsMs(), s.firstAskMs(), s.secondAskMs());
                }
            }
        }
        System.out.printf("%n%d starts each, median (min, max):%n%n", rounds);
        System.out.println("| variant | process start to READY ms | to commands registered ms | first ask ms | second ask ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (Map.Entry<String, List<Start>> e : results.entrySet()) {
            List<Start> l = e.getValue();
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", e.getKey(),
                    stat(l.stream().mapToDouble(Start::readyMs).toArray(), "%.0f"),
                    stat(l.stream().mapToDouble(Start::commandsMs).toArray(), "%.0f"),
                    stat(l.stream().mapToDouble(Start::firstAskMs).toArray(), "%.1f"),
                    stat(l.stream().mapToDouble(Start::secondAskMs).toArray(), "%.1f"));
        }
    }

    private static Start start(FakeDiscord fake, Variant v) throws Exception {
        Path dir = Files.createTempDirectory("llmq-cold");
        ProcessBuilder pb = new ProcessBuilder(v.command())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("DISCORD_TOKEN", v.token());
        env.put("DISCORD_API_URL", fake.apiUrl());
        env.put("DISCORD_GATEWAY_URL", fake.gatewayUrl());
        env.put("DISCORD_GUILD_ID", fake.guild());
        // a restart (the common case) opens the store an earlier start of this variant migrated
        Path db = Boolean.getBoolean("coldstart.freshStore") ? dir.resolve("llmq.db")
                : Path.of(System.getProperty("java.io.tmpdir"), "llmq-cold-" + v.token() + ".db");
        env.put("LLMQ_DB_URL", "jdbc:sqlite:" + db);
        env.put("LLMQ_HTTP_PORT", "off");
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            long ready = fake.awaitReadySent(WAIT);
            while (ready < t0) { // left over from an earlier start
                ready = fake.awaitReadySent(WAIT);
            }
            FakeDiscord.Req put = fake.awaitRequest(r -> r.method().equals("PUT") && r.nanos() > t0
                    && r.path().contains("/commands"), WAIT);
            long first = ask(fake, v.token());
            long second = ask(fake, v.token());
            return new Start(ms(ready - t0), ms(put.nanos() - t0), ms(first), ms(second));
        } catch (AssertionError e) {
            throw new AssertionError(v.name() + ": " + e.getMessage() + "; its stderr: "
                    + Files.readString(dir.resolve("stderr.txt")), e);
        } finally {
            p.destroy();
            p.waitFor();
            if (Boolean.getBoolean("coldstart.verbose")) {
                System.err.println("  its stderr: " + dir.resolve("stderr.txt"));
            } else {
                for (File f : dir.toFile().listFiles()) {
                    f.delete();
                }
                dir.toFile().delete();
            }
        }
    }

    private static long ask(FakeDiscord fake, String token) {
        FakeDiscord.Interaction i = fake.slashAs(token, fake.member, fake.general, "llmq", opt("topic", 3, "architecture"));
        long answered = i.answeredNanos(WAIT) - i.sentNanos;
        if (Boolean.getBoolean("coldstart.verbose")) {
            System.err.printf(Locale.ROOT, "  callback after %.1f ms, answer after %.1f ms%n",
                    ms(i.awaitCallback(WAIT).nanos() - i.sentNanos), ms(answered));
        }
        return answered;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String stat(double[] xs, String fmt) {
        double[] s = xs.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return String.format(Locale.ROOT, fmt + " (" + fmt + ", " + fmt + ")", median, s[0], s[s.length - 1]);
    }
}
