package dev.llmq.store.jdbc;

/** The acceptance run: 1,000 simulated days x 50 channels on one PostgreSQL (assertions in {@link ReplicasContract}). */
class PostgresReplicasTest extends ReplicasContract {
    @Override
    DbConfig config() {
        return TestDatabases.postgres();
    }

    @Override
    int days() {
        return Integer.getInteger("replicas.days", 1000);
    }
}
