package dev.llmq.app;

import static dev.llmq.discord.fake.FakeDiscord.opt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.Topic;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.discord.fake.FakeDiscord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmq run} with DISCORD_* pointing at a fake Discord: the acceptance of the Discord issue, in-process. */
class DiscordRunTest {
    private static final String TOKEN = "MTA5ODc2NTQzMjE.planted.TOKEN_MUST_NOT_PRINT";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path BANK = Path.of("..", "questions.yaml");

    @Test
    void runWithNoPlatformSaysSoAndExits2() {
        CliHarness r = CliHarness.run(Map.of(), "", "run");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no platform is configured"), r.err());
    }

    @Test
    void runRegistersLlmqAndAnswersFromTheBankUntilStopped() throws Exception {
        QuestionBank bank = BankLoader.load(List.of(BANK));
        try (FakeDiscord fake = new FakeDiscord(TOKEN)) {
            Running run = Running.start(env(fake, Map.of()), "run");
            FakeDiscord.Req put = fake.awaitRequest(r -> r.method().equals("PUT"), WAIT);
            assertEquals("applications/" + fake.appId + "/guilds/" + fake.guild() + "/commands", put.path());
            assertTrue(put.jsonArray().getObject(0).getString("name").equals("llmq"));

            FakeDiscord.Interaction ask = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "architecture"));
            DataObject card = reply(ask); // deferred: the deck is in the store
            String id = card.getArray("embeds").getObject(0).getObject("footer").getString("text");
            Question q = bank.question(id).orElseThrow(() -> new AssertionError("not from the bank: " + id));
            assertEquals("architecture", q.topicId());
            assertEquals(q.prompt().en(), card.getArray("embeds").getObject(0).getString("description"));
            String reveal = FakeDiscord.buttonIds(ask.message()).get(0);
            assertEquals("reveal:" + id + ":en", reveal);

            FakeDiscord.Interaction press = fake.button(fake.member, ask.message(), reveal);
            DataObject deferred = press.awaitCallback(WAIT).json();
            assertEquals(5, deferred.getInt("type"), "a reveal records progress in the store: deferred first");
            assertEquals(64, deferred.getObject("data").getInt("flags") & 64, "ephemeral");
            DataObject answer = reply(press);
            assertTrue(answer.getArray("embeds").getObject(0).getString("description").contains(q.answer().en()));

