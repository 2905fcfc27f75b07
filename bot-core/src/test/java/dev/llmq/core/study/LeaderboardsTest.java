package dev.llmq.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmq.core.fsrs.Grade;
import dev.llmq.core.port.in.LeaderboardCard.Row;
import dev.llmq.core.port.out.LoggedReview;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaderboardsTest {
    static LoggedReview r(String user, String q, Grade g, String at) {
        return new LoggedReview(user, q, g, Instant.parse(at));
    }

    /** 2026-12-01 is a Tuesday: the week began on Monday 2026-11-30 at 00:00 in the server's zone. */
    @Test
    void theWeekStartsOnMondayAtMidnightInTheServersZone() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), Leaderboards.weekStart(now, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-11-29T16:00:00Z"), Leaderboards.weekStart(now, ZoneId.of("Asia/Shanghai")));
        // Monday 03:00 UTC is Sunday 22:00 in New York: still the week before there
        assertEquals(Instant.parse("2026-11-23T05:00:00Z"),
                Leaderboards.weekStart(Instant.parse("2026-11-30T03:00:00Z"), ZoneId.of("America/New_York")));
    }

    @Test
    void oneReviewPerQuestionAndDayCountsAndTheFirstGradeOfTheDayIsTheOneKept() {
        List<Row> rows = Leaderboards.rank(List.of(
                r("ann", "q1", Grade.AGAIN, "2026-11-30T09:00:00Z"),
                r("ann", "q1", Grade.GOOD, "2026-11-30T09:01:00Z"), // the same card again that day: not counted
                r("ann", "q1", Grade.GOOD, "2026-12-01T09:00:00Z"), // the next day: counted
                r("ann", "q2", Grade.EASY, "2026-11-30T10:00:00Z"),
                r("bob", "q1", Grade.GOOD, "2026-11-30T10:00:00Z"),
                r("bob", "q2", Grade.GOOD, "2026-11-30T11:00:00Z"),
                r("bob", "q3", Grade.HARD, "2026-11-30T12:00:00Z")), ZoneOffset.UTC);
        assertEquals(List.of(new Row(1, "ann", 3, 2), new Row(1, "bob", 3, 2)), rows,
                "the same counts share a rank; ann's repeat on Monday is not a review");
    }

    @Test
    void reviewsRankFirstThenGoodOrEasy() {
        List<Row> rows = Leaderboards.rank(List.of(
                r("cat", "q1", Grade.HARD, "2026-11-30T09:00:00Z"),
                r("cat", "q2", Grade.HARD, "2026-11-30T09:00:00Z"),
                r("dan", "q1", Grade.GOOD, "2026-11-30T09:00:00Z"),
                r("eve", "q1", Grade.EASY, "2026-11-30T09:00:00Z"),
                r("eve", "q2", Grade.GOOD, "2026-11-30T09:00:00Z")), ZoneOffset.UTC);
        assertEquals(List.of(new Row(1, "eve", 2, 2), new Row(2, "cat", 2, 0), new Row(3, "dan", 1, 1)), rows);
    }

    @Test
    void theLocalDayIsTheServersDay() {
        // 23:30 and 00:30 UTC are one day in Shanghai (07:30 and 08:30): one review there, two in UTC
        List<LoggedReview> log = List.of(r("ann", "q1", Grade.GOOD, "2026-11-30T23:30:00Z"),
                r("ann", "q1", Grade.GOOD, "2026-12-01T00:30:00Z"));
        assertEquals(1, Leaderboards.rank(log, ZoneId.of("Asia/Shanghai")).get(0).reviews());
        assertEquals(2, Leaderboards.rank(log, ZoneOffset.UTC).get(0).reviews());
    }
}
