package dev.llmq.core.testing;

import dev.llmq.core.port.out.Store;
import dev.llmq.core.testing.contract.StoreContract;
import java.time.Clock;

/** The in-memory store passes the same store contract as SQLite and PostgreSQL. */
class MemoryStoreTest extends StoreContract {
    @Override
    protected Store openStore(Clock clock) {
        return new MemoryStore();
    }
}
