package dev.llmq.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Runs every test of {@link dev.llmq.core.testing.contract.SchedulerContract} (where the assertions are) on this engine. */
class SqliteSchedulerTest extends JdbcSchedulerContract {
    @TempDir
    Path dir;

    @Override
    DbConfig config() {
        return TestDatabases.sqlite(dir);
    }
}
