package dev.llmq.app.bench;

import static dev.llmq.discord.fake.FakeDiscord.opt;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.out.DeckStore;
import dev.llmq.core.port.out.Store;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.testing.MemoryDaily;
import dev.llmq.core.testing.MemoryStore;
import dev.llmq.core.testing.SlowStore;
import dev.llmq.discord.DiscordBot;
import dev.llmq.discord.DiscordSettings;
import dev.llmq.discord.fake.FakeDiscord;
import dev.llmq.slack.SlackBot;
import dev.llmq.slack.SlackSettings;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Harness (not a test): bursts of simultaneous interactions on Discord and envelopes on Slack,
 * through llmq's real bots against the fakes, on a store whose every write takes {@code writeMs}
 * (default 200). Each interaction is timed from the moment the fake sends it to the moment its
 * answer reaches the fake (Discord: the callback, or the edit that finishes a deferred reply;
 * Slack: the response_url call). The users are spread over 50 channels, each acting once a
 * burst, so the per-user rate limit (as shipped: 30 a minute) does not trip, as it would not for
 * a study group; on Slack the same members come back every burst (users.info is then cached).
 *
 * <p>Discord: a round of {@code n} asks, then each burst is {@code n/2} asks and {@code n/2}
 * reveals of the previous round's questions, all sent back to back. Slack: bursts of {@code n}
 * asks. Beside each, the bare library doing the same with nothing of llmq: bare JDA defers, waits
 * {@code writeMs} and edits in a constant; bare Bolt acks, waits and responds with a constant.
 * The first {@code warmups} bursts of each warm the JIT up and are not counted.
 *
 * <p>Usage: {@code LoadLatency [n=500] [writeMs=200] [bursts=3] [warmups=3]}; the command is in
 * docs/benchmarks.md.
 */
public final class LoadLatency {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Bursts first sent to warm the JIT up, not counted. */
    private static int warmups = 3;
    private static final String[] TOPICS = {"architecture", "attention", "moe", "rag", "tokenization", "inference"};

