package dev.llmq.store.jdbc;

class PostgresStoreTest extends StoreContract {
    @Override
    DbConfig config() {
        return TestDatabases.postgres();
    }
}
