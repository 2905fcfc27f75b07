package dev.llmq.core.testing;

import dev.llmq.core.port.out.Store;
import dev.llmq.core.testing.contract.SchedulerContract;
import java.time.Clock;

/** The scheduler contract on the in-memory store: the same tests as on SQLite and PostgreSQL. */
class MemorySchedulerTest extends SchedulerContract {
    private MemoryStore data;

    @Override
    protected Store openStore(Clock clock) {
        data = data == null ? new MemoryStore() : data.reopen();
        return data;
    }
}
