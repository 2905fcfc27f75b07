package dev.llmq.core.stats;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.StudyMsg;

/** A member's {@link StudyStats} in words: the caption of the card, and the whole card where it cannot be drawn. */
public final class StatsText {
    private static final int BAR = 10;

    private StatsText() {
    }

    /** One or two lines: due today and this week's reviews, then the streak when they opted in. */
    public static String caption(StudyStats s, Lang lang) {
        String text = StudyMsg.STATS_CAPTION.text(lang, s.due(), s.thisWeek());
        if (s.streak().isPresent()) {
            text += (lang == Lang.ZH ? "" : " ") + StudyMsg.STATS_CAPTION_STREAK.text(lang, s.streak().get().current(),
                    s.streak().get().longest());
        }
        if (s.reviewed() == 0) {
            text += "\n" + StudyMsg.STATS_NEW.text(lang);
        }
        return text;
    }

    /** Everything the image shows, as text. */
    public static String words(StudyStats s, Lang lang) {
        StringBuilder b = new StringBuilder();
        b.append(StudyMsg.STATS_WORDS.text(lang)).append('\n')
                .append(StudyMsg.STATS_AS_OF.text(lang, s.today(), s.zone().getId())).append('\n')
                .append(caption(s, lang)).append('\n')
                .append(StudyMsg.STATS_ACTIVITY.text(lang)).append(lang == Lang.ZH ? "：" : ": ")
                .append(StudyMsg.STATS_ACTIVITY_LINE.text(lang, s.reviewsShown(), s.activeDays())).append('\n')
                .append(StudyMsg.STATS_MASTERY.text(lang)).append('\n');
        for (StudyStats.TopicMastery t : s.topics()) {
            int filled = (int) Math.round(t.share() * BAR);
            b.append("  ").append("▰".repeat(filled)).append("▱".repeat(BAR - filled)).append(' ')
                    .append(StudyMsg.STATS_MASTERY_LINE.text(lang, t.name(), t.mastered(), t.questions())).append('\n');
        }
        return b.toString().stripTrailing();
    }
}
