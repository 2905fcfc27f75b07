package dev.llmq.store.jdbc;

import dev.llmq.core.port.out.Store;
import dev.llmq.core.testing.contract.StoreContract;
import java.time.Clock;

/** Runs every test of {@link StoreContract} (where the assertions are) on this engine. */
class PostgresStoreTest extends StoreContract {
    @Override
    protected Store openStore(Clock clock) {
        return JdbcStore.open(config(), clock);
    }

    DbConfig config() {
        return TestDatabases.postgres();
    }
}
