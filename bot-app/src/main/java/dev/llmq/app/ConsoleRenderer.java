package dev.llmq.app;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.i18n.StudyMsg;
import dev.llmq.core.port.in.Attachment;
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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Renders core replies as terminal text; buttons become numbered choices. Public for the benchmarks. */
public final class ConsoleRenderer {
    private ConsoleRenderer() {
    }

    public static String render(Reply reply) {
        return render(reply, a -> a.fileName());
    }

    /**
     * @param where what to print for a reply's file: where the console saved it (the adapter
     *              writes it first), or only its name
     */
    public static String render(Reply reply, Function<Attachment, String> where) {
        StringBuilder out = new StringBuilder();
        switch (reply) {
            case QuestionCard q -> {
                q.lead().ifPresent(lead -> out.append(lead).append('\n'));
                out.append("── ").append(q.topicName()).append(" · ").append(q.difficultyLabel())
                        .append(" · ").append(q.questionId()).append(" ──\n");
                out.append(q.prompt()).append('\n');
            }
            case AnswerCard a -> {
                // No "only you can see this answer": one person uses a terminal.
                out.append("── ").append(Msg.ANSWER_TITLE.text(a.lang())).append(" · ").append(a.questionId());
                out.append(" ──\n").append(a.answer()).append('\n');
                if (!a.keyPoints().isEmpty()) {
                    out.append(Msg.KEY_POINTS.text(a.lang())).append(colon(a.lang())).append('\n');
                    for (String p : a.keyPoints()) {
                        out.append("  • ").append(p).append('\n');
                    }
                }
                a.source().ifPresent(s -> out.append(Msg.SOURCE.text(a.lang(), s)).append('\n'));
            }
            case HintCard h -> {
                out.append(Msg.HINT_TITLE.text(h.lang(), h.number(), h.total())).append(colon(h.lang()))
                        .append(h.lang() == Lang.ZH ? "" : " ").append(h.hint()).append('\n');
            }
            case Notice n -> {
                out.append(n.level() == Notice.Level.ERROR ? "! " : "").append(n.text()).append('\n');
            }
            case TopicList t -> {
                out.append(Msg.TOPICS_TITLE.text(t.lang())).append(colon(t.lang())).append('\n');
                for (TopicList.Entry e : t.topics()) {
                    out.append(String.format("  %-20s %s (%s)", e.id(), e.name(), Msg.QUESTION_COUNT.text(t.lang(), e.questions())));
                    if (!e.aliases().isEmpty()) {
                        out.append(" · ").append(String.join(", ", e.aliases()));
                    }
                    out.append('\n');
                }
                if (!t.topics().isEmpty()) {
                    out.append(Msg.TOPICS_FOOTER.text(t.lang(), t.topics().get(0).id())).append('\n');
                }
            }
            case ScheduleCard c -> {
                out.append(c.headline()).append('\n');
                for (ScheduleCard.Entry e : c.entries()) {
                    out.append(String.format("  #%s  %s %s  %s  %s%n", e.channel(), e.time(), e.zone().getId(),
                            Weekdays.describe(e.weekdays(), c.lang()),
                            e.topics().isEmpty() ? Msg.ALL_TOPICS.text(c.lang()) : String.join(", ", e.topics())));
                    out.append("    ").append(Msg.DAILY_NEXT.text(c.lang(), next(e.next(), e.zone(), c.lang()))).append('\n');
                }
            }
            case FileReply f -> {
                out.append(f.caption()).append('\n');
                out.append(ConsoleText.FILE_SAVED.text(f.lang(), where.apply(f.file()))).append('\n');
            }
            case LeaderboardCard b -> {
                out.append(b.title()).append('\n');
                if (b.rows().isEmpty()) {
                    out.append("  ").append(StudyMsg.LEADERBOARD_EMPTY.text(b.lang())).append('\n');
                }
                for (LeaderboardCard.Row r : b.rows()) {
                    out.append(String.format("  %2d. %-16s %s%n", r.rank(), r.user(),
                            StudyMsg.LEADERBOARD_ROW.text(b.lang(), r.reviews(), r.goodOrEasy())));
                }
                out.append(b.footer()).append('\n');
            }
            case HelpCard h -> {
                out.append(Msg.HELP_TITLE.text(h.lang())).append('\n');
                for (HelpCard.Line l : h.lines()) {
                    out.append(String.format("  %-32s %s%n", l.usage(), l.text()));
                }
                out.append("  ").append(Msg.DAILY_USAGE.text(h.lang())).append('\n');
                out.append("  /quit\n");
            }
        }
        out.append(buttons(reply.actions()));
        return out.toString();
    }

    private static final DateTimeFormatter NEXT_EN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm (VV)", Locale.ROOT);
    private static final DateTimeFormatter NEXT_ZH = DateTimeFormatter.ofPattern("yyyy-MM-dd（EEE）HH:mm（VV）", Locale.CHINA);

    /** The next time in the schedule's zone, in the reply's language ("Thu 2026-12-03 09:00 (Asia/Shanghai)", "2026-12-03（周四）09:00（Asia/Shanghai）"). */
    static String next(java.time.Instant at, java.time.ZoneId zone, Lang lang) {
        return (lang == Lang.ZH ? NEXT_ZH : NEXT_EN).format(at.atZone(zone));
    }

    /** The colon after a label: full-width in Chinese. */
    static String colon(Lang lang) {
        return lang == Lang.ZH ? "：" : ":";
    }

    static String buttons(List<Action> actions) {
        if (actions.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" ");
        for (int i = 0; i < actions.size(); i++) {
            b.append(i == 0 ? " [" : "   [").append(i + 1).append("] ").append(actions.get(i).label());
        }
        return b.append('\n').toString();
    }
}
