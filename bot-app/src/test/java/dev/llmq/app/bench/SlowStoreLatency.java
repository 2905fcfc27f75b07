package dev.llmq.app.bench;

import static dev.llmq.discord.fake.FakeDiscord.opt;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.out.DeckStore;
import dev.llmq.core.port.out.Store;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MemoryDaily;
import dev.llmq.core.testing.MemoryStore;
import dev.llmq.core.testing.SlowStore;
import dev.llmq.discord.DiscordBot;
import dev.llmq.discord.DiscordSettings;
import dev.llmq.discord.fake.FakeDiscord;
import dev.llmq.slack.SlackBot;
import dev.llmq.slack.SlackSettings;
import dev.llmq.slack.fake.FakeSlack;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Harness (not a test): llmq's Discord and Slack bots against the fakes, on a store whose every
 * call takes {@code perCallMs} (default 5,000). It prints how long Discord took to acknowledge
 * (defer or answer) each interaction and Slack to ack each envelope, all sent at once, and how
 * long after users.info answered two admins' simultaneous {@code daily set} were answered (on a
 * store of normal speed, as the daily set's own write would otherwise be the figure).
 *
 * <p>Usage: {@code SlowStoreLatency [perCallMs=5000] [n=20]}; the command is in docs/benchmarks.md.
 */
public final class SlowStoreLatency {
    private SlowStoreLatency() {
    }

    public static void main(String[] args) throws Exception {
        Duration perCall = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 5_000);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        QuestionBank bank = Fixtures.fixtureBank();
        Clock clock = Clock.systemUTC();
        Store slow = SlowStore.of(new MemoryStore(), perCall);
        System.out.printf("store: every call takes %d ms; %d interactions of each kind, sent at once%n",
                perCall.toMillis(), n);
        discord(bank, clock, slow, n);
        slack(bank, clock, slow, n);
        admins(bank, clock);
        System.exit(0);
    }

    private static Quizmaster core(QuestionBank bank, Clock clock, Store store, MemoryDaily daily) {
        Decks decks = new Decks(new Random(1), clock, Duration.ofHours(1), 1000, Optional.<DeckStore>of(store));
        return new Quizmaster(() -> bank, decks, new LangPolicy(Optional.empty()), Optional.of(daily.desk),
                Optional.of(store), clock).limitedBy(UserLimits.none());
    }

    private static void discord(QuestionBank bank, Clock clock, Store store, int n) throws Exception {
        try (FakeDiscord fake = new FakeDiscord("slow-bench-token")) {
            DiscordBot bot = new DiscordBot(DiscordSettings.fromEnv(Map.of(DiscordSettings.TOKEN, "slow-bench-token",
                    DiscordSettings.API_URL, fake.apiUrl(), DiscordSettings.GATEWAY_URL, fake.gatewayUrl(),
                    DiscordSettings.GUILD_ID, fake.guild())), Duration.ofSeconds(30));
            try (MemoryDaily daily = new MemoryDaily(store, () -> bank, clock, List.of(bot.publisher()))) {
                bot.start(core(bank, clock, store, daily));
                List<FakeDiscord.Interaction> sent = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    sent.add(fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "architecture")));
                    sent.add(fake.subcommand(fake.admin, fake.general, "llmq-daily", "status"));
                }
                double[] ms = new double[sent.size()];
                for (int i = 0; i < sent.size(); i++) {
                    FakeDiscord.Interaction x = sent.get(i);
                    ms[i] = (x.awaitCallback(Duration.ofSeconds(60)).nanos() - x.sentNanos) / 1e6;
                }
                report("Discord: interaction to its callback (defer)", ms);
            } finally {
                bot.close();
            }
        }
    }

    private static void slack(QuestionBank bank, Clock clock, Store store, int n) throws Exception {
        try (FakeSlack fake = new FakeSlack("xoxb-slow-bench", "xapp-slow-bench").user("U0A", true, false, "en-US");
             SlackBot bot = new SlackBot(new SlackSettings("xoxb-slow-bench", "xapp-slow-bench",
                     Optional.of(fake.apiUrl()), Set.of()));
             MemoryDaily daily = new MemoryDaily(store, () -> bank, clock, List.of(bot.publisher()))) {
            bot.start(core(bank, clock, store, daily));
            fake.awaitConnections(1, Duration.ofSeconds(30));
            List<CompletableFuture<FakeSlack.Ack>> acks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                acks.add(fake.slashCommand("U0A", "C0BENCH", "architecture"));
                acks.add(fake.slashCommand("U0A", "C0BENCH", "daily status"));
            }
            double[] ms = new double[acks.size()];
            for (int i = 0; i < acks.size(); i++) {
                ms[i] = acks.get(i).get(60, TimeUnit.SECONDS).latencyNanos() / 1e6;
            }
            report("Slack: envelope to its ack", ms);
        }
    }

    private static void admins(QuestionBank bank, Clock clock) throws Exception {
        Store store = new MemoryStore();
        try (FakeSlack fake = new FakeSlack("xoxb-slow-bench", "xapp-slow-bench").user("U0ADA", true, false, "en-US")
                .user("U0BEA", true, false, "en-US");
             SlackBot bot = new SlackBot(new SlackSettings("xoxb-slow-bench", "xapp-slow-bench",
                     Optional.of(fake.apiUrl()), Set.of()));
             MemoryDaily daily = new MemoryDaily(store, () -> bank, clock, List.of(bot.publisher()))) {
            bot.start(core(bank, clock, store, daily));
            fake.awaitConnections(1, Duration.ofSeconds(30));
            fake.holdUsersInfo();
            fake.slashCommand("U0ADA", "C0ONE", "daily set 09:00 UTC").get(30, TimeUnit.SECONDS);
            fake.slashCommand("U0BEA", "C0TWO", "daily set 10:00 UTC").get(30, TimeUnit.SECONDS);
            Thread.sleep(500);
            long released = System.nanoTime();
            fake.releaseUsersInfo();
            String set = Msg.DAILY_SET.text(Lang.EN);
            List<FakeSlack.Call> answers = fake.awaitCalls(FakeSlack.RESPOND, c -> c.blocks().contains(set), 2,
                    Duration.ofSeconds(30));
            double[] ms = answers.stream().mapToDouble(c -> (c.atNanos() - released) / 1e6).toArray();
            report("Slack: two admins' daily set, answered after users.info", ms);
        }
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%-58s median %.1f ms, max %.1f ms (%d)%n", what, s[s.length / 2], s[s.length - 1], s.length);
    }
}
