package dev.llmq.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreakTest {
    static final LocalDate TODAY = LocalDate.parse("2026-12-01");

    static LocalDate ago(int days) {
        return TODAY.minusDays(days);
    }

    @Test
    void aRunThatEndsTodayCountsToday() {
        assertEquals(new Streak(3, 3), Streak.of(List.of(ago(2), ago(1), ago(0)), TODAY));
    }

    @Test
    void aRunThatEndedYesterdayIsStillCurrentUntilTodayEnds() {
        assertEquals(new Streak(2, 2), Streak.of(List.of(ago(2), ago(1)), TODAY));
    }

    @Test
    void aWholeDayWithoutAGradeBreaksIt() {
        assertEquals(new Streak(0, 4), Streak.of(List.of(ago(6), ago(5), ago(4), ago(3)), TODAY));
        assertEquals(new Streak(1, 4), Streak.of(List.of(ago(6), ago(5), ago(4), ago(3), ago(0)), TODAY));
    }

    @Test
    void repeatsAndOrderDoNotMatterAndFutureDaysDoNotCount() {
        assertEquals(new Streak(2, 2), Streak.of(List.of(ago(0), ago(1), ago(0), TODAY.plusDays(1)), TODAY));
        assertEquals(new Streak(0, 0), Streak.of(List.of(), TODAY));
    }
}