    private LoadLatency() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Duration write = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 200);
        int bursts = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        warmups = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        QuestionBank bank = bank();
        Clock clock = Clock.systemUTC();
        System.out.printf("store: every write takes %d ms; bursts of %d, %d counted after %d warm-up bursts; %s%n",
                write.toMillis(), n, bursts, warmups, Runtime.version());
        discord(bank, clock, SlowStore.writes(new MemoryStore(), write), n, bursts);
        bareDiscord(write, n, bursts);
        slack(bank, clock, SlowStore.writes(new MemoryStore(), write), n, bursts);
        bareSlack(write, n, bursts);
        System.exit(0);
    }

    private static QuestionBank bank() throws Exception {
        for (Path p : List.of(Path.of("questions.yaml"), Path.of("..", "questions.yaml"))) {
            if (Files.isRegularFile(p)) {
                return BankLoader.load(List.of(p));
            }
        }
        throw new IllegalStateException("run from the repository root: questions.yaml not found");
    }

    /** As App wires it: decks and progress in the store, the shipped per-user rate limit. */
    private static Quizmaster core(QuestionBank bank, Clock clock, Store store, MemoryDaily daily) {
        Decks decks = new Decks(new SecureRandom(), clock, Duration.ofHours(1), 100_000, Optional.<DeckStore>of(store));
        return new Quizmaster(() -> bank, decks, new LangPolicy(Optional.empty()), Optional.of(daily.desk),
                Optional.of(store), clock);
    }

    private static void discord(QuestionBank bank, Clock clock, Store store, int n, int bursts) throws Exception {
        try (FakeDiscord fake = new FakeDiscord("load-bench-token")) {
            long[] channels = new long[50];
            for (int i = 0; i < channels.length; i++) {
                channels[i] = fake.addTextChannel("study-" + i);
            }
            DiscordBot bot = new DiscordBot(DiscordSettings.fromEnv(Map.of(DiscordSettings.TOKEN, "load-bench-token",
                    DiscordSettings.API_URL, fake.apiUrl(), DiscordSettings.GATEWAY_URL, fake.gatewayUrl(),
                    DiscordSettings.GUILD_ID, fake.guild())), Duration.ofSeconds(30));
            try (MemoryDaily daily = new MemoryDaily(store, () -> bank, clock, List.of(bot.publisher()))) {
                bot.start(core(bank, clock, store, daily));
                List<FakeDiscord.Interaction> previous = new ArrayList<>();
                int user = 0;
                for (int b = 1 - warmups; b <= bursts; b++) {
                    List<FakeDiscord.Interaction> asks = new ArrayList<>();
                    List<FakeDiscord.Interaction> all = new ArrayList<>();
                    int reveals = previous.isEmpty() ? 0 : n / 2;
                    for (int i = 0; i < n; i++) {
                        FakeDiscord.User u = new FakeDiscord.User(1_000_000L + user++, "student" + user, List.of(), "en-US");
                        long channel = channels[i % channels.length];
                        if (i < reveals) {
                            FakeDiscord.Interaction q = previous.get(i);
                            all.add(fake.button(u, q.message(), FakeDiscord.buttonIds(q.message()).get(0)));
                        } else {
                            FakeDiscord.Interaction a = fake.slash(u, channel, "llmq",
                                    opt("topic", 3, TOPICS[i % TOPICS.length]));
                            asks.add(a);
                            all.add(a);
                        }
                    }
                    double[] ms = new double[all.size()];
                    for (int i = 0; i < all.size(); i++) {
                        ms[i] = (all.get(i).answeredNanos(WAIT) - all.get(i).sentNanos) / 1e6;
                    }
                    for (FakeDiscord.Interaction a : asks) {
                        a.reply(WAIT); // the card is stored before its buttons are pressed
                    }
                    report(b <= 0 ? "Discord warm-up (not counted)" : "Discord burst " + b + " (" + reveals
                            + " reveals, " + (n - reveals) + " asks)", ms);
                    previous = asks;
                }
                System.out.println("  the fake saw no protocol problem: " + fake.problems().isEmpty());
            } finally {
                bot.close();
            }
        }
    }

    /**
     * The baseline: bare JDA doing what llmq does for an ask, with nothing of llmq: defer, wait
     * {@code write} on a virtual thread (the store's write), then edit in a constant text.
     */
    private static void bareDiscord(Duration write, int n, int bursts) throws Exception {
        try (FakeDiscord fake = new FakeDiscord("load-bare-token")) {
            long[] channels = new long[50];
            for (int i = 0; i < channels.length; i++) {
                channels[i] = fake.addTextChannel("study-" + i);
            }
            net.dv8tion.jda.api.JDA jda = dev.llmq.discord.BareJdaBot.client("load-bare-token", fake.apiUrl(),
                    fake.gatewayUrl(), new net.dv8tion.jda.api.hooks.ListenerAdapter() {
                        @Override
                        public void onSlashCommandInteraction(
                                net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent event) {
                            event.deferReply().queue();
                            Thread.ofVirtual().start(() -> {
                                try {
                                    Thread.sleep(write.toMillis());
                                } catch (InterruptedException e) {
                                    return;
                                }
                                event.getHook().editOriginal("pong").queue();
                            });
                        }
                    });
            try {
                int user = 0;
                for (int b = 1 - warmups; b <= bursts; b++) {
                    List<FakeDiscord.Interaction> all = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        FakeDiscord.User u = new FakeDiscord.User(5_000_000L + user++, "bare" + user, List.of(), "en-US");
                        all.add(fake.slash(u, channels[i % channels.length], "llmq",
                                opt("topic", 3, TOPICS[i % TOPICS.length])));
                    }
                    double[] ms = new double[all.size()];
                    for (int i = 0; i < all.size(); i++) {
                        ms[i] = (all.get(i).answeredNanos(WAIT) - all.get(i).sentNanos) / 1e6;
                    }
                    report(b <= 0 ? "bare JDA warm-up (not counted)" : "bare JDA burst " + b + " (" + n
                            + " defer, wait, edit)", ms);
                }
            } finally {
                jda.shutdownNow();
            }
        }
    }

    /** The baseline on Slack: bare Bolt, ack at once, wait {@code write} on a virtual thread, respond with a constant. */
    private static void bareSlack(Duration write, int n, int bursts) throws Exception {
        try (FakeSlack fake = new FakeSlack("xoxb-load-bare", "xapp-load-bare")) {
            com.slack.api.SlackConfig config = new com.slack.api.SlackConfig(); // as llmq's SlackClients sets it up
            config.setStatsEnabled(false);
            config.setProxyUrl(null);
            config.setMethodsEndpointUrlPrefix(fake.apiUrl());
            com.slack.api.Slack slackClient = com.slack.api.Slack.getInstance(config);
            com.slack.api.bolt.App app = new com.slack.api.bolt.App(com.slack.api.bolt.AppConfig.builder()
                    .singleTeamBotToken("xoxb-load-bare").slack(slackClient).build());
            app.command("/llmq", (req, ctx) -> {
                Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(write.toMillis());
                        ctx.respond("pong");
                    } catch (Exception e) {
                        System.err.println("bare Bolt could not respond: " + e);
                    }
                });
                return ctx.ack();
            });
            com.slack.api.bolt.socket_mode.SocketModeApp sma = new com.slack.api.bolt.socket_mode.SocketModeApp(
                    "xapp-load-bare", app, com.slack.api.socket_mode.SocketModeClient.Backend.JavaWebSocket,
                    new SlackSettings("xoxb-load-bare", "xapp-load-bare", Optional.of(fake.apiUrl()), Set.of()).concurrency());
            sma.startAsync();
            try {
                fake.awaitConnections(1, Duration.ofSeconds(30));
                int user = 0;
                for (int b = 1 - warmups; b <= bursts; b++) {
                    List<FakeSlack.SentCommand> sent = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        sent.add(fake.slashCommandTracked(String.format(Locale.ROOT, "U%07d", user++),
                                String.format(Locale.ROOT, "C%07d", i % 50), TOPICS[i % TOPICS.length]));
                    }
                    double[] ms = new double[n];
                    for (int i = 0; i < n; i++) {
                        FakeSlack.SentCommand s = sent.get(i);
                        s.ack().get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                        FakeSlack.Call answer = fake.awaitCall(FakeSlack.RESPOND,
                                c -> s.responsePath().equals(c.params().get("_url")), WAIT);
                        ms[i] = (answer.atNanos() - s.sentNanos()) / 1e6;
                    }
                    report(b <= 0 ? "bare Bolt warm-up (not counted)" : "bare Bolt burst " + b + " (" + n
                            + " ack, wait, respond)", ms);
                }
            } finally {
                sma.close();
            }
        }
    }

    private static void slack(QuestionBank bank, Clock clock, Store store, int n, int bursts) throws Exception {
        try (FakeSlack fake = new FakeSlack("xoxb-load-bench", "xapp-load-bench");
             SlackBot bot = new SlackBot(new SlackSettings("xoxb-load-bench", "xapp-load-bench",
                     Optional.of(fake.apiUrl()), Set.of()));
             MemoryDaily daily = new MemoryDaily(store, () -> bank, clock, List.of(bot.publisher()))) {
            // the same n members every burst, as a study group is: users.info is asked once each, then
            // cached; six bursts a minute are still far under the rate limit of 30 a minute
            int users = n;
            for (int i = 0; i < users; i++) {
                fake.user(String.format(Locale.ROOT, "U%07d", i), false, false, "en-US");
            }
            bot.start(core(bank, clock, store, daily));
            fake.awaitConnections(1, Duration.ofSeconds(30));
            int user = 0;
            for (int b = 1 - warmups; b <= bursts; b++) {
                List<FakeSlack.SentCommand> sent = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    sent.add(fake.slashCommandTracked(String.format(Locale.ROOT, "U%07d", user++ % users),
                            String.format(Locale.ROOT, "C%07d", i % 50), TOPICS[i % TOPICS.length]));
                }
                double[] ms = new double[n];
                double[] acks = new double[n];
                for (int i = 0; i < n; i++) {
                    FakeSlack.SentCommand s = sent.get(i);
                    acks[i] = s.ack().get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).latencyNanos() / 1e6;
                    FakeSlack.Call answer = fake.awaitCall(FakeSlack.RESPOND,
                            c -> s.responsePath().equals(c.params().get("_url")), WAIT);
                    ms[i] = (answer.atNanos() - s.sentNanos()) / 1e6;
                }
                String name = b <= 0 ? "Slack warm-up (not counted)" : "Slack burst " + b + " (" + n + " asks)";
                report(name + ", acks", acks);
                report(name + ", answers", ms);
            }
        }
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        long late = Arrays.stream(s).filter(x -> x > 1000).count();
        System.out.printf(Locale.ROOT, "%-52s median %6.1f ms, p99 %6.1f ms, max %6.1f ms; %d of %d over 1 s%n", what,
                s[s.length / 2], s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)], s[s.length - 1],
                late, s.length);
    }
}
