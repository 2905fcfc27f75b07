package dev.llmq.core.study;

import dev.llmq.core.fsrs.Grade;
import dev.llmq.core.port.in.LeaderboardCard;
import dev.llmq.core.port.out.LoggedReview;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A server's weekly ranking. The week starts on Monday at 00:00 in the server's zone. A member's
 * reviews count at most once per question and local day (in the same zone), so grading one card
 * ten times in a row is one review: the first, which is the honest recall (later ones follow the
 * answer). Members rank by those reviews, then by how many of them were Good or Easy; members with
 * the same two counts share a rank.
 */
public final class Leaderboards {
    /** How many members a board shows. */
    public static final int SHOWN = 10;

    private Leaderboards() {
    }

    /** Monday 00:00 of the week that holds {@code now}, in {@code zone}. */
    public static Instant weekStart(Instant now, ZoneId zone) {
        LocalDate monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.atStartOfDay(zone).toInstant();
    }

    /** The rows of a board from the week's reviews (oldest first) of the members who opted in; best first. */
    public static List<LeaderboardCard.Row> rank(List<LoggedReview> reviews, ZoneId zone) {
        record Day(String user, String question, LocalDate date) {
        }
        Set<Day> counted = new HashSet<>();
        Map<String, int[]> byUser = new HashMap<>();
        reviews.stream().sorted(Comparator.comparing(LoggedReview::at)).forEach(r -> {
            if (counted.add(new Day(r.user(), r.questionId(), r.at().atZone(zone).toLocalDate()))) {
                int[] n = byUser.computeIfAbsent(r.user(), u -> new int[2]);
                n[0]++;
                if (r.grade() == Grade.GOOD || r.grade() == Grade.EASY) {
                    n[1]++;
                }
            }
        });
        List<Map.Entry<String, int[]>> sorted = new ArrayList<>(byUser.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<String, int[]> e) -> -e.getValue()[0])
                .thenComparing(e -> -e.getValue()[1])
                .thenComparing(Map.Entry::getKey));
        List<LeaderboardCard.Row> rows = new ArrayList<>();
        int rank = 0;
        int[] previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            int[] n = sorted.get(i).getValue();
            if (previous == null || previous[0] != n[0] || previous[1] != n[1]) {
                rank = i + 1;
            }
            previous = n;
            rows.add(new LeaderboardCard.Row(rank, sorted.get(i).getKey(), n[0], n[1]));
        }
        return rows;
    }
}
