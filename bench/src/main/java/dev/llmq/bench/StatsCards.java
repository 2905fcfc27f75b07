package dev.llmq.bench;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.Topic;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.stats.Streak;
import dev.llmq.core.stats.StudyStats;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stats of a busy member, for the render benchmarks: every topic of the bank, 12 full weeks, a streak. */
final class StatsCards {
    private StatsCards() {
    }

    static StudyStats busy(QuestionBank bank, Lang lang) {
        List<StudyStats.TopicMastery> topics = new ArrayList<>();
        int i = 0;
        for (Topic t : bank.topics()) {
            int n = bank.questionsOf(t.id()).size();
            topics.add(new StudyStats.TopicMastery(t.id(), t.name(lang), (i++ * 5) % (n + 1), n));
        }
        List<Integer> days = new ArrayList<>();
        for (int d = 0; d < 7 * (StudyStats.WEEKS - 1) + 2; d++) {
            days.add((d * 37 % 11) % 9);
        }
        return new StudyStats(LocalDate.parse("2026-12-01"), ZoneId.of("Asia/Shanghai"), topics, days, 7, 23, 120,
                Optional.of(new Streak(12, 30)));
    }
}
