package dev.llmq.core.port.out;

/**
 * The persistence port of the core. bot-core holds no database code: the JDBC implementation
 * (SQLite by default, PostgreSQL for replicas) lives in the {@code store-jdbc} module.
 */
public interface Store extends ScheduleStore, PostLedger, DeckStore, ProgressStore, SettingsStore, StudyStore,
        UserSettingsStore, ForgetStore, AutoCloseable {
    /** Where the data lives, for messages: a file path or a URL without credentials. */
    String describe();

    /** True when the store answers a cheap query (for readiness checks). */
    default boolean reachable() {
        try {
            nextFireAt();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    void close();
}
