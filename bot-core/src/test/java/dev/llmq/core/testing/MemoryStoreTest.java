package dev.llmq.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.port.out.Store;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.Schedule;
import dev.llmq.core.testing.contract.StoreContract;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory store passes the same store contract as SQLite and PostgreSQL (the tests are in {@link StoreContract}). */
class MemoryStoreTest extends StoreContract {
    @Override
    protected Store openStore(Clock clock) {
        return new MemoryStore();
    }

    /** What the scheduler contract's restarts rely on: a reopened store sees the data, a new one does not. */
    @Test
    void reopenIsARestartOnTheSameDataAndANewStoreStartsEmpty() {
        MemoryStore first = new MemoryStore();
        ChannelRef c = new ChannelRef("test", "space", "c1");
        first.putSchedule(new Schedule(c, LocalTime.NOON, ZoneId.of("UTC"), Schedule.EVERY_DAY, List.of(),
                Optional.empty(), true, Optional.empty(), "admin"), Instant.EPOCH);
        first.close();
        assertEquals(Optional.of(Instant.EPOCH), first.reopen().schedule(c).map(s -> s.nextFireAt()));
        assertTrue(new MemoryStore().schedule(c).isEmpty());
    }
}
