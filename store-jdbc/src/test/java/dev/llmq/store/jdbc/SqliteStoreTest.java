package dev.llmq.store.jdbc;

import dev.llmq.core.port.out.Store;
import dev.llmq.core.testing.contract.StoreContract;
import java.time.Clock;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Runs every test of {@link StoreContract} (where the assertions are) on this engine. */
class SqliteStoreTest extends StoreContract {
    @Override
    protected Store openStore(Clock clock) {
        return JdbcStore.open(config(), clock);
    }

    @TempDir
    Path dir;

    DbConfig config() {
        return TestDatabases.sqlite(dir);
    }
}
