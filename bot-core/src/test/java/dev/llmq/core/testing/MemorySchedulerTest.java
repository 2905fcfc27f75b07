package dev.llmq.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmq.core.port.out.Store;
import dev.llmq.core.testing.contract.SchedulerContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scheduler contract on the in-memory store: the same tests as on SQLite and PostgreSQL
 * (they are in {@link SchedulerContract}).
 */
class MemorySchedulerTest extends SchedulerContract {
    private MemoryStore data;

    @Override
    protected Store openStore(Clock clock) {
        data = data == null ? new MemoryStore() : data.reopen();
        return data;
    }

    /** The contract's restarts reopen this store: a post made before one is still there after it. */
    @Test
    void aRestartKeepsThePostsOfTheMemoryStore() {
        start();
        put(schedule("c1", "09:00", "UTC"));
        runUntil(Instant.parse("2026-03-02T10:00:00Z"), Duration.ofHours(1));
        reopen(publisher);
        assertEquals(List.of(LocalDate.parse("2026-03-02")),
                store.posts(ch("c1")).stream().map(p -> p.localDate()).toList());
    }
}
