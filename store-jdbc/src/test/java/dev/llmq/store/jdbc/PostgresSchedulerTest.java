package dev.llmq.store.jdbc;

/** Runs every test of {@link dev.llmq.core.testing.contract.SchedulerContract} (where the assertions are) on this engine. */
class PostgresSchedulerTest extends JdbcSchedulerContract {
    @Override
    DbConfig config() {
        return TestDatabases.postgres();
    }
}
