package dev.llmq.core.store;

/**
 * The persistence port of the core. bot-core holds no database code: the JDBC implementation
 * (SQLite by default, PostgreSQL for replicas) lives in the {@code store-jdbc} module.
 */
public interface Store extends DailyStore, ProgressStore, SettingsStore, AutoCloseable {
    /** Where the data lives, for messages: a file path or a URL without credentials. */
    String describe();

    @Override
    void close();
}
