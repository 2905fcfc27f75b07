package dev.llmq.discord;

import static dev.llmq.discord.fake.FakeDiscord.opt;

import dev.llmq.discord.fake.FakeDiscord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Harness (not a test): the resident memory of one llmq process, started as COMMAND (the jar, as
 * it ships, with the JVM flags to check), after {@code n} interactions through a fake Discord on
 * 127.0.0.1 in this process: half asks, half reveals of those questions, 50 at a time, from 1,000
 * distinct users in 20 channels (so the per-user rate limit does not trip). It prints VmRSS after
 * start and after the interactions, and VmHWM (the peak), from /proc.
 *
 * <p>Arguments: {@code N COMMAND...} (COMMAND as separate arguments). The harness sets the
 * DISCORD_* variables, a new SQLite store and LLMQ_HTTP_PORT=off. See docs/benchmarks.md.
 */
public final class MemoryRun {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private MemoryRun() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        List<String> command = Arrays.asList(args).subList(1, args.length);
        Path dir = Files.createTempDirectory("llmq-memory");
        try (FakeDiscord fake = new FakeDiscord("memory-run-token")) {
            long[] channels = new long[20];
            for (int i = 0; i < channels.length; i++) {
                channels[i] = fake.addTextChannel("study-" + i);
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(dir.resolve("stderr.txt").toFile());
            Map<String, String> env = pb.environment();
            env.put("DISCORD_TOKEN", "memory-run-token");
            env.put("DISCORD_API_URL", fake.apiUrl());
            env.put("DISCORD_GATEWAY_URL", fake.gatewayUrl());
            env.put("DISCORD_GUILD_ID", fake.guild());
            env.put("LLMQ_DB_URL", "jdbc:sqlite:" + dir.resolve("llmq.db"));
            env.put("LLMQ_HTTP_PORT", "off");
            Process p = pb.start();
            try {
                fake.awaitRequest(r -> r.method().equals("PUT") && r.path().contains("/commands"), WAIT);
                Thread.sleep(2000);
                long started = rssKb(p.pid(), "VmRSS");
                long t0 = System.nanoTime();
                int done = 0;
                int user = 0;
                while (done < n) {
                    List<FakeDiscord.Interaction> asks = new ArrayList<>();
                    for (int i = 0; i < 25 && done < n; i++, done++) {
                        FakeDiscord.User u = new FakeDiscord.User(2_000_000L + (user++ % 1000), "s" + user, List.of(), "en-US");
                        asks.add(fake.slash(u, channels[i % channels.length], "llmq"));
                    }
                    List<FakeDiscord.Interaction> reveals = new ArrayList<>();
                    for (FakeDiscord.Interaction a : asks) {
                        a.reply(WAIT);
                        if (done < n) {
                            FakeDiscord.User u = new FakeDiscord.User(2_000_000L + (user++ % 1000), "s" + user, List.of(), "en-US");
                            reveals.add(fake.button(u, a.message(), FakeDiscord.buttonIds(a.message()).get(0)));
                            done++;
                        }
                    }
                    for (FakeDiscord.Interaction r : reveals) {
                        r.reply(WAIT);
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                Thread.sleep(2000);
                System.out.printf("%d interactions in %.1f s; VmRSS after start %d MB, after %d MB; VmHWM %d MB%n", n, seconds,
                        started / 1024, rssKb(p.pid(), "VmRSS") / 1024, rssKb(p.pid(), "VmHWM") / 1024);
                System.out.println("  command: " + String.join(" ", command));
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
    }

    private static long rssKb(long pid, String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no " + field + " for process " + pid);
    }
}
