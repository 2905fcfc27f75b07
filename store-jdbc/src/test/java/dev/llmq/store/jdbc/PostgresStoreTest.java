package dev.llmq.store.jdbc;

/** Runs every test of {@link StoreContract} (where the assertions are) on this engine. */
class PostgresStoreTest extends StoreContract {
    @Override
    DbConfig config() {
        return TestDatabases.postgres();
    }
}
