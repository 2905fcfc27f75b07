package dev.llmq.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    DbConfig config() {
        return TestDatabases.sqlite(dir);
    }
}
