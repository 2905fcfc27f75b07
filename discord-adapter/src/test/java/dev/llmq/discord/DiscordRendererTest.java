package dev.llmq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.Action;
import dev.llmq.core.port.in.ActionKind;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.HelpCard;
import dev.llmq.core.port.in.HintCard;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.port.in.TopicList;
import dev.llmq.core.testing.LongAnswers;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reply type renders within Discord's limits and can never mention anyone. */
class DiscordRendererTest {
    static Stream<Reply> everyReplyType() {
        String huge = "x".repeat(9000);
        List<Action> many = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            many.add(new Action(ActionKind.FOLLOW_UP, "ask:q" + i + ":en", "Follow-up: " + "y".repeat(90)));
        }
        return Stream.of(
                new QuestionCard(Lang.EN, "q1", "architecture", "Architectures", 2, "medium", huge, many),
                new AnswerCard(Lang.ZH, "q1", "架构", "问题？", huge, List.of(huge, "b"), Optional.of("src"), true, many),
                new HintCard(Lang.EN, "q1", 1, 2, huge, many),
                Notice.error(Lang.EN, "@everyone " + huge),
                new TopicList(Lang.EN, List.of(new TopicList.Entry("a", "A", List.of("x"), 3)), true),
                new HelpCard(Lang.ZH, List.of(new HelpCard.Line("/llmq", "出题")), true),
                new ScheduleCard(Lang.EN, "Daily questions", List.of(new ScheduleCard.Entry("123", LocalTime.of(9, 0),
                        ZoneId.of("Asia/Shanghai"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(),
                        Instant.ofEpochSecond(1_800_000_000L))), true));
    }

    @ParameterizedTest
    @MethodSource("everyReplyType")
    void rendersWithinLimitsAndWithoutMentions(Reply reply) {
        DiscordRenderer.Rendered r = DiscordRenderer.render(reply);
        MessageCreateData d = r.data();
        assertEquals(reply.ephemeral(), r.ephemeral());
        assertTrue(d.getAllowedMentions().isEmpty(), "allowed mentions: none");
        assertFalse(d.isMentionRepliedUser());
        assertTrue(d.getContent().length() <= 2000);
        for (MessageEmbed e : d.getEmbeds()) {
            assertTrue(e.isSendable(), "embed within limits");
        }
        assertTrue(d.getComponents().size() <= 5);
    }

    @Test
    void scheduleTimesAreRelativeDiscordTimestamps() {
        Reply card = everyReplyType().filter(r -> r instanceof ScheduleCard).findFirst().orElseThrow();
        String field = DiscordRenderer.render(card).data().getEmbeds().get(0).getFields().get(0).getValue();
        assertTrue(field.contains("<t:1800000000:R>"), field);
        assertTrue(field.contains("<#123>"), field);
    }

    @Test
    void buttonsCarryTheActionIdsInOrderFiveToARow() {
        Reply q = everyReplyType().findFirst().orElseThrow();
        MessageCreateData d = DiscordRenderer.render(q).data();
        assertEquals(2, d.getComponents().size());
        assertEquals("ask:q0:en", d.getComponents().get(0).asActionRow().getButtons().get(0).getCustomId());
        assertEquals(80, d.getComponents().get(0).asActionRow().getButtons().get(0).getLabel().length(), "labels cut to 80");
    }

    @Test
    void cutKeepsSurrogatePairsWhole() {
        assertEquals("ab…", DiscordRenderer.cut("ab😀cd", 3));
        assertEquals("abc", DiscordRenderer.cut("abc", 3));
        assertEquals("a…", DiscordRenderer.cut("a😀", 2));
    }

    /** The help's text forms name Discord's own slash commands where those are separate commands. */
    @Test
    void theHelpNamesDiscordsSlashCommands() {
        org.junit.jupiter.api.Assertions.assertEquals("/llmq-review", DiscordRenderer.slashName("/llmq review"));
        org.junit.jupiter.api.Assertions.assertEquals("/llmq-forget-me", DiscordRenderer.slashName("/llmq forget-me"));
        org.junit.jupiter.api.Assertions.assertEquals("/llmq <topic>", DiscordRenderer.slashName("/llmq <topic>"));
        org.junit.jupiter.api.Assertions.assertEquals("/llmq", DiscordRenderer.slashName("/llmq"));
    }

