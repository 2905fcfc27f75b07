package dev.llmq.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link ForgetMeContract} on SQLite. */
class SqliteForgetMeTest extends ForgetMeContract {
    @TempDir
    Path dir;

    @Override
    DbConfig config() {
        return TestDatabases.sqlite(dir);
    }
}
