package dev.llmq.app.it;

import static dev.llmq.discord.fake.FakeDiscord.opt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.llmq.discord.fake.FakeDiscord;
import dev.llmq.slack.fake.FakeSlack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped artifact, as a user starts it: {@code java -jar llmq.jar run} in a process of its
 * own, with Discord and Slack configured at once, against the project's fake Discord and fake
 * Slack on 127.0.0.1. Run once on the JDK and once on the Docker image's jlink-ed runtime. It
 * fails when a library the platforms need is missing from the jar (Java-WebSocket was, once).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BothPlatformsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<Arguments> runtimes() {
        return Stream.of(Arguments.of("JDK", (java.util.function.Supplier<Path>) Artifacts::jdkJava),
                Arguments.of("jlink-ed runtime", (java.util.function.Supplier<Path>) Artifacts::jlinkedJava));
    }

    @ParameterizedTest(name = "on the {0}")
    @MethodSource("runtimes")
    void theJarRunsDiscordAndSlackAtOnceAndStopsCleanly(String runtime, java.util.function.Supplier<Path> java,
                                                       @TempDir Path dir) throws Exception {
        // Planted secrets: random, so a match in the output can only be a leak.
        String discordToken = "MTA5.planted." + secret();
        String botToken = "xoxb-planted-" + secret();
        String appToken = "xapp-planted-" + secret();
        try (FakeDiscord discord = new FakeDiscord(discordToken); FakeSlack slack = new FakeSlack(botToken, appToken)) {
            slack.user("U0ADMIN", true, false, "en-US").userZone("U0ADMIN", "Asia/Tokyo").member("U0ADMIN", "C0RUN");
            Map<String, String> env = Map.of(
                    "DISCORD_TOKEN", discordToken, "DISCORD_API_URL", discord.apiUrl(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "DISCORD_GUILD_ID", discord.guild(),
                    "SLACK_BOT_TOKEN", botToken, "SLACK_APP_TOKEN", appToken, "SLACK_API_URL", slack.apiUrl(),
                    "LLMQ_HTTP_PORT", "0", "LLMQ_DB_URL", "jdbc:sqlite:" + dir.resolve("llmq.db"));
            try (LlmqProcess llmq = LlmqProcess.start(java.get(), Artifacts.jar(), env, dir, "run")) {
                llmq.awaitErr("^llmq: Discord and Slack started; stop with Ctrl-C\\.$", WAIT);
                int port = Integer.parseInt(llmq.awaitErr("^llmq: HTTP on port (\\d+): ", WAIT).group(1));

                // The operator's view: both platforms connected and ready, health and metrics.
                HttpResponse<String> ready = get(port, "/readyz");
                assertEquals(200, ready.statusCode(), ready.body());
                assertTrue(ready.body().contains("\"discord\":true") && ready.body().contains("\"slack\":true"),
                        ready.body());
                assertEquals(200, get(port, "/healthz").statusCode());

                discordConversation(discord);
                slackConversation(slack);
                discordStudy(discord);
                slackStudy(slack);

                HttpResponse<String> metrics = get(port, "/metrics");
                assertEquals(200, metrics.statusCode());
                assertTrue(metrics.body().contains("llmq_"), "llmq's own meters are exported");

                // SIGTERM: exit 0, and "stopped" only once both platforms have said goodbye.
                assertEquals(0, llmq.sigterm(WAIT), llmq.err());
                List<LlmqProcess.Line> err = llmq.errLines();
                LlmqProcess.Line last = err.get(err.size() - 1);
                assertEquals("llmq: stopped", last.text(), llmq.err());
                FakeDiscord.Close gateway = discord.gatewayCloses().get(discord.gatewayCloses().size() - 1);
                FakeSlack.Close socket = slack.closes().get(slack.closes().size() - 1);
                assertTrue(gateway.byClient() && gateway.code() == 1000, "Discord got a clean close: " + gateway);
                assertTrue(socket.byClient() && socket.code() == 1000, "Slack got a clean close: " + socket
                        + "; all closes: " + slack.closes() + ", connections opened: " + slack.connectionsOpened()
                        + "\nllmq's stderr:\n" + llmq.err());
                assertTrue(gateway.atNanos() < last.atNanos() && socket.atNanos() < last.atNanos(),
                        "disconnected before 'llmq: stopped'");

                String all = llmq.err() + "\n" + llmq.out();
                for (String planted : List.of(discordToken, botToken, appToken, secretPart(discordToken),
                        secretPart(botToken), secretPart(appToken))) {
                    assertFalse(all.contains(planted), "a token was printed");
                }
                assertFalse(all.contains("\tat ") || all.contains("Exception in thread"), "a stack trace:\n" + all);
                assertEquals(List.of(), discord.problems(), "the fake saw no protocol problem");
            }
        }
    }

    private static void discordConversation(FakeDiscord fake) {
        // /llmq architecture, then Hint, Reveal and Next on that card.
        FakeDiscord.Interaction ask = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "architecture"));
        DataObject card = reply(ask);
        String id = card.getArray("embeds").getObject(0).getObject("footer").getString("text");
        List<String> buttons = FakeDiscord.buttonIds(ask.message());
        assertTrue(id.startsWith("arch-"), "an architecture question: " + id);
        assertEquals("reveal:" + id + ":en", buttons.get(0));
        assertTrue(buttons.contains("next:architecture:en"), buttons.toString());

        String hintId = buttons.stream().filter(b -> b.startsWith("hint:")).findFirst().orElseThrow(
                () -> new AssertionError("no Hint button on " + id + ": " + buttons));
        DataObject hint = reply(fake.button(fake.member, ask.message(), hintId));
        assertEquals(64, hint.getInt("flags") & 64, "the hint is private");

        DataObject answer = reply(fake.button(fake.member, ask.message(), buttons.get(0)));
        assertEquals(64, answer.getInt("flags") & 64, "the answer is private by default");
        assertTrue(answer.getArray("embeds").getObject(0).getObject("footer").getString("text").endsWith(id),
                "the answer is that question's");

        FakeDiscord.Interaction next = fake.button(fake.member, ask.message(), "next:architecture:en");
        DataObject nextCard = reply(next);
        String nextId = nextCard.getArray("embeds").getObject(0).getObject("footer").getString("text");
        assertTrue(nextId.startsWith("arch-") && !nextId.equals(id), "Next gives another architecture question: " + nextId);

        // An unknown topic and a stale button: polite replies, not silence.
        DataObject unknown = reply(fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "cooking")));
        assertTrue(unknown.getString("content").contains("cooking") && unknown.getString("content").contains("Topics:"),
                unknown.getString("content"));
        DataObject stale = reply(fake.button(fake.member, ask.message(), "reveal:gone-from-the-bank:en"));
        assertTrue(stale.getString("content").contains("no longer in the bank"), stale.getString("content"));

        // daily now: the post, and its discussion thread.
        int before = fake.messages(fake.daily).size();
        FakeDiscord.Interaction now = fake.subcommand(fake.admin, fake.general, "llmq-daily", "now",
                opt("channel", 7, Long.toUnsignedString(fake.daily)));
        now.awaitCallback(WAIT);
        now.awaitOriginalEdit(WAIT);
        List<DataObject> posts = fake.messages(fake.daily);
        assertEquals(before + 1, posts.size(), "one daily post");
        String postId = posts.get(posts.size() - 1).getString("id");
        fake.awaitRequest(r -> r.method().equals("POST")
                && r.path().equals("channels/" + fake.daily + "/messages/" + postId + "/threads"), WAIT);
    }

    private static void slackConversation(FakeSlack fake) throws Exception {
        JsonObject question = fake.commandAnswer("U0ADMIN", "C0RUN", "architecture", java.time.Duration.ofSeconds(30));
        Map<String, String> buttons = FakeSlack.buttons(question.get("blocks"));
        String reveal = buttons.get("llmq-reveal");
        assertTrue(reveal.startsWith("reveal:arch-"), reveal);
        String ts = "1700000000.000001";

        if (buttons.containsKey("llmq-hint")) {
            long since = System.nanoTime();
            fake.press("U0ADMIN", "C0RUN", ts, "llmq-hint", buttons.get("llmq-hint")).get(30, TimeUnit.SECONDS);
            assertEquals("ephemeral", fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= since, WAIT).params()
                    .get("response_type"));
        }
        long since = System.nanoTime();
        fake.press("U0ADMIN", "C0RUN", ts, "llmq-reveal", reveal).get(30, TimeUnit.SECONDS);
        FakeSlack.Call answer = fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= since, WAIT);
        assertEquals("ephemeral", answer.params().get("response_type"));

        long since2 = System.nanoTime();
        fake.press("U0ADMIN", "C0RUN", ts, "llmq-next", buttons.get("llmq-next")).get(30, TimeUnit.SECONDS);
        FakeSlack.Call next = fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= since2, WAIT);
        String nextReveal = FakeSlack.buttons(next.json("blocks")).get("llmq-reveal");
        assertTrue(nextReveal != null && nextReveal.startsWith("reveal:arch-") && !nextReveal.equals(reveal),
                "Next gives another architecture question: " + nextReveal);

        JsonObject unknown = fake.commandAnswer("U0ADMIN", "C0RUN", "cooking", java.time.Duration.ofSeconds(30));
        assertTrue(FakeSlack.text(unknown.get("blocks")).contains("cooking"), unknown.toString());

        long since3 = System.nanoTime();
        fake.press("U0ADMIN", "C0RUN", ts, "llmq-reveal", "reveal:gone-from-the-bank:en").get(30, TimeUnit.SECONDS);
        FakeSlack.Call stale = fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= since3, WAIT);
        assertTrue(stale.blocks().contains("no longer in the bank"), stale.blocks());

        long since4 = System.nanoTime();
        fake.slashCommand("U0ADMIN", "C0RUN", "daily now").get(30, TimeUnit.SECONDS);
        fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= since4, WAIT);
        fake.awaitCall("chat.postMessage", c -> "C0RUN".equals(c.params().get("channel")), WAIT);
    }

    /** Grade Good, review (nothing due until the card's day), settings, then forget-me with its confirmation. */
    private static void discordStudy(FakeDiscord fake) {
        FakeDiscord.Interaction ask = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "architecture"));
        reply(ask);
        FakeDiscord.Interaction reveal = fake.button(fake.member, ask.message(), FakeDiscord.buttonIds(ask.message()).get(0));
        reply(reveal);
        String good = FakeDiscord.buttonIds(reveal.message()).stream().filter(b -> b.startsWith("grade:") && b.endsWith(":3"))
                .findFirst().orElseThrow();
        String back = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString();
        assertTrue(reply(fake.button(fake.member, reveal.message(), good)).getString("content")
                .contains("comes back to you on " + back + " (in 2 days)"));

        DataObject review = reply(fake.slash(fake.member, fake.general, "llmq-review"));
        assertEquals(64, review.getInt("flags") & 64, "a review is private");
        assertTrue(review.getString("content").startsWith("Nothing is due today. Next due " + back + " (in 2 days): 1."),
                review.getString("content"));

        DataObject settings = reply(fake.subcommand(fake.member, fake.general, "llmq-settings", "me",
                opt("zone", 3, "Asia/Shanghai"), opt("streaks", 5, true)));
        assertTrue(settings.getString("content").contains("time zone: Asia/Shanghai")
                && settings.getString("content").contains("streaks: on"), settings.getString("content"));

        // issue 15: the stats card is a private PNG attachment; Share posts it to the channel
        FakeDiscord.Interaction stats = fake.slash(fake.member, fake.general, "llmq-stats");
        DataObject card = reply(stats);
        assertEquals(64, card.getInt("flags") & 64, "the stats card is private");
        assertTrue(card.getString("content").startsWith("Your study card: 0 due today · 1 reviews this week."),
                card.getString("content"));
        List<FakeDiscord.FilePart> attached = stats.awaitOriginalEdit(WAIT).files();
        assertEquals(1, attached.size());
        assertTrue(attached.get(0).fileName().matches("llmq-stats-\\d{4}-\\d\\d-\\d\\d\\.png"), attached.get(0).fileName());
        assertEquals(960, png(attached.get(0).bytes()).getWidth());
        assertEquals(List.of("share:stats:en"), FakeDiscord.buttonIds(stats.message()));
        FakeDiscord.Interaction share = fake.button(fake.member, stats.message(), "share:stats:en");
        DataObject shared = reply(share);
        assertEquals(0, shared.getInt("flags", 0) & 64, "shared to the channel");
        assertEquals(960, png(share.awaitOriginalEdit(WAIT).files().get(0).bytes()).getWidth());

        FakeDiscord.Interaction export = fake.slash(fake.member, fake.general, "llmq-export", opt("scope", 3, "all"));
        assertTrue(reply(export).getString("content").startsWith("1 questions (all your cards) for Anki"));
        FakeDiscord.FilePart anki = export.awaitOriginalEdit(WAIT).files().get(0);
        List<String> lines = new String(anki.bytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertEquals(dev.llmq.core.study.AnkiExport.HEADER, lines.subList(0, 6));
        assertTrue(lines.get(6).startsWith("llmq::architecture\tllmq-"), lines.get(6));

        DataObject board = reply(fake.slash(fake.member, fake.general, "llmq-leaderboard")).getArray("embeds")
                .getObject(0);
        assertEquals("Nobody is on the board yet this week.", board.getString("description"));
        reply(fake.subcommand(fake.member, fake.general, "llmq-settings", "me", opt("leaderboard", 5, true)));
        String mention = "<@" + Long.toUnsignedString(fake.member.id()) + ">";
        String rows = reply(fake.slash(fake.member, fake.general, "llmq-leaderboard")).getArray("embeds").getObject(0)
                .getString("description");
        assertEquals("**1.** " + mention + " · 1 reviews · 1 Good or Easy", rows.strip());

        FakeDiscord.Interaction forget = fake.slash(fake.member, fake.general, "llmq-forget-me");
        reply(forget);
        String confirm = FakeDiscord.buttonIds(forget.message()).get(0);
        assertEquals("forget:me:en", confirm);
        String done = reply(fake.button(fake.member, forget.message(), confirm)).getString("content");
        assertTrue(done.startsWith("Done: ") && done.contains("records about you were deleted"), done);
        assertTrue(reply(fake.slash(fake.member, fake.general, "llmq-review")).getString("content")
                .startsWith("Nothing to review yet"), "the card went with the rest");
    }

    /** On Slack the zone comes from users.info (tz) until the member sets one; the App Home shows the settings. */
    private static void slackStudy(FakeSlack fake) throws Exception {
        JsonObject question = fake.commandAnswer("U0ADMIN", "C0RUN", "emergence", java.time.Duration.ofSeconds(30));
        String ts = "1700000000.000002";
        long since = System.nanoTime();
        fake.press("U0ADMIN", "C0RUN", ts, "llmq-reveal", FakeSlack.buttons(question.get("blocks")).get("llmq-reveal"))
                .get(30, TimeUnit.SECONDS);
        FakeSlack.Call answer = fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= since, WAIT);
        Map<String, String> grades = FakeSlack.buttons(answer.json("blocks"));
        long since2 = System.nanoTime();
        fake.press("U0ADMIN", "C0RUN", ts, "llmq-grade-3", grades.get("llmq-grade-3")).get(30, TimeUnit.SECONDS);
        FakeSlack.Call graded = fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= since2, WAIT);
        String back = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(2).toString();
        assertTrue(graded.blocks().contains("Good: this question comes back to you on " + back), graded.blocks());

        JsonObject review = fake.commandAnswer("U0ADMIN", "C0RUN", "review", java.time.Duration.ofSeconds(30));
        assertEquals("ephemeral", review.get("response_type").getAsString());
        assertTrue(FakeSlack.text(review.get("blocks")).contains("Next due " + back), review.toString());
        JsonObject settings = fake.commandAnswer("U0ADMIN", "C0RUN", "settings", java.time.Duration.ofSeconds(30));
        assertTrue(FakeSlack.text(settings.get("blocks")).contains("automatic (Asia/Tokyo now)"), settings.toString());

        long since3 = System.nanoTime();
        fake.appHomeOpened("U0ADMIN").get(30, TimeUnit.SECONDS);
        FakeSlack.Call home = fake.awaitCall("views.publish", c -> c.atNanos() >= since3, WAIT);
        assertTrue(home.params().get("view").contains("Your settings"), home.params().get("view"));

        // issue 15: a private file goes to the member's direct messages (files.getUploadURLExternal, the
        // bytes, files.completeUploadExternal); Share uploads it to the channel
        int before = fake.sharedFiles().size();
        JsonObject stats = fake.commandAnswer("U0ADMIN", "C0RUN", "stats", java.time.Duration.ofSeconds(30));
        assertEquals("ephemeral", stats.get("response_type").getAsString());
        assertTrue(FakeSlack.text(stats.get("blocks")).contains("Sent to your direct messages"), stats.toString());
        FakeSlack.SharedFile card = fake.awaitSharedFile(before + 1, WAIT);
        assertEquals(Optional.of("DU0ADMIN"), card.channel());
        assertTrue(card.initialComment().startsWith("Your study card: 0 due today · 1 reviews this week."),
                card.initialComment());
        assertEquals(960, png(card.bytes()).getWidth());
        long since5 = System.nanoTime();
        fake.press("U0ADMIN", "C0RUN", ts, "llmq-share", FakeSlack.buttons(stats.get("blocks")).get("llmq-share"))
                .get(30, TimeUnit.SECONDS);
        FakeSlack.SharedFile sharedCard = fake.awaitSharedFile(before + 2, WAIT);
        assertEquals(Optional.of("C0RUN"), sharedCard.channel());
        assertTrue(fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= since5, WAIT).blocks()
                .contains("Shared in this channel."));
        fake.commandAnswer("U0ADMIN", "C0RUN", "export all csv", java.time.Duration.ofSeconds(30));
        FakeSlack.SharedFile csv = fake.awaitSharedFile(before + 3, WAIT);
        assertTrue(csv.name().endsWith(".csv"), csv.name());
        assertTrue(new String(csv.bytes(), java.nio.charset.StandardCharsets.UTF_8)
                .startsWith("\"deck\",\"guid\",\"front\",\"back\",\"tags\"\r\n\"llmq::emergence\""));
        JsonObject board = fake.commandAnswer("U0ADMIN", "C0RUN", "leaderboard", java.time.Duration.ofSeconds(30));
        assertTrue(FakeSlack.text(board.get("blocks")).contains("Nobody is on the board yet this week."), board.toString());

        JsonObject forget = fake.commandAnswer("U0ADMIN", "C0RUN", "forget-me", java.time.Duration.ofSeconds(30));
        long since4 = System.nanoTime();
        fake.press("U0ADMIN", "C0RUN", ts, "llmq-forget", FakeSlack.buttons(forget.get("blocks")).get("llmq-forget"))
                .get(30, TimeUnit.SECONDS);
        FakeSlack.Call done = fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= since4, WAIT);
        assertTrue(done.blocks().contains("records about you were deleted"), done.blocks());
    }

    private static java.awt.image.BufferedImage png(byte[] bytes) {
        try {
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static DataObject reply(FakeDiscord.Interaction i) {
        return i.reply(WAIT); // the callback's message, or the edit (or private follow-up) of a deferred reply
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String secret() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String secretPart(String token) {
        return token.substring(token.length() - 24);
    }
}
