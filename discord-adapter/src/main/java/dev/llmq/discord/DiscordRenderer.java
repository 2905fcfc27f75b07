package dev.llmq.discord;

import dev.llmq.core.bank.RichText;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.i18n.StudyMsg;
import dev.llmq.core.port.in.FileReply;
import dev.llmq.core.port.in.LeaderboardCard;
import dev.llmq.core.port.in.Action;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.HelpCard;
import dev.llmq.core.port.in.HintCard;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.port.in.TopicList;
import dev.llmq.core.schedule.Weekdays;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders core replies as Discord messages: questions, answers, topics, help and schedules as
 * embeds; hints and notices as text; actions as buttons whose {@code custom_id} is the action id.
 * Every message is built with allowed mentions set to none, so no text can ping anyone.
 */
public final class DiscordRenderer {
    /** A rendered reply and whether only the requester should see it. */
    public record Rendered(MessageCreateData data, boolean ephemeral) {
    }

    static final Color EASY = new Color(0x3BA55C);
    static final Color MEDIUM = new Color(0xFAA61A);
    static final Color HARD = new Color(0xED4245);
    static final Color INFO = new Color(0x5865F2);

    /** How much of the prompt the answer card repeats above the answer. */
    static final int PROMPT_IN_ANSWER = 1000;

    private DiscordRenderer() {
    }

    public static Rendered render(Reply reply) {
        MessageCreateBuilder b = base();
        switch (reply) {
            case QuestionCard q -> {
                q.lead().ifPresent(lead -> b.setContent(cut(lead, Message.MAX_CONTENT_LENGTH)));
                b.setEmbeds(questionEmbed(q));
            }
            case AnswerCard a -> b.setEmbeds(answerEmbed(a));
            case HintCard h -> b.setContent(cut("**" + Msg.HINT_TITLE.text(h.lang(), h.number(), h.total()) + ":** "
                    + h.hint(), Message.MAX_CONTENT_LENGTH));
            case Notice n -> b.setContent(cut((n.level() == Notice.Level.ERROR ? "⚠️ " : "") + n.text(),
                    Message.MAX_CONTENT_LENGTH));
            case TopicList t -> b.setEmbeds(topicsEmbed(t));
            case HelpCard h -> b.setEmbeds(helpEmbed(h));
            case ScheduleCard c -> {
                b.setContent(cut(c.headline(), Message.MAX_CONTENT_LENGTH));
                if (!c.entries().isEmpty()) {
                    b.setEmbeds(scheduleEmbed(c));
                }
            }
            // the image shows inline in the message; an export is a file to download
            case FileReply f -> b.setContent(cut(f.caption(), Message.MAX_CONTENT_LENGTH))
                    .setFiles(FileUpload.fromData(f.file().bytes(), f.file().fileName()));
            case LeaderboardCard l -> b.setEmbeds(leaderboardEmbed(l));
        }
        b.setComponents(buttons(reply.actions()));
        return new Rendered(b.build(), reply.ephemeral());
    }

    /** A daily question: a title line with the date, the question embed and its buttons. */
    static MessageCreateData dailyQuestion(QuestionCard q, java.time.LocalDate date) {
        return base()
                .setContent("**" + Msg.DAILY_TITLE_POST.text(q.lang(), date) + "**")
                .setEmbeds(questionEmbed(q))
                .setComponents(buttons(q.actions()))
                .build();
    }

    /** The previous day's answer, posted in that day's thread. */
    static MessageCreateData dailyAnswer(AnswerCard a) {
        return base()
                .setContent("**" + Msg.DAILY_ANSWER_IN_THREAD.text(a.lang()) + "**")
                .setEmbeds(answerEmbed(a))
                .setComponents(buttons(a.actions()))
                .build();
    }

    private static MessageCreateBuilder base() {
        return new MessageCreateBuilder()
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .mentionRepliedUser(false);
    }

