package dev.llmq.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.DailyArgs;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeekdaysTest {
    @Test
    void everyDayInTheCardsLanguage() {
        assertEquals("every day", Weekdays.describe(Schedule.EVERY_DAY, Lang.EN));
        assertEquals("每天", Weekdays.describe(Schedule.EVERY_DAY, Lang.ZH));
    }

    @Test
    void runsOfThreeOrMoreAreRanges() {
        Set<DayOfWeek> workweek = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        assertEquals("mon-fri", Weekdays.describe(workweek, Lang.EN));
        assertEquals("周一至周五", Weekdays.describe(workweek, Lang.ZH));
        assertEquals("mon,wed,fri",
                Weekdays.describe(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), Lang.EN));
        assertEquals("周六、周日", Weekdays.describe(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Lang.ZH));
        assertEquals("mon,tue,thu-sat", Weekdays.describe(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), Lang.EN));
    }

    @Test
    void theEnglishFormCanBeTypedBack() {
        for (Set<DayOfWeek> days : java.util.List.<Set<DayOfWeek>>of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), EnumSet.of(DayOfWeek.SUNDAY),
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY))) {
            assertEquals(java.util.Optional.of(days), DailyArgs.weekdays(Weekdays.describe(days, Lang.EN)), days.toString());
        }
    }
}
