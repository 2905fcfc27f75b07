package dev.llmq.store.jdbc;

/** Runs every test of {@link SchedulerContract} (where the assertions are) on this engine. */
class PostgresSchedulerTest extends SchedulerContract {
    @Override
    DbConfig config() {
        return TestDatabases.postgres();
    }
}