    static MessageEmbed questionEmbed(QuestionCard q) {
        return new EmbedBuilder()
                .setTitle(cut(q.topicName() + " · " + q.difficultyLabel(), MessageEmbed.TITLE_MAX_LENGTH))
                .setDescription(cut(q.prompt(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .setColor(q.difficulty() <= 1 ? EASY : q.difficulty() == 2 ? MEDIUM : HARD)
                .setFooter(q.questionId())
                .build();
    }

    private static String topicLines(TopicList t, boolean withAliases) {
        StringBuilder d = new StringBuilder();
        for (TopicList.Entry e : t.topics()) {
            d.append('`').append(e.id()).append("` ").append(e.name()).append(" · ")
                    .append(Msg.QUESTION_COUNT.text(t.lang(), e.questions()));
            if (withAliases && !e.aliases().isEmpty()) {
                d.append(" · ").append(String.join(", ", e.aliases()));
            }
            d.append('\n');
        }
        return d.toString();
    }

    static MessageEmbed answerEmbed(AnswerCard a) {
        EmbedBuilder e = new EmbedBuilder()
                .setTitle(cut(Msg.ANSWER_TITLE.text(a.lang()) + " · " + a.topicName(), MessageEmbed.TITLE_MAX_LENGTH))
                .setDescription(answerText(a.prompt(), a.answer(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .setColor(INFO);
        if (!a.keyPoints().isEmpty()) {
            e.addField(Msg.KEY_POINTS.text(a.lang()),
                    cut(a.keyPoints().stream().map(p -> "• " + p).collect(Collectors.joining("\n")),
                            MessageEmbed.VALUE_MAX_LENGTH), false);
        }
        String footer = a.source().map(s -> Msg.SOURCE.text(a.lang(), s) + " · ").orElse("") + a.questionId();
        return e.setFooter(cut(footer, MessageEmbed.TEXT_MAX_LENGTH)).build();
    }

    private static MessageEmbed topicsEmbed(TopicList t) {
        String all = topicLines(t, true);
        // Thirty-odd topics with their aliases outgrow an embed: then every topic, without aliases.
        String d = all.length() <= MessageEmbed.DESCRIPTION_MAX_LENGTH ? all : topicLines(t, false);
        EmbedBuilder b = new EmbedBuilder().setTitle(Msg.TOPICS_TITLE.text(t.lang()))
                .setDescription(cut(d, MessageEmbed.DESCRIPTION_MAX_LENGTH)).setColor(INFO);
        if (!t.topics().isEmpty()) {
            b.setFooter(Msg.TOPICS_FOOTER.text(t.lang(), t.topics().get(0).id()));
        }
        return b.build();
    }

    private static MessageEmbed helpEmbed(HelpCard h) {
        StringBuilder d = new StringBuilder();
        for (HelpCard.Line l : h.lines()) {
            d.append('`').append(slashName(l.usage())).append("` ").append(l.text()).append('\n');
        }
        d.append('\n').append(DiscordText.DISCORD_HELP_MORE.text(h.lang()));
        return new EmbedBuilder().setTitle(Msg.HELP_TITLE.text(h.lang()))
                .setDescription(cut(d.toString(), MessageEmbed.DESCRIPTION_MAX_LENGTH)).setColor(INFO).build();
    }

    /** Members as mentions: Discord shows each one's name, and allowed mentions none means nobody is pinged. */
    private static MessageEmbed leaderboardEmbed(LeaderboardCard l) {
        StringBuilder d = new StringBuilder();
        for (LeaderboardCard.Row r : l.rows()) {
            d.append("**").append(r.rank()).append(".** <@").append(r.user()).append("> · ")
                    .append(StudyMsg.LEADERBOARD_ROW.text(l.lang(), r.reviews(), r.goodOrEasy())).append('\n');
        }
        if (l.rows().isEmpty()) {
            d.append(StudyMsg.LEADERBOARD_EMPTY.text(l.lang()));
        }
        return new EmbedBuilder().setTitle(cut(l.title(), MessageEmbed.TITLE_MAX_LENGTH))
                .setDescription(cut(d.toString(), MessageEmbed.DESCRIPTION_MAX_LENGTH)).setColor(INFO)
                .setFooter(cut(l.footer(), MessageEmbed.TEXT_MAX_LENGTH)).build();
    }

    private static MessageEmbed scheduleEmbed(ScheduleCard c) {
        EmbedBuilder b = new EmbedBuilder().setTitle(Msg.DAILY_TITLE.text(c.lang())).setColor(INFO);
        for (ScheduleCard.Entry e : c.entries()) {
            if (b.getFields().size() == MessageEmbed.MAX_FIELD_AMOUNT) {
                break;
            }
            long unix = e.next().getEpochSecond();
            String name = e.time() + " " + e.zone().getId() + " · " + Weekdays.describe(e.weekdays(), c.lang());
            String value = "<#" + e.channel() + "> · "
                    + (e.topics().isEmpty() ? Msg.ALL_TOPICS.text(c.lang()) : String.join(", ", e.topics()))
                    + "\n" + Msg.DAILY_NEXT.text(c.lang(), relative(unix) + " (<t:" + unix + ":f>)");
            b.addField(cut(name, MessageEmbed.TITLE_MAX_LENGTH), cut(value, MessageEmbed.VALUE_MAX_LENGTH), false);
        }
        return b.build();
    }

    /** The text form's {@code /llmq topics} is Discord's {@code /llmq-topics}: each of these is its own slash command. */
    static String slashName(String usage) {
        return usage.replaceFirst("^/llmq (topics|help|review|settings|forget-me|stats|leaderboard|export)\\b",
                "/llmq-$1");
    }

    /** A Discord timestamp that each reader sees relative to now, in their own time zone: {@code <t:unix:R>}. */
    static String relative(long unixSeconds) {
        return "<t:" + unixSeconds + ":R>";
    }

    /** Buttons in rows of five; ids are the core's action ids (unique per message, at most 100 characters). */
    static List<ActionRow> buttons(List<Action> actions) {
        List<Button> buttons = new ArrayList<>();
        List<Button> grades = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Action a : actions) {
            if (!seen.add(a.id()) || buttons.size() + grades.size() == 25) {
                continue;
            }
            String label = cut(a.label(), Button.LABEL_MAX_LENGTH);
            switch (a.kind()) {
                case REVEAL -> buttons.add(Button.primary(a.id(), label));
                case GRADE -> grades.add(Button.secondary(a.id(), label));
                case FORGET -> buttons.add(Button.danger(a.id(), label));
                case REVIEW -> buttons.add(Button.primary(a.id(), label));
                case SHARE -> buttons.add(Button.secondary(a.id(), label));
                case HINT, NEXT, FOLLOW_UP -> buttons.add(Button.secondary(a.id(), label));
            }
        }
        List<ActionRow> rows = new ArrayList<>(buttons.isEmpty() ? List.of() : ActionRow.partitionOf(buttons));
        if (!grades.isEmpty()) { // Again / Hard / Good / Easy: a row of their own, as in Anki
            rows.addAll(ActionRow.partitionOf(grades));
        }
        return rows;
    }

    /** The bold prompt, a blank line, then the answer as Discord Markdown: all within {@code max} characters. */
    static String answerText(String prompt, String answer, int max) {
        String head = "**" + cut(prompt, PROMPT_IN_ANSWER) + "**\n\n";
        return head + markdown(answer, max - head.length());
    }

    /**
     * A bank text as Discord Markdown within {@code max} characters. Code blocks keep their fence
     * and language (Discord highlights it). What does not fit is cut, and a cut code block is cut
     * at a line end and its fence closed, so the rest of the embed is not swallowed by an open one.
     */
    static String markdown(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (RichText.Segment s : RichText.parse(text)) {
            String sep = out.isEmpty() ? "" : "\n";
            String part = switch (s) {
                case RichText.Prose p -> p.text();
                case RichText.Code c -> fence(c.language(), c.code());
            };
            if (out.length() + sep.length() + part.length() <= max) {
                out.append(sep).append(part);
                continue;
            }
            int room = max - out.length() - sep.length() - 1;
            switch (s) {
                case RichText.Prose p -> {
                    if (room > 0) {
                        out.append(sep).append(cut(p.text(), room + 1));
                        return out.toString();
                    }
                }
                case RichText.Code c -> {
                    int codeRoom = room - fence(c.language(), "").length();
                    if (codeRoom > 0) {
                        out.append(sep).append(fence(c.language(), RichText.split(c.code(), codeRoom).get(0)));
                    }
                }
            }
            if (out.length() < max) {
                out.append('…');
            }
            return out.toString();
        }
        return out.toString();
    }

    private static String fence(String language, String code) {
        return "```" + language + "\n" + code + "\n```";
    }

    /** Shortens text to {@code max} characters (UTF-16 units, as Discord counts), ending with an ellipsis. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
