package dev.llmq.core.port.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DailyArgsTest {
    @Test
    void times() {
        assertEquals(Optional.of(LocalTime.of(9, 0)), DailyArgs.time("09:00"));
        assertEquals(Optional.of(LocalTime.of(9, 5)), DailyArgs.time("9:05"));
        assertEquals(Optional.of(LocalTime.of(23, 59)), DailyArgs.time("23:59"));
        assertEquals(Optional.empty(), DailyArgs.time("24:00"));
        assertEquals(Optional.empty(), DailyArgs.time("9am"));
    }

    @Test
    void zones() {
        assertEquals(Optional.of(ZoneId.of("Asia/Shanghai")), DailyArgs.zone("asia/shanghai"));
        assertEquals(Optional.of(ZoneId.of("UTC")), DailyArgs.zone("UTC"));
        assertEquals(Optional.empty(), DailyArgs.zone("Mars/Base"));
        assertEquals(Optional.empty(), DailyArgs.zone("+08:00"));
        assertTrue(DailyArgs.zonesStartingWith("shang", 25).contains("Asia/Shanghai"));
        assertTrue(DailyArgs.zonesStartingWith("", 25).size() == 25);
    }

    @Test
    void weekdays() {
        assertEquals(Optional.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)), DailyArgs.weekdays("mon-fri"));
        assertEquals(Optional.of(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)), DailyArgs.weekdays("mon,wed,fri"));
        assertEquals(Optional.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY)), DailyArgs.weekdays("sat-mon"));
        assertEquals(Optional.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)), DailyArgs.weekdays("weekends"));
        assertEquals(Optional.empty(), DailyArgs.weekdays("architecture"));
    }
    @Test
    void durations() {
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of(java.time.Duration.ofHours(6)), DailyArgs.duration("6h"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of(java.time.Duration.ofMinutes(90)), DailyArgs.duration("1h30m"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of(java.time.Duration.ofHours(6)), DailyArgs.duration("PT6H"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of(java.time.Duration.ofDays(2)), DailyArgs.duration(" 2d "));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of(java.time.Duration.ZERO), DailyArgs.duration("0"));
        for (String bad : new String[] {"", "6", "h6", "6 h", "-1h", "soon", "6h30", "PT-1H"}) {
            org.junit.jupiter.api.Assertions.assertTrue(DailyArgs.duration(bad).isEmpty(), bad);
        }
    }
}
