package dev.llmq.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same on one SQLite file shared by two pools (fewer days: SQLite serialises writers anyway).
 * The assertions are in {@link ReplicasContract}.
 */
class SqliteReplicasTest extends ReplicasContract {
    @TempDir
    Path dir;

    @Override
    DbConfig config() {
        return TestDatabases.sqlite(dir);
    }

    @Override
    int days() {
        return 200;
    }
}
