package dev.llmq.core.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MemoryDaily;
import dev.llmq.core.testing.MutableClock;
import dev.llmq.core.testing.TestPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 18: {@code daily status} never shows a next time in the past. */
class DailyStatusTest {
    @Test
    void aNextTimeThatPassedWhileNoSchedulerRanIsShownAsTheNextOneAfterNow() {
        QuestionBank bank = Fixtures.fixtureBank();
        MutableClock clock = new MutableClock(Fixtures.EPOCH);
        try (MemoryDaily daily = new MemoryDaily(() -> bank, clock, List.of(new TestPublisher("test", clock)))) {
            Origin admin = Fixtures.admin("C1");
            daily.desk.handle(admin, (Command.Daily) CommandParser.parse("/llmq daily set 09:00 UTC"), Lang.EN);
            clock.advance(Duration.ofDays(3)); // the console was closed: no tick moved the stored next time
            ScheduleCard status = assertInstanceOf(ScheduleCard.class,
                    daily.desk.handle(admin, (Command.Daily) CommandParser.parse("/llmq daily status"), Lang.EN));
            assertEquals(1, status.entries().size());
            Instant next = status.entries().get(0).next();
            Instant now = clock.instant();
            assertTrue(next.isAfter(now), "next " + next + " is not after now " + now);
            assertTrue(next.isBefore(now.plus(Duration.ofDays(1)).plusSeconds(1)), "next " + next + " is the coming 09:00");
        }
    }
}
