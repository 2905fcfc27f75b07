package dev.llmq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import dev.llmq.core.testing.MemoryDaily;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MutableClock;
import dev.llmq.discord.fake.CapturedLogs;
import dev.llmq.discord.fake.FakeDiscord;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The real bot (JDA and all) connected to a {@link FakeDiscord}, with the fixture bank and a hand-moved clock. */
final class Harness implements AutoCloseable {
    static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.fake-token.DO_NOT_LOG_ME";
    static final Duration WAIT = Duration.ofSeconds(10);

    final FakeDiscord fake;
    final MutableClock clock;
    final QuestionBank bank;
    final DiscordBot bot;
    final int logMark;

    private Harness(FakeDiscord fake, MutableClock clock, QuestionBank bank, DiscordBot bot, int logMark) {
        this.fake = fake;
        this.clock = clock;
        this.bank = bank;
        this.bot = bot;
        this.logMark = logMark;
    }

    static Harness start() throws Exception {
        return start(Map.of());
    }

    static Harness start(Map<String, String> extraEnv) throws Exception {
        return start(extraEnv, Optional.empty());
    }

    /** With {@code store} (a {@link dev.llmq.core.testing.GatedStore}'s, say) for the daily desk and the progress. */
    static Harness start(Map<String, String> extraEnv, Optional<dev.llmq.core.port.out.Store> store) throws Exception {
        return start(extraEnv, store, Fixtures.fixtureBank());
    }

    /** With another bank than the fixture one (the shipped bank, say). */
    static Harness start(QuestionBank bank) throws Exception {
        return start(Map.of(), Optional.empty(), bank);
    }

    private static Harness start(Map<String, String> extraEnv, Optional<dev.llmq.core.port.out.Store> store,
                                 QuestionBank bank) throws Exception {
        int mark = CapturedLogs.mark();
        FakeDiscord fake = new FakeDiscord(TOKEN);
        MutableClock clock = new MutableClock(Fixtures.EPOCH);
        try {
            DiscordBot bot = new DiscordBot(DiscordSettings.fromEnv(env(fake, extraEnv)), WAIT);
            // With a store, the channels' decks live in it too, as in llmq.jar.
            Decks decks = store.map(s -> new Decks(new java.util.Random(7), clock, Duration.ofHours(1), 1000,
                    Optional.<dev.llmq.core.port.out.DeckStore>of(s))).orElseGet(() -> Decks.seeded(7, clock));
            MemoryDaily daily = store.map(s -> new MemoryDaily(s, () -> bank, clock, List.of(bot.publisher())))
                    .orElseGet(() -> new MemoryDaily(() -> bank, clock, List.of(bot.publisher())));
            bot.start(new Quizmaster(() -> bank, decks, new LangPolicy(Optional.empty()), Optional.of(daily.desk),
                    store.map(s -> (dev.llmq.core.port.out.ProgressStore) s), clock).limitedBy(UserLimits.none()));
            return new Harness(fake, clock, bank, bot, mark);
        } catch (Exception | Error e) {
            fake.close();
            throw e;
        }
    }

    /** A core for tests that fail before any interaction: the fixture bank, no daily desk. */
    static Quizmaster core() {
        QuestionBank bank = Fixtures.fixtureBank();
        return new Quizmaster(() -> bank, Decks.seeded(7, Clock.systemUTC()), new LangPolicy(Optional.empty())).limitedBy(UserLimits.none());
    }

    static Map<String, String> env(FakeDiscord fake, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put(DiscordSettings.TOKEN, TOKEN);
        env.put(DiscordSettings.API_URL, fake.apiUrl());
        env.put(DiscordSettings.GATEWAY_URL, fake.gatewayUrl());
        env.put(DiscordSettings.GUILD_ID, fake.guild());
        env.putAll(extra);
        return env;
    }

    /** No protocol problems at the fake, and no WARN or ERROR line in the logs (JDA's or ours) since {@code mark}. */
    void assertClean(int mark, Predicate<CapturedLogs.Line> allowed) {
        assertEquals(List.of(), fake.problems(), "protocol problems at the fake Discord");
        List<CapturedLogs.Line> warnings = CapturedLogs.warnings(mark, allowed);
        assertEquals("", warnings.stream().map(Object::toString).collect(Collectors.joining("\n")),
                "WARN/ERROR lines in the logs");
    }

    @Override
    public void close() {
        bot.close();
        fake.close();
    }
}
