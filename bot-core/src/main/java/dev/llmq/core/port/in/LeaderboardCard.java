package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.util.List;
import java.util.Objects;

/**
 * This week's ranking in a server or workspace. Members are given by their platform ids, which
 * each adapter shows its own way (a mention that pings nobody on Discord and Slack, the name in the
 * console), so llmq needs no member list and no privileged intent.
 *
 * @param title   the heading, with the week's dates
 * @param rows    best first; only members who opted in
 * @param footer  how the week and the counting work, and how to opt in
 */
public record LeaderboardCard(Lang lang, String title, List<Row> rows, String footer, boolean ephemeral,
                              List<Action> actions) implements Reply {
    /**
     * One member's week.
     *
     * @param rank       1 for the best; members with the same counts share a rank
     * @param user       their platform user id
     * @param reviews    reviews this week, at most one per question and day
     * @param goodOrEasy those of them graded Good or Easy
     */
    public record Row(int rank, String user, int reviews, int goodOrEasy) {
        public Row {
            Objects.requireNonNull(user, "user");
        }
    }

    public LeaderboardCard {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(title, "title");
        rows = List.copyOf(rows);
        Objects.requireNonNull(footer, "footer");
        actions = List.copyOf(actions);
    }
}
