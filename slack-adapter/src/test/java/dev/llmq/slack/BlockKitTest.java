package dev.llmq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.Action;
import dev.llmq.core.port.in.ActionKind;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.HelpCard;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.port.in.TopicList;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.LongAnswers;
import dev.llmq.slack.fake.FakeSlack;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockKitTest {
    static final Gson GSON = GsonFactory.createSnakeCase();
    static final String HOSTILE = "<!channel> <!here> <!everyone> <@U0BOB> <#C0SECRET> <https://x.example|y> & done";
    final QuestionBank bank = Fixtures.fixtureBank();
    final Quizmaster qm = Fixtures.quizmaster(bank, 5);

    static String json(List<LayoutBlock> blocks) {
        // Parse and print again so that Gson's HTML escapes (\u003c) do not hide anything.
        JsonElement tree = JsonParser.parseString(GSON.toJson(blocks));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(tree);
    }

    @Test
    void everyReplyTypeRenders() {
        List<Reply> replies = List.of(
                qm.handle(Fixtures.origin("c"), Command.Ask.topic("architecture")),
                qm.press(Fixtures.origin("c"), "reveal:arch-families:en"),
                qm.press(Fixtures.origin("c"), "hint:arch-families:en:1"),
                qm.press(Fixtures.origin("c"), "reveal:gone:en"),
                qm.topics(Lang.EN, true),
                qm.help(Lang.ZH),
                schedule(HOSTILE));
        for (Reply r : replies) {
            SlackMessage m = BlockKit.render(r);
            assertFalse(m.blocks().isEmpty(), r.toString());
            assertFalse(m.text().isBlank(), r.toString());
            assertEquals(r.ephemeral(), m.ephemeral(), r.toString());
            assertTrue(m.blocks().size() <= BlockKit.MAX_MESSAGE_BLOCKS);
        }
    }

    @Test
    void buttonsCarryTheActionIdAsValueAndAnActionIdPerKind() {
        AnswerCard a = (AnswerCard) qm.press(Fixtures.origin("c"), "reveal:arch-families:en");
        Map<String, String> buttons = FakeSlack.buttons(JsonParser.parseString(json(BlockKit.render(a).blocks())));
        assertEquals(Map.of("llmq-follow-up", "ask:arch-prefix:en", "llmq-follow-up-2", "ask:arch-causal:en",
                "llmq-next", "next:architecture:en"), buttons);
        QuestionCard q = (QuestionCard) qm.press(Fixtures.origin("c"), "ask:arch-families:en");
        Map<String, String> qb = FakeSlack.buttons(JsonParser.parseString(json(BlockKit.render(q).blocks())));
        assertEquals("reveal:arch-families:en", qb.get("llmq-reveal"));
        assertEquals("hint:arch-families:en:1", qb.get("llmq-hint"));
        assertTrue(qb.containsKey("llmq-next"));
    }

    @Test
    void hostileTextIsEscapedEverywhere() {
        List<Reply> replies = List.of(
                Notice.error(Lang.EN, HOSTILE),
                new Notice(Lang.EN, Notice.Level.INFO, HOSTILE, false,
                        List.of(new Action(ActionKind.NEXT, "next:*:en", HOSTILE))),
                new QuestionCard(Lang.EN, "q-1", "t", HOSTILE, 1, "easy", HOSTILE, List.of()),
                new AnswerCard(Lang.EN, "q-1", HOSTILE, HOSTILE, HOSTILE, List.of(HOSTILE), Optional.of(HOSTILE), false,
                        List.of()),
                new TopicList(Lang.EN, List.of(new TopicList.Entry("t", HOSTILE, List.of(HOSTILE), 1)), true),
                new HelpCard(Lang.EN, List.of(new HelpCard.Line(HOSTILE, HOSTILE)), true),
                schedule(HOSTILE));
        for (Reply r : replies) {
            SlackMessage m = BlockKit.render(r);
            String all = json(m.blocks()) + m.text();
            for (String raw : List.of("<!channel>", "<!here>", "<!everyone>", "<@U0BOB>", "<#C0SECRET>", "<https://")) {
                assertFalse(all.contains(raw), raw + " in " + all);
            }
        }
        assertEquals("&lt;!here&gt; &amp;&amp; &lt;b&gt;", Mrkdwn.escape("<!here> && <b>"));
    }

    @Test
    void longTextIsCutIntoSectionsWithinSlackLimits() {
        String answer = "x &lt; y ".repeat(900) + "&".repeat(3000);
        AnswerCard a = new AnswerCard(Lang.EN, "q-1", "T".repeat(400), "short?", answer, List.of(), Optional.empty(),
                true, List.of(new Action(ActionKind.NEXT, "next:*:en", "L".repeat(200))));
        SlackMessage m = BlockKit.render(a);
        String all = json(m.blocks());
        JsonElement tree = JsonParser.parseString(all);
        StringBuilder joined = new StringBuilder();
        for (JsonElement b : tree.getAsJsonArray()) {
            var block = b.getAsJsonObject();
            String type = block.get("type").getAsString();
            if (type.equals("section")) {
                String t = block.getAsJsonObject("text").get("text").getAsString();
                assertTrue(t.length() <= BlockKit.MAX_SECTION, "section of " + t.length());
                assertFalse(t.matches("(?s).*&[a-z]{0,3}$"), "an entity cut in two at the end: " + t.substring(t.length() - 8));
                joined.append(t);
            }
            if (type.equals("header")) {
                assertTrue(block.getAsJsonObject("text").get("text").getAsString().length() <= BlockKit.MAX_HEADER);
            }
            if (type.equals("actions")) {
                for (JsonElement e : block.getAsJsonArray("elements")) {
                    assertTrue(e.getAsJsonObject().getAsJsonObject("text").get("text").getAsString().length()
                            <= BlockKit.MAX_BUTTON);
                }
            }
        }
        String escaped = Mrkdwn.escape(answer).replaceAll("\\s", "");
        assertTrue(joined.toString().replaceAll("\\s", "").contains(escaped), "nothing lost when cutting");
        assertTrue(m.text().length() <= BlockKit.MAX_FALLBACK);
    }

    @Test
    void scheduleTimesAreSlackDateTokens() {
        String text = BlockKit.entry(Lang.EN, schedule("C0DAILY").entries().get(0));
        assertTrue(text.startsWith("<#C0DAILY> · 09:00 Asia/Shanghai · mon-fri · architecture"), text);
        assertTrue(text.endsWith("next: <!date^1772413200^{date_short_pretty} {time}|2026-03-02 09:00 Asia/Shanghai>"),
                text);
        assertEquals("#not a channel", Mrkdwn.channel("not a channel"));
    }

    @Test
    void theHomeTabOffersPracticeInTheUsersLanguage() {
        String zh = json(BlockKit.home(Lang.ZH, List.of(), true));
        assertTrue(zh.contains("中文") && zh.contains("现在练习") && zh.contains("\"next:*:zh\""), zh);
        assertTrue(zh.contains("你所在的频道还没有每日一题"), zh);
        String unknown = json(BlockKit.home(Lang.EN, List.of(), false));
        assertTrue(unknown.contains("could not be listed"), unknown);
        String listed = json(BlockKit.home(Lang.EN, schedule("C0A").entries(), true));
        assertTrue(listed.contains("<#C0A>"), listed);
    }

    @Test
    void malformedTextComesWithTheHelp() {
        Reply notice = qm.handle(Fixtures.origin("c"), new Command.Malformed("x", dev.llmq.core.i18n.Msg.BAD_LANG,
                Optional.empty()));
        SlackMessage m = BlockKit.withHelp(notice, qm.help(Lang.EN));
        String all = json(m.blocks());
        assertTrue(m.ephemeral());
        assertTrue(all.contains("Languages are en and zh.") && all.contains("list the topics"), all);
    }

    private ScheduleCard schedule(String channel) {
        List<ScheduleCard.Entry> entries = new ArrayList<>();
        entries.add(new ScheduleCard.Entry(channel, LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of("architecture"),
                Instant.parse("2026-03-02T01:00:00Z")));
        return new ScheduleCard(Lang.EN, "Daily questions", entries, true);
    }

    static java.util.stream.Stream<LongAnswers.Answer> shippedLongAnswers() throws Exception {
        return LongAnswers.shipped().stream();
    }

    /**
     * Issue 17: the shipped bank's longest answers, and one far too long for a section, become
     * sections of at most 3,000 characters; every code block is fenced in sections of its own and
     * comes out whole, line for line.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("shippedLongAnswers")
    void theLongestAnswersFitSectionsWithTheirCodeWhole(LongAnswers.Answer a) {
        sectionsKeepTheCode(a);
    }

    @Test
    void aCodeBlockTooLongForASectionIsSplitAtLinesIntoFencedSections() {
        List<String> code = sectionsKeepTheCode(LongAnswers.tooLong());
        assertTrue(code.size() > 2, "expected the code in several sections, got " + code.size());
        String over = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + "x".repeat(3001) + "\"}}]";
        assertTrue(FakeSlack.invalidBlocks(over), "the fake refuses a section over 3,000 characters, as Slack does");
    }

    /** Renders the answer card, checks the limits, and returns the code sections' texts. */
    private static List<String> sectionsKeepTheCode(LongAnswers.Answer a) {
        AnswerCard card = new AnswerCard(a.lang(), "q-long", "Topic", a.prompt(), a.text(), List.of("point"),
                Optional.of("src"), true, List.of());
        List<String> texts = new java.util.ArrayList<>();
        for (LayoutBlock b : BlockKit.render(card).blocks()) {
            if (b instanceof com.slack.api.model.block.SectionBlock s) {
                texts.add(s.getText().getText());
            }
        }
        assertTrue(texts.stream().allMatch(t -> t.length() <= BlockKit.MAX_SECTION), a.name());
        List<String> code = texts.stream().filter(t -> t.startsWith("```\n")).toList();
        assertTrue(code.stream().allMatch(t -> t.endsWith("\n```")), a.name() + ": a fence is left open");
        String joined = String.join("\n", code.stream().map(t -> t.substring(4, t.length() - 4)).toList());
        String expected = String.join("\n", LongAnswers.codeOf(a.text()).stream().map(Mrkdwn::escape).toList());
        assertEquals(expected, joined, a.name() + ": the code did not come out whole");
        return code;
    }
}
