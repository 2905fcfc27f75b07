package dev.llmq.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FireTimesTest {
    private static Schedule at(String time, String zone, Set<DayOfWeek> days) {
        return new Schedule(new ChannelRef("test", "s", "c"), LocalTime.parse(time), ZoneId.of(zone), days, List.of(),
                Optional.empty(), true, Optional.empty(), "admin");
    }

    private static Instant local(String dateTime, String zone) {
        return java.time.LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    @Test
    void plainDay() {
        Schedule s = at("09:00", "Asia/Shanghai", Schedule.EVERY_DAY);
        assertEquals(Instant.parse("2026-03-02T01:00:00Z"), FireTimes.next(s, Instant.parse("2026-03-01T01:00:00Z")));
        assertEquals(Instant.parse("2026-03-01T01:00:00Z"), FireTimes.next(s, Instant.parse("2026-03-01T00:59:59Z")));
    }

    @Test
    void springForwardGapFiresOnceAtTheEndOfTheGap() {
        // New York, 2026-03-08: 02:00 -> 03:00.
        Schedule s = at("02:30", "America/New_York", Schedule.EVERY_DAY);
        Instant fire = FireTimes.next(s, local("2026-03-07T12:00", "America/New_York"));
        assertEquals(local("2026-03-08T03:00", "America/New_York"), fire);
        assertEquals(local("2026-03-09T02:30", "America/New_York"), FireTimes.next(s, fire));
    }

    @Test
    void fallBackOverlapFiresOnce() {
        // Berlin, 2026-10-25: 03:00 -> 02:00, so 02:30 happens twice.
        Schedule s = at("02:30", "Europe/Berlin", Schedule.EVERY_DAY);
        Instant first = FireTimes.next(s, local("2026-10-24T12:00", "Europe/Berlin"));
        assertEquals(ZonedDateTime.parse("2026-10-25T02:30+02:00[Europe/Berlin]").toInstant(), first);
        Instant second = FireTimes.next(s, first);
        assertEquals(ZonedDateTime.parse("2026-10-26T02:30+01:00[Europe/Berlin]").toInstant(), second);
    }

    @Test
    void lordHoweHalfHourShift() {
        // Lord Howe, 2026-10-04: 02:00 -> 02:30 (a 30-minute gap).
        Schedule s = at("02:15", "Australia/Lord_Howe", Schedule.EVERY_DAY);
        Instant fire = FireTimes.next(s, local("2026-10-03T12:00", "Australia/Lord_Howe"));
        assertEquals(local("2026-10-04T02:30", "Australia/Lord_Howe"), fire);
    }

    @Test
    void weekdaysAreHonoured() {
        Schedule s = at("09:00", "Asia/Shanghai", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        // Friday 2026-03-06 10:00 local -> Monday 2026-03-09 09:00.
        assertEquals(local("2026-03-09T09:00", "Asia/Shanghai"),
                FireTimes.next(s, local("2026-03-06T10:00", "Asia/Shanghai")));
    }
}
