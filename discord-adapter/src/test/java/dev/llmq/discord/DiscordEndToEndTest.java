package dev.llmq.discord;

import static dev.llmq.discord.fake.FakeDiscord.opt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.quiz.Cards;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MutableClock;
import dev.llmq.discord.fake.CapturedLogs;
import dev.llmq.discord.fake.FakeDiscord.Interaction;
import dev.llmq.discord.fake.FakeDiscord.Req;
import dev.llmq.discord.fake.FakeDiscord;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real JDA, the real adapter and the core against a fake Discord on 127.0.0.1: what goes
 * over the wire for registration, commands, buttons, autocomplete and daily posts. Every test
 * also fails on any WARN/ERROR log line and on any message that could mention someone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordEndToEndTest {
    private static final int EPHEMERAL = 64;
    private Harness h;
    private FakeDiscord fake;
    private int mark;

    @BeforeAll
    void start() throws Exception {
        h = Harness.start();
        fake = h.fake;
    }

    @AfterAll
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @BeforeEach
    void markLogs() {
        mark = CapturedLogs.mark();
        fake.clearProblems();
    }

    @AfterEach
    void noWarningsNoProblems() {
        h.assertClean(mark, l -> false);
    }

    // ------------------------------------------------------------------ start-up and registration

    @Test
    void startsWithOnlyUsersMeThenTheGatewayWithNonPrivilegedIntents() {
        Req first = fake.requests().get(0);
        assertEquals("GET users/@me", first.method() + " " + first.path());
        assertEquals("Bot " + Harness.TOKEN, first.header("authorization"));
        DataObject identify = fake.identifies().get(0);
        assertEquals(1, identify.getInt("intents"), "GUILDS only: no privileged intent");
        String line = fake.gatewayConnections().get(0);
        assertTrue(line.startsWith("/?") && line.contains("encoding=json") && line.contains("v=10"), line);
    }

    @Test
    void registersTheCommandsInTheGuildWithLocalizationsAndAdminPermissions() {
        Req put = fake.awaitRequest(r -> r.method().equals("PUT")
                && r.path().equals("applications/" + fake.appId + "/guilds/" + fake.guild() + "/commands"), Harness.WAIT);
        DataArray commands = put.jsonArray();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < commands.length(); i++) {
            names.add(commands.getObject(i).getString("name"));
        }
        assertEquals(List.of("llmq", "llmq-daily", "llmq-topics", "llmq-help", "llmq-review", "llmq-settings",
                "llmq-forget-me", "llmq-stats", "llmq-leaderboard", "llmq-export"), names);
        DataArray exportOptions = commands.getObject(9).getArray("options");
        assertEquals(List.of("scope", "format", "lang"), java.util.stream.IntStream.range(0, exportOptions.length())
                .mapToObj(i -> exportOptions.getObject(i).getString("name")).toList());
        DataArray boardContexts = commands.getObject(8).getArray("contexts");
        assertEquals(1, boardContexts.length(), "the leaderboard is a server's: not in direct messages");
        assertEquals(0, boardContexts.getInt(0), "GUILD");
        assertEquals("llmq-复习", commands.getObject(4).getObject("name_localizations").getString("zh-CN"));
        DataArray settingsSubs = commands.getObject(5).getArray("options");
        assertEquals(List.of("me", "server"), List.of(settingsSubs.getObject(0).getString("name"),
                settingsSubs.getObject(1).getString("name")));
        DataArray mine = settingsSubs.getObject(0).getArray("options");
        assertEquals(List.of("lang", "zone", "remind", "streaks", "leaderboard"), java.util.stream.IntStream
                .range(0, mine.length()).mapToObj(i -> mine.getObject(i).getString("name")).toList());
        assertEquals(3, mine.getObject(0).getArray("choices").length(), "en, zh and auto");
        assertTrue(commands.getObject(5).isNull("default_member_permissions"),
                "everyone has settings; the server's are checked per change");
        assertTrue(fake.requests("PUT", "applications/\\d+/commands").isEmpty(), "no global registration");

        DataObject llmq = commands.getObject(0);
        assertEquals(DiscordText.CMD_LLMQ.text(Lang.ZH), llmq.getObject("description_localizations").getString("zh-CN"));
        assertTrue(llmq.isNull("default_member_permissions"), "everyone may ask");
        DataArray options = llmq.getArray("options");
        DataObject topic = options.getObject(0);
        assertEquals("topic", topic.getString("name"));
        assertEquals(3, topic.getInt("type"));
        assertTrue(topic.getBoolean("required"));
        assertTrue(topic.getBoolean("autocomplete"));
        assertEquals("主题", topic.getObject("name_localizations").getString("zh-CN"));
        assertEquals(DiscordText.OPT_TOPIC.text(Lang.ZH), topic.getObject("description_localizations").getString("zh-CN"));
        assertEquals(List.of("difficulty", "lang", "public"), List.of(options.getObject(1).getString("name"),
                options.getObject(2).getString("name"), options.getObject(3).getString("name")));
        assertEquals(3, options.getObject(1).getArray("choices").length());
        assertEquals(5, options.getObject(3).getInt("type"), "public is a boolean");

        DataObject dailyCmd = commands.getObject(1);
        assertEquals("32", dailyCmd.getString("default_member_permissions"), "Manage Server");
        assertEquals("llmq-每日一题", dailyCmd.getObject("name_localizations").getString("zh-CN"));
        DataArray subs = dailyCmd.getArray("options");
        assertEquals(List.of("set", "off", "status", "now"), List.of(subs.getObject(0).getString("name"),
                subs.getObject(1).getString("name"), subs.getObject(2).getString("name"), subs.getObject(3).getString("name")));
        DataArray set = subs.getObject(0).getArray("options");
        assertEquals("channel", set.getObject(0).getString("name"));
        assertEquals(7, set.getObject(0).getInt("type"));
        assertEquals("time", set.getObject(1).getString("name"));
        assertEquals("zone", set.getObject(2).getString("name"));
        assertTrue(set.getObject(2).getBoolean("autocomplete"));
        assertEquals("weekdays", set.getObject(3).getString("name"));
        assertEquals("topics", set.getObject(4).getString("name"));
        for (int i = 0; i < commands.length(); i++) {
            assertTrue(commands.getObject(i).getObject("description_localizations").hasKey("zh-CN"), names.get(i));
        }
    }

    // ------------------------------------------------------------------ /llmq and its buttons

    @Test
    void llmqArchitectureAnswersWithAnEmbedAndButtons() {
        DataObject data = reply(fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "architecture")), 4);
        assertFalse(ephemeral(data), "a question is for the channel");
        DataObject embed = data.getArray("embeds").getObject(0);
        Question q = question(embed);
        assertEquals("architecture", q.topicId());
        assertEquals("Architectures · " + Msg.difficulty(q.difficulty()).text(Lang.EN), embed.getString("title"));
        assertEquals(q.prompt().en(), embed.getString("description"));
        List<String> ids = FakeDiscord.buttonIds(data);
        assertEquals("reveal:" + q.id() + ":en", ids.get(0));
        assertTrue(ids.contains("next:architecture:en"), ids.toString());
        assertEquals(!q.keyPoints().en().isEmpty(), ids.contains("hint:" + q.id() + ":en:1"), ids.toString());
        assertEquals("Reveal answer", labels(data).get(0));
    }

    @Test
    void revealAnswersTheClickerPrivatelyWithThatQuestionsAnswer() {
        Interaction ask = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "arch"));
        Question q = question(reply(ask, 4).getArray("embeds").getObject(0));
        DataObject answer = reply(fake.button(fake.admin, ask.message(), "reveal:" + q.id() + ":en"), 4);
        assertTrue(ephemeral(answer), "Reveal is ephemeral by default");
        DataObject embed = answer.getArray("embeds").getObject(0);
        assertTrue(embed.getString("description").contains(q.answer().en()), embed.toString());
        assertTrue(embed.getString("title").startsWith("Answer"), embed.getString("title"));
    }

    @Test
    void publicTrueRevealsToTheChannel() {
        Interaction ask = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "objectives"), opt("public", 5, true));
        DataObject card = reply(ask, 4);
        String reveal = FakeDiscord.buttonIds(card).get(0);
        assertTrue(reveal.endsWith(":pub"), reveal);
        DataObject answer = reply(fake.button(fake.member, ask.message(), reveal), 4);
        assertFalse(ephemeral(answer), "public reveal");
    }

    @Test
    void aStaleButtonGetsAPoliteEphemeralNotice() {
        Interaction ask = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "emergence"));
        reply(ask, 4);
        DataObject notice = reply(fake.button(fake.member, ask.message(), "reveal:gone-from-the-bank:en"), 4);
        assertTrue(ephemeral(notice));
        assertTrue(notice.getString("content").contains(Msg.STALE_BUTTON.text(Lang.EN)), notice.getString("content"));
        DataObject bad = reply(fake.button(fake.member, ask.message(), "something:else"), 4);
        assertTrue(ephemeral(bad));
        assertTrue(bad.getString("content").contains(Msg.BAD_BUTTON.text(Lang.EN)), bad.getString("content"));
    }

    @Test
    void hintGivesTheKeyPointsOneAtATime() {
        Question q = h.bank.question("obj-lm").orElseThrow();
        Interaction ask = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "objectives"));
        reply(ask, 4);
        Interaction hint1 = fake.button(fake.member, ask.message(), "hint:obj-lm:en:1");
        DataObject first = reply(hint1, 4);
        assertTrue(ephemeral(first));
        assertTrue(first.getString("content").contains("Hint 1 of 3"), first.getString("content"));
        assertTrue(first.getString("content").contains(q.keyPoints().en().get(0)));
        List<String> ids = FakeDiscord.buttonIds(first);
        assertEquals(List.of("hint:obj-lm:en:2", "reveal:obj-lm:en"), ids);
        DataObject second = reply(fake.button(fake.member, hint1.message(), "hint:obj-lm:en:2"), 4);
        assertTrue(second.getString("content").contains(q.keyPoints().en().get(1)), second.getString("content"));
    }

    @Test
    void theUsersDiscordLocalePicksChineseAndLangOverridesIt() {
        DataObject zh = reply(fake.slash(fake.member.withLocale("zh-CN"), fake.general, "llmq", opt("topic", 3, "架构")), 4);
        Question q = question(zh.getArray("embeds").getObject(0));
        assertEquals(q.prompt().zh(), zh.getArray("embeds").getObject(0).getString("description"));
        assertEquals("reveal:" + q.id() + ":zh", FakeDiscord.buttonIds(zh).get(0));
        assertEquals("显示答案", labels(zh).get(0));
        DataObject en = reply(fake.slash(fake.member.withLocale("zh-CN"), fake.general, "llmq",
                opt("topic", 3, "emergence"), opt("lang", 3, "en")), 4);
        assertEquals("reveal:emg-metric:en", FakeDiscord.buttonIds(en).get(0));
    }

    @Test
    void anUnknownTopicIsAnsweredWithTheRealTopics() {
        DataObject data = reply(fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "cooking")), 4);
        assertTrue(ephemeral(data));
        assertTrue(data.getString("content").contains("cooking"), data.getString("content"));
        assertTrue(data.getString("content").contains("architecture, objectives, emergence"), data.getString("content"));
    }

    @Test
    void difficultyAndAnyTopicAndTheTopicAndHelpCommands() {
        DataObject hard = reply(fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "*"), opt("difficulty", 4, 3)), 4);
        assertEquals("arch-encdec", question(hard.getArray("embeds").getObject(0)).id(), "the only hard question");
        DataObject topics = reply(fake.slash(fake.member, fake.general, "llmq-topics"), 4);
        assertTrue(ephemeral(topics));
        assertTrue(topics.getArray("embeds").getObject(0).getString("description").contains("`emergence`"));
        DataObject help = reply(fake.slash(fake.member, fake.general, "llmq-help", opt("lang", 3, "zh")), 4);
        assertEquals(Msg.HELP_TITLE.text(Lang.ZH), help.getArray("embeds").getObject(0).getString("title"));
    }

    // ------------------------------------------------------------------ autocomplete

    @Test
    void topicAutocompleteMatchesBothLanguagesWithAtMost25Choices() {
        DataArray empty = choices(fake.autocomplete(fake.member, fake.general, "llmq", null, "topic", ""));
        assertTrue(empty.length() <= 25);
        assertEquals("*", empty.getObject(0).getString("value"));
        assertEquals(4, empty.length(), "any topic and the three topics");
        DataArray arc = choices(fake.autocomplete(fake.member, fake.general, "llmq", null, "topic", "arc"));
        assertEquals("architecture", arc.getObject(0).getString("value"));
        assertEquals("Architectures · 主流架构 (architecture)", arc.getObject(0).getString("name"));
        DataArray zh = choices(fake.autocomplete(fake.member.withLocale("zh-CN"), fake.general, "llmq", null, "topic", "涌现"));
        assertEquals(1, zh.length());
        assertEquals("emergence", zh.getObject(0).getString("value"));
        assertEquals("涌现能力 · Emergent Abilities (emergence)", zh.getObject(0).getString("name"));
        DataArray loss = choices(fake.autocomplete(fake.member, fake.general, "llmq", null, "topic", "loss"));
        assertEquals("objectives", loss.getObject(0).getString("value"), "aliases match too");
    }

    @Test
    void zoneAutocompleteOffersIanaZones() {
        DataArray zones = choices(fake.autocomplete(fake.admin, fake.general, "llmq-daily", "set", "zone", "Asia/Sha"));
        assertEquals("Asia/Shanghai", zones.getObject(0).getString("value"));
        DataArray all = choices(fake.autocomplete(fake.admin, fake.general, "llmq-daily", "set", "zone", ""));
        assertEquals(25, all.length());
        assertEquals("UTC", all.getObject(0).getString("value"));
        DataArray topics = choices(fake.autocomplete(fake.admin, fake.general, "llmq-daily", "set", "topics", "architecture em"));
        assertEquals("architecture emergence", topics.getObject(0).getString("value"));
    }

    // ------------------------------------------------------------------ /llmq-daily

    @Test
    void aNonAdminsDailySetIsRefusedByTheServer() {
        Interaction set = fake.subcommand(fake.member, fake.general, "llmq-daily", "set",
                opt("channel", 7, Long.toUnsignedString(fake.daily)), opt("time", 3, "07:07"), opt("zone", 3, "Asia/Shanghai"));
        Req deferred = set.awaitCallback(Harness.WAIT);
        assertEquals(5, deferred.json().getInt("type"), "deferred within 3 s");
        DataObject answer = set.awaitOriginalEdit(Harness.WAIT).json();
        assertTrue(answer.getString("content").contains(Msg.ADMIN_ONLY.text(Lang.EN)), answer.getString("content"));
        DataObject status = edited(fake.subcommand(fake.member, fake.general, "llmq-daily", "status"));
        assertFalse(status.toString().contains("07:07"), "nothing was set: " + status);
    }

    @Test
    void badDailyArgumentsGetClearMessagesAndChangeNothing() {
        // a command that does not parse needs no store: it is answered at once, privately
        DataObject badTime = reply(fake.subcommand(fake.admin, fake.general, "llmq-daily", "set",
                opt("channel", 7, Long.toUnsignedString(fake.general)), opt("time", 3, "25:00"), opt("zone", 3, "Asia/Shanghai")), 4);
        assertTrue(ephemeral(badTime));
        assertTrue(badTime.getString("content").contains(Msg.BAD_TIME.text(Lang.EN)), badTime.getString("content"));
        DataObject badZone = reply(fake.subcommand(fake.admin, fake.general, "llmq-daily", "set",
                opt("channel", 7, Long.toUnsignedString(fake.general)), opt("time", 3, "09:00"), opt("zone", 3, "Mars/Olympus")), 4);
        assertTrue(badZone.getString("content").contains(Msg.BAD_ZONE.text(Lang.EN)), badZone.getString("content"));
        DataObject status = edited(fake.subcommand(fake.admin, fake.general, "llmq-daily", "status"));
        assertFalse(status.toString().contains("25:00") || status.toString().contains("Mars"), "nothing was set: " + status);
        Interaction readOnly = fake.subcommand(fake.admin, fake.general, "llmq-daily", "set",
                opt("channel", 7, Long.toUnsignedString(fake.readOnly)), opt("time", 3, "09:00"), opt("zone", 3, "UTC"));
        DataObject refused = reply(readOnly, 4);
        assertTrue(ephemeral(refused));
        assertTrue(refused.getString("content").contains("Send Messages"), refused.getString("content"));
        assertTrue(refused.getString("content").contains("<#" + fake.readOnly + ">"), refused.getString("content"));
    }

    @Test
    void dailyPostGoesOutWithItsNonceAndAThreadAndTheNextDayAnswersInThatThread() {
        h.clock.set(java.time.Instant.parse("2026-03-31T20:00:00Z")); // 04:00 on 1 April in Shanghai
        DataObject set = edited(fake.subcommand(fake.admin, fake.general, "llmq-daily", "set",
                opt("channel", 7, Long.toUnsignedString(fake.daily)), opt("time", 3, "09:00"),
                opt("zone", 3, "Asia/Shanghai"), opt("weekdays", 3, "mon-fri"), opt("topics", 3, "arch 涌现")));
        assertEquals(Msg.DAILY_SET.text(Lang.EN), set.getString("content"));
        DataObject field = set.getArray("embeds").getObject(0).getArray("fields").getObject(0);
        assertEquals("09:00 Asia/Shanghai · mon-fri", field.getString("name"));
        Matcher t = Pattern.compile("<t:(\\d+):R>").matcher(field.getString("value"));
        assertTrue(t.find(), field.getString("value"));
        assertEquals(java.time.Instant.parse("2026-04-01T01:00:00Z").getEpochSecond(), Long.parseLong(t.group(1)),
                "next fire: 09:00 in Shanghai on Wednesday 1 April");
        assertTrue(field.getString("value").contains("architecture, emergence"), field.getString("value"));

        int before = fake.messages(fake.daily).size();
        DataObject posted = edited(fake.subcommand(fake.admin, fake.general, "llmq-daily", "now",
                opt("channel", 7, Long.toUnsignedString(fake.daily))));
        assertEquals(Msg.DAILY_POSTED.text(Lang.EN), posted.getString("content"));
        List<DataObject> msgs = fake.messages(fake.daily);
        assertEquals(before + 1, msgs.size());
        DataObject day1 = msgs.get(msgs.size() - 1);
        String nonce = DailyPost.nonceFor(new ChannelRef("discord", fake.guild(), Long.toUnsignedString(fake.daily)),
                LocalDate.of(2026, 4, 1));
        assertEquals(nonce, day1.getString("nonce"));
        Req post = lastPost(fake.daily);
        assertTrue(post.json().getBoolean("enforce_nonce"));
        assertEquals("**Daily question · 2026-04-01**", day1.getString("content"));
        Question q1 = question(day1.getArray("embeds").getObject(0));
        assertTrue(List.of("architecture", "emergence").contains(q1.topicId()), q1.topicId());
        Req thread = fake.awaitRequest(r -> r.method().equals("POST")
                && r.path().equals("channels/" + fake.daily + "/messages/" + day1.getString("id") + "/threads"), Harness.WAIT);
        assertTrue(thread.json().getString("name").startsWith("Discuss: "), thread.json().getString("name"));
        assertEquals(10080, thread.json().getInt("auto_archive_duration"));

        h.clock.advance(Duration.ofDays(1));
        edited(fake.subcommand(fake.admin, fake.daily, "llmq-daily", "now"));
        DataObject day2 = fake.messages(fake.daily).get(fake.messages(fake.daily).size() - 1);
        assertNotEquals(nonce, day2.getString("nonce"), "a new day, a new nonce");
        List<DataObject> inThread = fake.messages(Long.parseUnsignedLong(day1.getString("id")));
        assertEquals(1, inThread.size(), "yesterday's answer, in yesterday's thread");
        assertEquals("**Yesterday's answer**", inThread.get(0).getString("content"));
        assertTrue(inThread.get(0).getArray("embeds").getObject(0).getString("description").contains(q1.answer().en()));
    }

    /** A member's reminder opens a direct-message channel with them (real JDA) and sends the nudge with Review now. */
    @Test
    void aReminderIsADirectMessageWithReviewNow() throws Exception {
        ChannelRef dm = ChannelRef.member("discord", fake.guild(), Long.toUnsignedString(fake.member.id()));
        dev.llmq.core.port.in.Notice nudge = new dev.llmq.core.port.in.Notice(Lang.EN,
                dev.llmq.core.port.in.Notice.Level.INFO, "llmq: questions due today: 3.", true, List.of(
                new dev.llmq.core.port.in.Action(dev.llmq.core.port.in.ActionKind.REVIEW,
                        dev.llmq.core.port.in.ActionId.StartReview.of(fake.guild(), Lang.EN).encode(), "Review now")));
        Published where = h.bot.publisher().postReminder(dm, nudge);
        List<DataObject> sent = fake.directMessages(fake.member);
        assertEquals(1, sent.size());
        assertEquals(where.messageRef(), sent.get(0).getString("id"));
        assertTrue(sent.get(0).getString("content").contains("questions due today: 3"), sent.get(0).toString());
        assertEquals(List.of("review:" + fake.guild() + ":en"), FakeDiscord.buttonIds(sent.get(0)));
        assertEquals(List.of(), fake.directMessages(fake.admin), "to that member alone");
    }

    /**
     * Why the scheduler looks before it re-sends a post whose outcome is unknown: Discord's nonce
     * drops a repeat only for a few minutes. Past that window the same post is a second message;
     * {@code find} sees the first one in the channel's history instead.
     */
    @Test
    void aPostRepeatedAfterTheNonceWindowWouldDuplicateAndFindSeesItInTheHistory() throws Exception {
        ChannelRef channel = new ChannelRef("discord", fake.guild(), Long.toUnsignedString(fake.daily));
        QuestionBank bank = Fixtures.fixtureBank();
        Question q = bank.questions().get(0);
        DailyPost post = DailyPost.of(channel, LocalDate.of(2031, 5, 6),
                Cards.question(bank, q, Lang.EN, false, Optional.of(q.topicId()), java.util.OptionalInt.empty()), false);
        dev.llmq.core.port.out.DailyPublisher publisher = h.bot.publisher();
        MutableClock fakeClock = new MutableClock(java.time.Instant.parse("2031-05-06T01:00:00Z"));
        fake.clock(fakeClock);
        try {
            assertEquals(Optional.empty(), publisher.find(post), "not posted yet");
            Published first = publisher.postQuestion(post);
            int count = fake.messages(fake.daily).size();
            assertEquals(first, publisher.postQuestion(post), "within the window, the nonce drops the repeat");
            assertEquals(count, fake.messages(fake.daily).size());

            fakeClock.advance(FakeDiscord.NONCE_WINDOW.plusMinutes(1));
            int reads = fake.historyReads();
            assertEquals(Optional.of(first), publisher.find(post), "the history finds the post it left");
            assertEquals(reads + 1, fake.historyReads());
            Published second = publisher.postQuestion(post);
            assertNotEquals(first.messageRef(), second.messageRef(), "past the window a repeat is a second message");
            assertEquals(count + 1, fake.messages(fake.daily).size());
        } finally {
            fake.clock(java.time.Clock.systemUTC());
        }
    }

    @Test
    void aRateLimitedDailyPostIsRetriedAndPostedOnce() {
        h.clock.set(java.time.Instant.parse("2026-05-04T06:00:00Z"));
        int before = fake.messages(fake.general).size();
        int attempts = fake.requests("POST", "channels/" + fake.general + "/messages").size();
        fake.rateLimit(r -> r.path().equals("channels/" + fake.general + "/messages"), 1, 0.2);
        DataObject posted = edited(fake.subcommand(fake.admin, fake.general, "llmq-daily", "now"));
        assertEquals(Msg.DAILY_POSTED_ONE_OFF.text(Lang.EN), posted.getString("content"));
        List<Req> tries = fake.requests("POST", "channels/" + fake.general + "/messages");
        tries = tries.subList(attempts, tries.size());
        assertEquals(2, tries.size(), "one 429, one retry");
        assertEquals(tries.get(0).json().getString("nonce"), tries.get(1).json().getString("nonce"));
        assertTrue(tries.get(1).json().getBoolean("enforce_nonce"));
        assertEquals(before + 1, fake.messages(fake.general).size(), "posted once");
    }

    @Test
    void dailyStatusShowsTimesAsDiscordTimestamps() {
        h.clock.set(java.time.Instant.parse("2026-06-01T00:00:00Z"));
        edited(fake.subcommand(fake.admin, fake.general, "llmq-daily", "set",
                opt("channel", 7, Long.toUnsignedString(fake.general)), opt("time", 3, "18:30"), opt("zone", 3, "Europe/Berlin")));
        DataObject status = edited(fake.subcommand(fake.member, fake.general, "llmq-daily", "status"));
        String all = status.getArray("embeds").getObject(0).toString();
        assertTrue(all.contains("<t:" + java.time.Instant.parse("2026-06-01T16:30:00Z").getEpochSecond() + ":R>"), all);
        assertTrue(all.contains("<#" + fake.general + ">"), all);
        DataObject off = edited(fake.subcommand(fake.admin, fake.general, "llmq-daily", "off"));
        assertEquals(Msg.DAILY_OFF.text(Lang.EN), off.getString("content"));
    }

    // ------------------------------------------------------------------ helpers

    /** Waits for the interaction's callback, checks its type, returns its message data (or the whole body for type 8). */
    private static DataObject reply(Interaction i, int type) {
        DataObject body = i.awaitCallback(Harness.WAIT).json();
        assertEquals(type, body.getInt("type"), body.toString());
        return body.getObject("data");
    }

    /** For deferred replies: the deferral is ephemeral, and the edit of @original carries the answer. */
    private static DataObject edited(Interaction i) {
        DataObject deferred = i.awaitCallback(Harness.WAIT).json();
        assertEquals(5, deferred.getInt("type"), deferred.toString());
        assertEquals(EPHEMERAL, deferred.getObject("data").getInt("flags") & EPHEMERAL);
        return i.awaitOriginalEdit(Harness.WAIT).json();
    }

    private static DataArray choices(Interaction i) {
        return reply(i, 8).getArray("choices");
    }

    private static boolean ephemeral(DataObject data) {
        return (data.getInt("flags", 0) & EPHEMERAL) != 0;
    }

    private static List<String> labels(DataObject data) {
        List<String> out = new ArrayList<>();
        DataArray rows = data.getArray("components");
        for (int i = 0; i < rows.length(); i++) {
            DataArray c = rows.getObject(i).getArray("components");
            for (int j = 0; j < c.length(); j++) {
                out.add(c.getObject(j).getString("label"));
            }
        }
        return out;
    }

    private Question question(DataObject embed) {
        String id = embed.getObject("footer").getString("text");
        return h.bank.question(id).orElseThrow(() -> new AssertionError("no question " + id));
    }

    private Req lastPost(long channel) {
        List<Req> posts = fake.requests("POST", "channels/" + channel + "/messages");
        return posts.get(posts.size() - 1);
    }
}
