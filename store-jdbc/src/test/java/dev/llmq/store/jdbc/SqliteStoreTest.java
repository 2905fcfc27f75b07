package dev.llmq.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Runs every test of {@link StoreContract} (where the assertions are) on this engine. */
class SqliteStoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    DbConfig config() {
        return TestDatabases.sqlite(dir);
    }
}
