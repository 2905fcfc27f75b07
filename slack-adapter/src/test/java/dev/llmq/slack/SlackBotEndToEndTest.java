package dev.llmq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.StoredDailyDesk;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.port.out.PostRecord;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.quiz.Cards;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.testing.MemoryDaily;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MutableClock;
import dev.llmq.slack.fake.FakeSlack;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The real Bolt (socket mode, Java-WebSocket backend) against a fake Slack on 127.0.0.1. One bot
 * for the class; each test uses its own channel. Timeouts are generous: on loopback an ack was
 * seen to take seconds once in several thousand envelopes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlackBotEndToEndTest {
    static final String BOT = "xoxb-test-bot";
    static final String APP = "xapp-test-app";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ALICE = "U0ALICE";
    static final String ADMIN = "U0ADMIN";
    static final String LISTED = "U0LISTED";
    static final String ZH = "U0ZHANG";

    final QuestionBank bank = Fixtures.fixtureBank();
    final MutableClock clock = new MutableClock(Fixtures.EPOCH);
    FakeSlack fake;
    SlackBot bot;
    MemoryDaily daily;

    @BeforeAll
    void start() throws Exception {
        fake = new FakeSlack(BOT, APP)
                .user(ALICE, false, false, "en-US")
                .user(ADMIN, true, false, "en-GB")
                .user(LISTED, false, false, "en-US")
                .user(ZH, false, false, "zh-CN")
                .member(ZH, "C0HOME", "C0GENERAL");
        Decks decks = Decks.seeded(7, clock);
        bot = new SlackBot(new SlackSettings(BOT, APP, Optional.of(fake.apiUrl()), Set.of(LISTED)));
        daily = new MemoryDaily(() -> bank, clock, List.of(bot.publisher()));
        StoredDailyDesk desk = daily.desk;
        bot.start(new Quizmaster(() -> bank, decks, new LangPolicy(Optional.empty()), Optional.of(desk)).limitedBy(UserLimits.none()));
        fake.awaitConnections(1, WAIT);
    }

    @AfterAll
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    FakeSlack.Ack command(String user, String channel, String text) throws Exception {
        fake.awaitConnections(1, WAIT);
        return fake.slashCommand(user, channel, text).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    FakeSlack.Ack press(String user, String channel, String messageTs, String actionId, String value) throws Exception {
        fake.awaitConnections(1, WAIT);
        return fake.press(user, channel, messageTs, actionId, value).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The command's answer: llmq acks at once and answers through the command's response_url. */
    JsonObject answer(String user, String channel, String text) throws Exception {
        fake.awaitConnections(1, WAIT);
        return fake.commandAnswer(user, channel, text, WAIT);
    }

    /** The response_url call that answered the envelope (the fake numbers its response URLs). */
    FakeSlack.Call respondedAfter(long sinceNanos) throws InterruptedException {
        return fake.awaitCall(FakeSlack.RESPOND, c -> c.atNanos() >= sinceNanos, WAIT);
    }

    static String questionId(JsonObject payload) {
        String reveal = FakeSlack.buttons(payload.get("blocks")).get("llmq-reveal");
        return reveal.split(":")[1];
    }

    @Test
    void startUpChecksTheBotTokenAndOpensAFreshSocketUrlEachTime() {
        List<FakeSlack.Call> auth = fake.calls("auth.test");
        assertFalse(auth.isEmpty());
        assertTrue(auth.stream().allMatch(c -> BOT.equals(c.token())), "auth.test with the bot token");
        List<FakeSlack.Call> open = fake.calls("apps.connections.open");
        assertTrue(open.size() >= 2, "the SDK asks for a URL when it builds the client and again to connect");
        assertTrue(open.stream().allMatch(c -> APP.equals(c.token())), "apps.connections.open with the app token");
        assertTrue(fake.urlsIssued() >= fake.connectionsOpened());
    }

    @Test
    void slashCommandIsAckedAtOnceAndAnsweredWithTheQuestionAndItsButtons() throws Exception {
        FakeSlack.Ack ack = command(ALICE, "C0ACK", "architecture");
        assertTrue(ack.payload().isEmpty(), "acked at once, empty: the answer needs users.info and the store");
        JsonObject payload = answer(ALICE, "C0ASK", "architecture");
        assertEquals("in_channel", payload.get("response_type").getAsString());
        String id = questionId(payload);
        Question q = bank.question(id).orElseThrow();
        assertEquals("architecture", q.topicId());
        String blocks = FakeSlack.text(payload.get("blocks"));
        assertTrue(blocks.contains(q.prompt().get(Lang.EN)), blocks);
        Map<String, String> buttons = FakeSlack.buttons(payload.get("blocks"));
        assertEquals("reveal:" + id + ":en", buttons.get("llmq-reveal"));
        assertTrue(buttons.containsKey("llmq-next"), buttons.toString());
        assertEquals(!q.keyPoints().get(Lang.EN).isEmpty(), buttons.containsKey("llmq-hint"), buttons.toString());
        assertTrue(payload.get("text").getAsString().contains(q.prompt().get(Lang.EN)));
    }

    @Test
    void revealAnswersOnlyTheClickerThroughTheResponseUrl() throws Exception {
        JsonObject question = answer(ALICE, "C0REVEAL", "architecture");
        String id = questionId(question);
        long since = System.nanoTime();
        FakeSlack.Ack ack = press(ALICE, "C0REVEAL", "1700000000.000001", "llmq-reveal",
                FakeSlack.buttons(question.get("blocks")).get("llmq-reveal"));
        assertTrue(ack.payload().isEmpty(), "a press is acked empty and answered through the response_url");
        FakeSlack.Call answer = respondedAfter(since);
        assertEquals("ephemeral", answer.params().get("response_type"));
        assertEquals("false", answer.params().get("replace_original"));
        String blocks = answer.blocks();
        assertTrue(blocks.contains(Mrkdwn.escape(bank.question(id).orElseThrow().answer().get(Lang.EN))), blocks);
        assertTrue(blocks.contains(Msg.ANSWER_PRIVATE_NOTE.text(Lang.EN)), blocks);
        assertTrue(fake.calls("chat.postMessage").stream().noneMatch(c -> "C0REVEAL".equals(c.params().get("channel"))),
                "nothing is posted to the channel");
    }

    @Test
    void hintIsEphemeral() throws Exception {
        long since = System.nanoTime();
        press(ALICE, "C0HINT", "1700000000.000002", "llmq-hint", "hint:arch-families:en:1");
        FakeSlack.Call hint = respondedAfter(since);
        assertEquals("ephemeral", hint.params().get("response_type"));
        assertTrue(hint.blocks().contains("Think about attention masks."));
        assertEquals("hint:arch-families:en:2", FakeSlack.buttons(hint.json("blocks")).get("llmq-hint"));
    }

    @Test
    void publicRevealGoesIntoTheQuestionsThread() throws Exception {
        JsonObject question = answer(ALICE, "C0PUBLIC", "objectives public");
        String reveal = FakeSlack.buttons(question.get("blocks")).get("llmq-reveal");
        assertTrue(reveal.endsWith(":pub"), reveal);
        String id = questionId(question);
        press(ALICE, "C0PUBLIC", "1700000000.000777", "llmq-reveal", reveal);
        FakeSlack.Call post = fake.awaitCall("chat.postMessage", c -> "C0PUBLIC".equals(c.params().get("channel")), WAIT);
        assertEquals("1700000000.000777", post.params().get("thread_ts"));
        assertTrue(post.blocks().contains(Mrkdwn.escape(bank.question(id).orElseThrow().answer().get(Lang.EN))));
        assertFalse(post.blocks().contains(Msg.ANSWER_PRIVATE_NOTE.text(Lang.EN)));
    }

    @Test
    void staleButtonGetsAPoliteEphemeralReply() throws Exception {
        long since = System.nanoTime();
        press(ALICE, "C0STALE", "1700000000.000003", "llmq-reveal", "reveal:no-longer-here:en");
        FakeSlack.Call r = respondedAfter(since);
        assertEquals("ephemeral", r.params().get("response_type"));
        assertTrue(r.blocks().contains(Msg.STALE_BUTTON.text(Lang.EN)), r.blocks());

        since = System.nanoTime();
        press(ALICE, "C0STALE", "1700000000.000003", "llmq-reveal", "not-ours-at-all");
        FakeSlack.Call bad = respondedAfter(since);
        assertTrue(bad.blocks().contains(Msg.BAD_BUTTON.text(Lang.EN)));
    }

    @Test
    void unknownTopicIsAnsweredWithTheRealTopics() throws Exception {
        JsonObject payload = answer(ALICE, "C0ASK", "cooking");
        assertEquals("ephemeral", payload.get("response_type").getAsString());
        String blocks = FakeSlack.text(payload.get("blocks"));
        assertTrue(blocks.contains("architecture, objectives, emergence"), blocks);
    }

    @Test
    void topicsAndHelpAndChineseWork() throws Exception {
        String topics = FakeSlack.text(answer(ALICE, "C0ASK", "topics").get("blocks"));
        assertTrue(topics.contains("Training Objectives") && topics.contains("`emergence`"), topics);
        String help = FakeSlack.text(answer(ALICE, "C0ASK", "help").get("blocks"));
        assertTrue(help.contains(Msg.HELP_TOPICS.text(Lang.EN)), help);
        JsonObject zh = answer(ALICE, "C0ZH", "涌现 lang:zh");
        assertTrue(FakeSlack.text(zh.get("blocks")).contains("为什么能力看起来是涌现的"), zh.toString());
        assertTrue(FakeSlack.buttons(zh.get("blocks")).get("llmq-reveal").endsWith(":zh"));
    }

    @Test
    void theUsersSlackLocalePicksTheLanguage() throws Exception {
        JsonObject payload = answer(ZH, "C0LOCALE", "emergence");
        assertTrue(FakeSlack.text(payload.get("blocks")).contains("为什么能力看起来是涌现的"), payload.toString());
    }

    @Test
    void unparseableTextGetsEphemeralHelp() throws Exception {
        JsonObject payload = answer(ALICE, "C0ASK", "lang:klingon");
        assertEquals("ephemeral", payload.get("response_type").getAsString());
        String blocks = FakeSlack.text(payload.get("blocks"));
        assertTrue(blocks.contains(Msg.BAD_LANG.text(Lang.EN)), blocks);
        assertTrue(blocks.contains(Msg.HELP_TOPICS.text(Lang.EN)), "the help follows: " + blocks);

        JsonObject daily = answer(ALICE, "C0ASK", "daily sometimes");
        assertEquals("ephemeral", daily.get("response_type").getAsString());
    }

    @Test
    void userTextIsEscapedAndNeverMentionsEveryone() throws Exception {
        String all = answer(ALICE, "C0ESC", "<!channel> <!here> & <@U0BOB> <https://evil.example|click>").toString();
        for (String raw : List.of("<!channel>", "<!here>", "<@U0BOB>", "<https://evil")) {
            assertFalse(all.contains(raw), raw + " echoed raw: " + all);
        }
        assertTrue(all.contains("&lt;!channel&gt;") && all.contains("&amp;"), all);
    }

    @Test
    void nonAdminDailySetIsRefused() throws Exception {
        long since = System.nanoTime();
        FakeSlack.Ack ack = command(ALICE, "C0REFUSED", "daily set 09:00 Asia/Shanghai mon-fri architecture");
        assertTrue(ack.payload().isEmpty(), "daily commands are acked at once and answered later");
        FakeSlack.Call r = respondedAfter(since);
        assertEquals("ephemeral", r.params().get("response_type"));
        assertTrue(r.blocks().contains(Msg.ADMIN_ONLY_WORKSPACE.text(Lang.EN)), r.blocks());
        assertTrue(fake.calls("users.info").stream().anyMatch(c -> ALICE.equals(c.params().get("user"))));

        since = System.nanoTime();
        command(ALICE, "C0REFUSED", "daily now");
        assertTrue(respondedAfter(since).blocks().contains(Msg.ADMIN_ONLY_WORKSPACE.text(Lang.EN)));
        assertTrue(fake.calls("chat.postMessage").stream().noneMatch(c -> "C0REFUSED".equals(c.params().get("channel"))));
    }

    @Test
    void workspaceAdminSetsTheDailyQuestionAndSeesSlackDateTokens() throws Exception {
        long since = System.nanoTime();
        command(ADMIN, "C0SET", "daily set 09:00 Asia/Shanghai mon-fri architecture");
        FakeSlack.Call r = respondedAfter(since);
        String blocks = r.blocks();
        assertEquals("ephemeral", r.params().get("response_type"));
        assertTrue(blocks.contains(Msg.DAILY_SET.text(Lang.EN)), blocks);
        assertTrue(blocks.contains("<#C0SET>") && blocks.contains("09:00 Asia/Shanghai"), blocks);
        assertTrue(blocks.matches("(?s).*<!date\\^\\d+\\^\\{date_short_pretty} \\{time}\\|\\d{4}-\\d\\d-\\d\\d 09:00 Asia/Shanghai>.*"),
                blocks);

        since = System.nanoTime();
        command(ALICE, "C0SET", "daily status");
        assertTrue(respondedAfter(since).blocks().contains("<#C0SET>"), "status is for everyone");
    }

    @Test
    void membersListedInLlmqSlackAdminsMayManageTheDailyQuestion() throws Exception {
        long since = System.nanoTime();
        command(LISTED, "C0LISTED", "daily off");
        String blocks = respondedAfter(since).blocks();
        assertFalse(blocks.contains(Msg.ADMIN_ONLY_WORKSPACE.text(Lang.EN)), blocks);
        assertTrue(blocks.contains(Msg.DAILY_NONE.text(Lang.EN)), blocks);
    }

    @Test
    void dailyNowPostsTheQuestionAndThenYesterdaysAnswerInItsThread() throws Exception {
        long since = System.nanoTime();
        command(ADMIN, "C0DAILY", "daily now");
        assertTrue(respondedAfter(since).blocks().contains(Msg.DAILY_POSTED_ONE_OFF.text(Lang.EN)));
        FakeSlack.Call first = fake.awaitCall("chat.postMessage", c -> "C0DAILY".equals(c.params().get("channel")), WAIT);
        assertNull(first.params().get("thread_ts"), "the question opens the day's thread");
        String firstId = FakeSlack.buttons(first.json("blocks")).get("llmq-reveal").split(":")[1];
        assertTrue(first.blocks().contains("Daily question"), first.blocks());

        clock.advance(java.time.Duration.ofDays(1)); // the next day
        since = System.nanoTime();
        command(ADMIN, "C0DAILY", "daily now");
        respondedAfter(since);
        List<FakeSlack.Call> posts = fake.awaitCalls("chat.postMessage", c -> "C0DAILY".equals(c.params().get("channel")),
                3, WAIT);
        FakeSlack.Call second = posts.get(1);
        FakeSlack.Call answer = posts.get(2);
        assertNull(second.params().get("thread_ts"));
        String firstTs = firstTs(first);
        assertEquals(firstTs, answer.params().get("thread_ts"), "yesterday's answer goes into yesterday's thread");
        assertTrue(answer.blocks().contains(Mrkdwn.escape(bank.question(firstId).orElseThrow().answer()
                .get(Lang.EN))), answer.blocks());
        assertTrue(answer.blocks().contains(Msg.DAILY_ANSWER_IN_THREAD.text(Lang.EN)));
        long gap = answer.atNanos() - second.atNanos();
        assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(950), "at most one message per second per channel; gap "
                + gap / 1_000_000 + " ms");
    }

    /** A member's reminder is chat.postMessage to their user id (the app's DM with them), with Review now. */
    @Test
    void aReminderIsPostedToTheMembersDirectMessages() throws Exception {
        ChannelRef dm = ChannelRef.member("slack", "T0FAKE", "U0REMIND");
        dev.llmq.core.port.in.Notice nudge = new dev.llmq.core.port.in.Notice(Lang.EN,
                dev.llmq.core.port.in.Notice.Level.INFO, "llmq: questions due today: 2.", true, List.of(
                new dev.llmq.core.port.in.Action(dev.llmq.core.port.in.ActionKind.REVIEW,
                        dev.llmq.core.port.in.ActionId.StartReview.of("T0FAKE", Lang.EN).encode(), "Review now")));
        Published where = bot.publisher().postReminder(dm, nudge);
        List<JsonObject> sent = fake.history("U0REMIND");
        assertEquals(1, sent.size(), "posted to the member's id");
        assertEquals(where.messageRef(), sent.get(0).get("ts").getAsString());
        assertTrue(sent.get(0).toString().contains("questions due today: 2"), sent.get(0).toString());
        FakeSlack.Call call = fake.awaitCall("chat.postMessage", c -> "U0REMIND".equals(c.params().get("channel")),
                java.time.Duration.ofSeconds(10));
        assertEquals("review:*:en", FakeSlack.buttons(call.json("blocks")).get("llmq-review"),
                "a Slack DM is in the workspace: the press names it");
    }

    /**
     * Slack has no idempotency key: the same post sent twice is two messages. The daily post carries
     * its key in message metadata, and find reads the channel's history for it before a re-send.
     */
    @Test
    void aDailyPostCarriesItsKeyAndFindSeesItInTheHistory() throws Exception {
        ChannelRef channel = new ChannelRef("slack", "T0FAKE", "C0FIND");
        Question q = bank.questions().get(0);
        DailyPost post = DailyPost.of(channel, LocalDate.now(java.time.ZoneOffset.UTC),
                Cards.question(bank, q, Lang.EN, false, Optional.of(q.topicId()), java.util.OptionalInt.empty()), true);
        assertEquals(Optional.empty(), bot.publisher().find(post), "not posted yet");
        Published first = bot.publisher().postQuestion(post);
        JsonObject stored = fake.history("C0FIND").get(0);
        assertEquals(SlackPublisher.EVENT_TYPE, stored.getAsJsonObject("metadata").get("event_type").getAsString());
        assertEquals(post.nonce(), stored.getAsJsonObject("metadata").getAsJsonObject("event_payload").get("key")
                .getAsString());

        assertEquals(Optional.of(first), bot.publisher().find(post), "found by its key, with its thread");
        DailyPost otherDay = DailyPost.of(channel, post.localDate().minusDays(1), post.question(), true);
        assertEquals(Optional.empty(), bot.publisher().find(otherDay), "another day's post is another key");
        Published again = bot.publisher().postQuestion(post);
        assertNotEquals(first.messageRef(), again.messageRef(), "without the check, a repeat is a second message");

        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(SlackPublisher.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        fake.historyScope(false);
        try {
            assertEquals(Optional.empty(), bot.publisher().find(post), "without the scopes: not found, and said");
            assertEquals(Optional.empty(), bot.publisher().find(post));
            long said = logs.list.stream().filter(e -> e.getFormattedMessage().contains("channels:history")).count();
            assertEquals(1, said, "one clear log line, not one per post");
        } finally {
            fake.historyScope(true);
            logger.detachAppender(logs);
        }
    }

    /** The ts the fake gave the first post: it numbers posts by its call counter. */
    private String firstTs(FakeSlack.Call first) throws InterruptedException {
        // The bot used the ts from the answer to thread the reply; the fake's answer is not recorded,
        // so check the shape and that it is not another message's ts.
        FakeSlack.Call answer = fake.awaitCall("chat.postMessage",
                c -> "C0DAILY".equals(c.params().get("channel")) && c.params().get("thread_ts") != null, WAIT);
        String ts = answer.params().get("thread_ts");
        assertTrue(ts.matches("\\d{10}\\.\\d{6}"), ts);
        assertTrue(first.atNanos() < answer.atNanos());
        return ts;
    }

    /**
     * One retry layer: Slack's 429 is not retried inside the adapter. The scheduler stores the
     * retry after Slack's Retry-After (not counted as a failed attempt) and its next tick posts it.
     */
    @Test
    void aRateLimitedDailyPostIsRetriedByTheSchedulerAfterRetryAfter() throws Exception {
        fake.rateLimitNext(1, 1);
        long since = System.nanoTime();
        command(LISTED, "C0RATE", "daily now");
        String reply = respondedAfter(since).blocks();
        assertTrue(reply.contains("tried again"), reply);
        assertEquals(1, fake.calls("chat.postMessage").stream()
                .filter(c -> "C0RATE".equals(c.params().get("channel"))).count(), "refused once, not retried here");
        ChannelRef channel = new ChannelRef("slack", FakeSlack.TEAM, "C0RATE");
        PostRecord waiting = daily.store.posts(channel).get(0);
        assertEquals(PostState.PENDING, waiting.state());
        assertEquals(0, waiting.attempts(), "a rate limit is not a failed attempt");

        clock.advance(java.time.Duration.ofSeconds(2)); // past Retry-After: 1
        daily.scheduler.tick();
        fake.awaitCalls("chat.postMessage", c -> "C0RATE".equals(c.params().get("channel")), 2, WAIT);
        assertEquals(PostState.SENT, daily.store.posts(channel).get(0).state());
    }

    @Test
    void appHomeShowsTheUsersSchedulesTheirLanguageAndPracticeNow() throws Exception {
        long since = System.nanoTime();
        command(ADMIN, "C0HOME", "daily set 07:30 Europe/Berlin daily");
        respondedAfter(since);
        since = System.nanoTime();
        command(ADMIN, "C0NOTMINE", "daily set 08:00 UTC");
        respondedAfter(since);

        fake.awaitConnections(1, WAIT);
        fake.appHomeOpened(ZH).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        FakeSlack.Call publish = fake.awaitCall("views.publish", c -> ZH.equals(c.params().get("user_id")), WAIT);
        JsonElement view = publish.json("view");
        assertEquals("home", view.getAsJsonObject().get("type").getAsString());
        String blocks = view.toString();
        assertTrue(blocks.contains("<#C0HOME>") && blocks.contains("07:30 Europe/Berlin"), blocks);
        assertFalse(blocks.contains("C0NOTMINE"), "only the user's channels: " + blocks);
        assertTrue(blocks.contains(SlackText.LANGUAGE_NAME.text(Lang.ZH)), "the user's language: " + blocks);
        String practice = FakeSlack.buttons(view.getAsJsonObject().get("blocks")).get(BlockKit.PRACTICE_ACTION);
        assertEquals("next:*:zh", practice);

        fake.pressInHome(ZH, BlockKit.PRACTICE_ACTION, practice).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        FakeSlack.Call dm = fake.awaitCall("chat.postMessage", c -> ZH.equals(c.params().get("channel")), WAIT);
        assertTrue(FakeSlack.buttons(dm.json("blocks")).get("llmq-reveal").endsWith(":zh"), dm.blocks());
    }

    @Test
    void afterDisconnectRefreshRequestedItReconnectsAndAnswersTheNextCommand() throws Exception {
        fake.awaitConnections(1, WAIT);
        int opened = fake.connectionsOpened();
        int urls = fake.urlsIssued();
        fake.disconnect("refresh_requested");
        fake.awaitConnections(opened + 1, WAIT);
        assertTrue(fake.urlsIssued() > urls, "a fresh URL from apps.connections.open");
        JsonObject payload = answer(ALICE, "C0AGAIN", "emergence");
        assertNotEquals(null, FakeSlack.buttons(payload.get("blocks")).get("llmq-reveal"));
    }

    @Test
    void afterADroppedConnectionItReconnectsAndAnswersTheNextCommand() throws Exception {
        fake.awaitConnections(1, WAIT);
        int opened = fake.connectionsOpened();
        fake.dropConnection();
        fake.awaitConnections(opened + 1, WAIT);
        JsonObject payload = answer(ALICE, "C0DROP", "objectives");
        assertTrue(FakeSlack.buttons(payload.get("blocks")).get("llmq-reveal").startsWith("reveal:obj-"));
    }

    /**
     * Envelopes llmq has no handler for (another app's button, an unknown command, an event it did
     * not subscribe to, a payload it cannot read) are still acked, so Slack does not send them
     * again, and logged.
     */
    @Test
    void envelopesWithoutAHandlerOrUnreadableAreAckedAndLogged() throws Exception {
        fake.awaitConnections(1, WAIT);
        JsonObject foreignButton = com.google.gson.JsonParser.parseString("{\"type\":\"block_actions\","
                + "\"team\":{\"id\":\"T0FAKE\"},\"user\":{\"id\":\"U0ALICE\"},\"channel\":{\"id\":\"C0X\"},"
                + "\"actions\":[{\"action_id\":\"someone-elses\",\"value\":\"x\",\"type\":\"button\"}]}")
                .getAsJsonObject();
        JsonObject otherCommand = com.google.gson.JsonParser.parseString("{\"command\":\"/other\",\"text\":\"hi\","
                + "\"team_id\":\"T0FAKE\",\"user_id\":\"U0ALICE\",\"channel_id\":\"C0X\"}").getAsJsonObject();
        JsonObject unknownEvent = com.google.gson.JsonParser.parseString("{\"type\":\"event_callback\","
                + "\"team_id\":\"T0FAKE\",\"event\":{\"type\":\"reaction_added\",\"user\":\"U0ALICE\"}}")
                .getAsJsonObject();
        JsonObject unreadable = com.google.gson.JsonParser.parseString("{\"type\":\"no_such_type\"}").getAsJsonObject();
        for (CompletableFuture<FakeSlack.Ack> f : List.of(fake.sendEnvelope("interactive", foreignButton),
                fake.sendEnvelope("slash_commands", otherCommand), fake.sendEnvelope("events_api", unknownEvent),
                fake.sendEnvelope("interactive", unreadable))) {
            FakeSlack.Ack ack = f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(ack.raw().contains("envelope_id"), ack.raw());
        }
    }
}
