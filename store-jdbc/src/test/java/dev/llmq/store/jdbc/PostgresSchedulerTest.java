package dev.llmq.store.jdbc;

class PostgresSchedulerTest extends SchedulerContract {
    @Override
    DbConfig config() {
        return TestDatabases.postgres();
    }
}
