package dev.llmq.discord;

import static dev.llmq.discord.fake.FakeDiscord.opt;

import dev.llmq.discord.fake.FakeDiscord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark harness (not a unit test): warm latency, each bot in its own process, against one fake
 * Discord on 127.0.0.1 (in this process). Every variant is started and connected; then asks are
 * sent one at a time, taking turns between the variants (so the machine's noise falls on all of
 * them), first {@code warmup} each to let the JIT compile every path, then {@code n} each, timed
 * from INTERACTION_CREATE to the answer (the callback, or the edit that finishes a deferred
 * reply). The members cycle through 2,000 users, so llmq's per-user rate limit does not trip.
 *
 * <p>Arguments: {@code WARMUP N NAME=COMMAND...} (COMMAND split on spaces; the harness sets the
 * DISCORD_* variables, a new SQLite store each and LLMQ_HTTP_PORT=off). See docs/benchmarks.md.
 */
public final class WarmLatency {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private WarmLatency() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        int k = args.length - 2;
        String[] names = new String[k];
        String[] tokens = new String[k];
        List<Process> processes = new ArrayList<>();
        Path dir = Files.createTempDirectory("llmq-warm");
        for (int i = 0; i < k; i++) {
            tokens[i] = "warm-latency-token-" + i;
        }
        try (FakeDiscord fake = new FakeDiscord(tokens)) {
            for (int i = 0; i < k; i++) {
                String a = args[i + 2];
                names[i] = a.substring(0, a.indexOf('='));
                ProcessBuilder pb = new ProcessBuilder(Arrays.asList(a.substring(a.indexOf('=') + 1).trim().split("\\s+")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(dir.resolve("stderr-" + i + ".txt").toFile());
                Map<String, String> env = pb.environment();
                env.put("DISCORD_TOKEN", tokens[i]);
                env.put("DISCORD_API_URL", fake.apiUrl());
                env.put("DISCORD_GATEWAY_URL", fake.gatewayUrl());
                env.put("DISCORD_GUILD_ID", fake.guild());
                env.put("LLMQ_DB_URL", "jdbc:sqlite:" + dir.resolve("llmq-" + i + ".db"));
                env.put("LLMQ_HTTP_PORT", "off");
                long before = System.nanoTime();
                processes.add(pb.start());
                fake.awaitRequest(r -> r.method().equals("PUT") && r.nanos() > before && r.path().contains("/commands"), WAIT);
            }
            fake.recording(false); // 10,000s of requests: the harness keeps only the interactions' timings
            long[][] lat = new long[k][n];
            int user = 0;
            for (int round = 0; round < warmup + n; round++) {
                for (int j = 0; j < k; j++) {
                    int v = (round + j) % k; // each variant goes first in turn
                    FakeDiscord.User u = new FakeDiscord.User(3_000_000L + (user++ % 2000), "m" + user, List.of(), "en-US");
                    FakeDiscord.Interaction i = fake.slashAs(tokens[v], u, fake.general, "llmq",
                            opt("topic", 3, "architecture"));
                    long t = i.answeredNanos(WAIT) - i.sentNanos;
                    if (round >= warmup) {
                        lat[v][round - warmup] = t;
                    }
                }
            }
            System.out.printf("%nwarm-up %d asks each, then %d each, taking turns; %s%n%n", warmup, n, Runtime.version());
            System.out.println("| variant | median ms | p99 ms |");
            System.out.println("| --- | ---: | ---: |");
            for (int v = 0; v < k; v++) {
                long[] s = lat[v].clone();
                Arrays.sort(s);
                System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n", names[v], s[s.length / 2] / 1e6,
                        s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6);
            }
        } finally {
            for (Process p : processes) {
                p.destroy();
                p.waitFor();
            }
        }
    }
}
