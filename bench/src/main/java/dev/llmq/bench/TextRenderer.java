package dev.llmq.bench;

import dev.llmq.core.i18n.Msg;
import dev.llmq.core.reply.Action;
import dev.llmq.core.reply.AnswerCard;
import dev.llmq.core.reply.HelpCard;
import dev.llmq.core.reply.HintCard;
import dev.llmq.core.reply.Notice;
import dev.llmq.core.reply.QuestionCard;
import dev.llmq.core.reply.Reply;
import dev.llmq.core.reply.TopicList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text renderer for core replies, built like the console adapter's (which lives in
 * bot-app and is not visible here), so that "render" costs about what a text channel pays.
 */
final class TextRenderer {
    private TextRenderer() {
    }

    static String render(Reply reply) {
        StringBuilder out = new StringBuilder(256);
        if (reply instanceof QuestionCard q) {
            out.append("── ").append(q.topicName()).append(" · ").append(q.difficultyLabel())
                    .append(" · ").append(q.questionId()).append(" ──\n");
            out.append(q.prompt()).append('\n');
        } else if (reply instanceof AnswerCard a) {
            out.append("── ").append(Msg.ANSWER_TITLE.text(a.lang())).append(" · ").append(a.questionId());
            if (a.ephemeral()) {
                out.append(" · ").append(Msg.ANSWER_PRIVATE_NOTE.text(a.lang()));
            }
            out.append(" ──\n").append(a.answer()).append('\n');
            if (!a.keyPoints().isEmpty()) {
                out.append(Msg.KEY_POINTS.text(a.lang())).append(":\n");
                for (String p : a.keyPoints()) {
                    out.append("  • ").append(p).append('\n');
                }
            }
            a.source().ifPresent(s -> out.append(Msg.SOURCE.text(a.lang(), s)).append('\n'));
        } else if (reply instanceof HintCard h) {
            out.append(Msg.HINT_TITLE.text(h.lang(), h.number(), h.total())).append(": ").append(h.hint()).append('\n');
        } else if (reply instanceof Notice n) {
            out.append(n.level() == Notice.Level.ERROR ? "! " : "").append(n.text()).append('\n');
        } else if (reply instanceof TopicList t) {
            out.append(Msg.TOPICS_TITLE.text(t.lang())).append(":\n");
            for (TopicList.Entry e : t.topics()) {
                out.append(String.format(Locale.ROOT, "  %-20s %s (%s)", e.id(), e.name(),
                        Msg.QUESTION_COUNT.text(t.lang(), e.questions())));
                if (!e.aliases().isEmpty()) {
                    out.append(" · ").append(String.join(", ", e.aliases()));
                }
                out.append('\n');
            }
            if (!t.topics().isEmpty()) {
                out.append(Msg.TOPICS_FOOTER.text(t.lang(), t.topics().get(0).id())).append('\n');
            }
        } else if (reply instanceof HelpCard h) {
            out.append(Msg.HELP_TITLE.text(h.lang())).append('\n');
            for (HelpCard.Line l : h.lines()) {
                out.append(String.format(Locale.ROOT, "  %-32s %s%n", l.usage(), l.text()));
            }
        } else {
            throw new IllegalArgumentException("unknown reply " + reply.getClass().getName());
        }
        buttons(out, reply.actions());
        return out.toString();
    }

    private static void buttons(StringBuilder out, List<Action> actions) {
        if (actions.isEmpty()) {
            return;
        }
        out.append(' ');
        for (int i = 0; i < actions.size(); i++) {
            out.append(i == 0 ? " [" : "   [").append(i + 1).append("] ").append(actions.get(i).label());
        }
        out.append('\n');
    }
}
