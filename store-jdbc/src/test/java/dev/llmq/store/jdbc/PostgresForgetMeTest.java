package dev.llmq.store.jdbc;

/** {@link ForgetMeContract} on PostgreSQL. */
class PostgresForgetMeTest extends ForgetMeContract {
    @Override
    DbConfig config() {
        return TestDatabases.postgres();
    }
}