            DataObject unknown = reply(fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "cooking")));
            String topics = bank.topics().stream().map(Topic::id).collect(Collectors.joining(", "));
            assertTrue(unknown.getString("content").contains(topics), unknown.getString("content"));

            // The operator's view while connected: health, readiness (bank, store, discord) and metrics.
            java.util.regex.Matcher port = java.util.regex.Pattern.compile("HTTP on port (\\d+)").matcher(run.err());
            assertTrue(port.find(), run.err());
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.util.function.Function<String, java.net.http.HttpResponse<String>> get = path -> {
                try {
                    return http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port.group(1) + path)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            assertEquals(200, get.apply("/healthz").statusCode());
            java.net.http.HttpResponse<String> ready = get.apply("/readyz");
            assertEquals(200, ready.statusCode(), ready.body());
            assertEquals("{\"ready\":true,\"checks\":{\"bank\":true,\"store\":true,\"discord\":true}}\n", ready.body());
            String metrics = get.apply("/metrics").body();
            assertTrue(metrics.contains("llmq_commands_total{command=\"ask\",platform=\"discord\",topic=\"architecture\"} 1.0"),
                    metrics);
            assertTrue(metrics.contains("llmq_reveals_total{platform=\"discord\"} 1.0"), metrics);
            assertTrue(metrics.contains("llmq_interaction_latency_seconds_count{platform=\"discord\"}"), metrics);
            assertFalse(metrics.contains(TOKEN) || ready.body().contains(TOKEN));

            assertEquals(0, run.stop(), run.err());
            assertTrue(run.err().contains("llmq: Discord: connected as llmq"), run.err());
            assertTrue(run.err().contains("llmq: Discord: invite: https://discord.com/oauth2/authorize?client_id="
                    + fake.appId + "&scope=bot+applications.commands&permissions=" + dev.llmq.discord.DiscordBot.PERMISSIONS), run.err());
            assertTrue(run.err().contains("llmq: store: "), run.err());
            assertTrue(run.err().contains("llmq: stopped"), run.err());
            assertFalse(run.err().contains("TOKEN_MUST_NOT_PRINT") || run.out().contains("TOKEN_MUST_NOT_PRINT"));
            assertEquals(List.of(), fake.problems());
        }
    }

    @Test
    void aRefusedTokenExits1WithAClearMessageAndNoToken() throws Exception {
        try (FakeDiscord fake = new FakeDiscord("another-token")) {
            CliHarness r = CliHarness.run(env(fake, Map.of()), "", "run");
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().startsWith("llmq: DISCORD_TOKEN: Discord refused the bot token (401 Unauthorized) ("), r.err());
            assertEquals(1, r.err().lines().count(), "one line: " + r.err());
            assertFalse(r.err().contains("TOKEN_MUST_NOT_PRINT"), r.err());
        }
    }

    @Test
    void configurationMistakesExit2(@TempDir Path dir) {
        CliHarness missing = CliHarness.run(Map.of("DISCORD_TOKEN_FILE", dir.resolve("nope").toString()), "", "run");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("DISCORD_TOKEN_FILE: cannot read"), missing.err());
        CliHarness guild = CliHarness.run(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_GUILD_ID", "general"), "", "run");
        assertEquals(2, guild.exitCode());
        assertTrue(guild.err().startsWith("llmq: DISCORD_GUILD_ID: 'general' is not a server id ("), guild.err());
        assertFalse(guild.err().contains("TOKEN_MUST_NOT_PRINT"), guild.err());
    }

    @Test
    void theTokenFileWorksAndTheDefaultCommandIsRunWhenATokenIsSet(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        try (FakeDiscord fake = new FakeDiscord(TOKEN)) {
            Map<String, String> env = env(fake, Map.of());
            env.remove("DISCORD_TOKEN");
            env.put("DISCORD_TOKEN_FILE", file.toString());
            Running run = Running.start(env);
            fake.awaitRequest(r -> r.method().equals("PUT"), WAIT);
            // help waits on nothing once llmq is up; before its store is open, everything is deferred (StartingCore)
            run.awaitStarted();
            assertEquals(4, fake.slash(fake.member, fake.general, "llmq-help").awaitCallback(WAIT).json().getInt("type"));
            assertEquals(0, run.stop(), run.err());
        }
    }

    /** Issue 14: the grades under an answer, in a row of their own; a grade is the presser's and is answered privately. */
    @Test
    void aGradeUnderTheAnswerIsAnsweredPrivatelyWithTheDayTheQuestionComesBack() throws Exception {
        try (FakeDiscord fake = new FakeDiscord(TOKEN)) {
            Running run = Running.start(env(fake, Map.of()), "run");
            fake.awaitRequest(r -> r.method().equals("PUT"), WAIT);
            FakeDiscord.Interaction ask = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "architecture"));
            reply(ask);
            FakeDiscord.Interaction reveal = fake.button(fake.member, ask.message(), FakeDiscord.buttonIds(ask.message()).get(0));
            reply(reveal);
            DataObject answer = reveal.message();
            net.dv8tion.jda.api.utils.data.DataArray rows = answer.getArray("components");
            net.dv8tion.jda.api.utils.data.DataArray grades = rows.getObject(rows.length() - 1).getArray("components");
            List<String> labels = new java.util.ArrayList<>();
            for (int i = 0; i < grades.length(); i++) {
                labels.add(grades.getObject(i).getString("label"));
            }
            assertEquals(List.of("Again", "Hard", "Good", "Easy"), labels, "the grades' own row");
            String good = grades.getObject(2).getString("custom_id");
            assertTrue(good.startsWith("grade:") && good.endsWith(":en:3"), good);

            FakeDiscord.Interaction grade = fake.button(fake.member, answer, good);
            DataObject deferred = grade.awaitCallback(WAIT).json();
            assertEquals(5, deferred.getInt("type"), "a grade is written to the store: deferred first");
            assertEquals(64, deferred.getObject("data").getInt("flags") & 64, "and private");
            String due = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString();
            String text = reply(grade).getString("content");
            assertTrue(text.contains("Good: this question comes back to you on " + due + " (in 2 days)."), text);
            assertEquals(0, run.stop(), run.err());
            assertEquals(List.of(), fake.problems());
        }
    }

    /**
     * Discord connects while the bank loads and the store opens: when either fails, start-up
     * says so in its one line, and the connection it had begun is closed, not left behind.
     */
    @Test
    void aBadBankOrStoreStopsStartUpInOneLineAndClosesTheConnectionBegunMeanwhile(@TempDir Path dir) throws Exception {
        Path invalid = Files.writeString(dir.resolve("bank.yaml"), "topics: [\n");
        try (FakeDiscord fake = new FakeDiscord(TOKEN)) {
            CliHarness bank = CliHarness.run(env(fake, Map.of("LLMQ_QUESTIONS", invalid.toString())), "", "run");
            assertEquals(2, bank.exitCode(), bank.err());
            assertTrue(bank.err().startsWith("llmq: ") && bank.err().contains(invalid + ":2:1: (yaml): YAML syntax error"),
                    bank.err());
            assertFalse(bank.err().contains("llmq: stopped"), "it never started: " + bank.err());
            assertAllClosed(fake);

            Path directory = Files.createDirectories(dir.resolve("a-directory.db"));
            CliHarness store = CliHarness.run(env(fake, Map.of("LLMQ_DB_URL", "jdbc:sqlite:" + directory)), "", "run");
            assertEquals(2, store.exitCode(), store.err());
            assertTrue(store.err().startsWith("llmq: LLMQ_DB_URL: "), store.err());
            assertEquals(1, store.err().lines().count(), "one line: " + store.err());
            assertAllClosed(fake);
            assertFalse(bank.err().contains("TOKEN_MUST_NOT_PRINT") || store.err().contains("TOKEN_MUST_NOT_PRINT"));
        }
    }

    /** Every gateway connection the bot opened is closed (it may not have got as far as opening one). */
    private static void assertAllClosed(FakeDiscord fake) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (fake.gatewayCloses().size() < fake.gatewayConnections().size() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(fake.gatewayConnections().size(), fake.gatewayCloses().size(),
                "connections " + fake.gatewayConnections() + ", closes " + fake.gatewayCloses());
    }

    @Test
    void aBusyHttpPortIsNamedInOneLine() throws Exception {
        try (FakeDiscord fake = new FakeDiscord(TOKEN); java.net.ServerSocket busy = new java.net.ServerSocket(0)) {
            CliHarness r = CliHarness.run(env(fake, Map.of("LLMQ_HTTP_PORT", String.valueOf(busy.getLocalPort()))), "", "run");
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("llmq: LLMQ_HTTP_PORT: port " + busy.getLocalPort() + " is in use (set another port, 0 for any "
                    + "free one, or off)", r.err().strip());
            assertFalse(r.err().contains(TOKEN), r.err());
        }
    }

    private static Map<String, String> env(FakeDiscord fake, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", TOKEN);
        env.put("DISCORD_API_URL", fake.apiUrl());
        env.put("DISCORD_GATEWAY_URL", fake.gatewayUrl());
        env.put("DISCORD_GUILD_ID", fake.guild());
        env.put("LLMQ_QUESTIONS", BANK.toString());
        env.put("LLMQ_HTTP_PORT", "0");
        try {
            env.put("LLMQ_DB_URL", "jdbc:sqlite:" + java.nio.file.Files.createTempDirectory("llmq-run").resolve("llmq.db"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        env.putAll(extra);
        return env;
    }

    /** {@code llmq args...} on a thread, with captured output, until {@link #stop()}. */
    private record Running(Main main, CompletableFuture<Integer> exit, ByteArrayOutputStream outBytes,
                           ByteArrayOutputStream errBytes) {
        static Running start(Map<String, String> env, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Main main = new Main(env, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), false);
            return new Running(main, CompletableFuture.supplyAsync(() -> Main.execute(main, args)), out, err);
        }

        /** Until the banner's last line: the store is open and every platform connected. */
        void awaitStarted() throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (!err().contains("started; stop with Ctrl-C.")) {
                if (System.nanoTime() > end || exit.isDone()) {
                    throw new AssertionError("llmq did not start: " + err());
                }
                Thread.sleep(10);
            }
        }

        int stop() throws Exception {
            main.stop.complete(null);
            return exit.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** The reply: in the callback, or, when deferred, the edit of @original that follows. */
    private static DataObject reply(FakeDiscord.Interaction i) {
        return i.reply(WAIT); // the callback's message, or the edit (or private follow-up) of a deferred reply
    }
}