    static Stream<LongAnswers.Answer> shippedLongAnswers() throws Exception {
        return LongAnswers.shipped().stream();
    }

    /** Issue 17: the shipped bank's longest answers fit one embed, their code blocks whole and fenced. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedLongAnswers")
    void theLongestShippedAnswersFitAnEmbedWithTheirCodeWhole(LongAnswers.Answer a) {
        MessageEmbed e = DiscordRenderer.answerEmbed(longCard(a));
        String d = e.getDescription();
        assertTrue(d.length() <= MessageEmbed.DESCRIPTION_MAX_LENGTH, a.name() + ": " + d.length());
        assertTrue(e.isSendable(), a.name() + ": the embed is over Discord's total limit");
        assertFalse(d.endsWith("…"), a.name() + " was cut");
        for (String code : LongAnswers.codeOf(a.text())) {
            assertTrue(d.contains("```python\n" + code + "\n```") || d.contains("```\n" + code + "\n```"),
                    a.name() + ": the code block is not whole");
        }
        assertEquals(0, fences(d) % 2, a.name() + ": a fence is left open");
    }

    /** An answer too long for an embed is cut at a line of its code, and the fence is closed. */
    @Test
    void aCodeBlockTooLongForAnEmbedIsCutAtALineAndClosed() {
        LongAnswers.Answer a = LongAnswers.tooLong();
        MessageEmbed e = DiscordRenderer.answerEmbed(longCard(a));
        String d = e.getDescription();
        assertTrue(d.length() <= MessageEmbed.DESCRIPTION_MAX_LENGTH, "length " + d.length());
        assertTrue(e.isSendable());
        assertEquals(0, fences(d) % 2, "a fence is left open");
        assertTrue(d.endsWith("```…"), d.substring(d.length() - 20));
        String shown = d.substring(d.indexOf("```python\n") + 10, d.lastIndexOf("\n```"));
        assertTrue(LongAnswers.codeOf(a.text()).get(0).startsWith(shown + "\n"), "the code is cut inside a line");
        assertTrue(shown.lines().count() > 20, "too little of the code is shown");
    }

    private static AnswerCard longCard(LongAnswers.Answer a) {
        return new AnswerCard(a.lang(), "q-long", "Topic", a.prompt(), a.text(), List.of("a key point"),
                Optional.of("a source"), true, List.of());
    }

    private static int fences(String text) {
        int n = 0;
        for (int at = text.indexOf("```"); at >= 0; at = text.indexOf("```", at + 3)) {
            n++;
        }
        return n;
    }

    /** Issue 17: forty topics with ten aliases each outgrow an embed; every topic is still listed. */
    @Test
    void aLongTopicListDropsTheAliasesButKeepsEveryTopic() {
        List<TopicList.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<String> aliases = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                aliases.add("alias-number-" + i + "-" + j);
            }
            entries.add(new TopicList.Entry("topic-" + i, "Topic name " + i, aliases, 15));
        }
        MessageEmbed e = DiscordRenderer.render(new TopicList(Lang.EN, entries, true)).data().getEmbeds().get(0);
        String d = e.getDescription();
        assertTrue(d.length() <= MessageEmbed.DESCRIPTION_MAX_LENGTH);
        for (TopicList.Entry t : entries) {
            assertTrue(d.contains("`" + t.id() + "` " + t.name()), t.id() + " is missing");
        }
        assertFalse(d.contains("alias-number"), "aliases were kept although they do not fit");
        MessageEmbed few = DiscordRenderer.render(new TopicList(Lang.EN, entries.subList(0, 3), true)).data()
                .getEmbeds().get(0);
        assertTrue(few.getDescription().contains("alias-number-0-0"), "a short list keeps its aliases");
    }
}
