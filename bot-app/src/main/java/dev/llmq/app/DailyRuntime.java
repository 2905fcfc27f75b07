package dev.llmq.app;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyArgs;
import dev.llmq.core.daily.DailyPublisher;
import dev.llmq.core.daily.DailyScheduler;
import dev.llmq.core.daily.StoredDailyDesk;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.store.Store;
import dev.llmq.store.jdbc.DbConfig;
import dev.llmq.store.jdbc.JdbcStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The daily question of one process: the store from {@code LLMQ_DB_URL} (SQLite file by default,
 * PostgreSQL for replicas), the scheduler posting through the given publishers, and the desk that
 * answers {@code daily set/off/status/now}. {@link #start()} runs the scheduler; closing stops it
 * and closes the store.
 */
final class DailyRuntime implements AutoCloseable {
    private final Store store;
    private final DailyScheduler scheduler;
    private final StoredDailyDesk desk;

    private DailyRuntime(Store store, DailyScheduler scheduler, StoredDailyDesk desk) {
        this.store = store;
        this.scheduler = scheduler;
        this.desk = desk;
    }

    /** Opens the store (creating and migrating it) and builds the scheduler; nothing runs until {@link #start()}. */
    static DailyRuntime open(Map<String, String> env, Supplier<QuestionBank> bank, List<DailyPublisher> publishers,
                             Clock clock, Lang defaultLang) {
        Duration catchUp = catchUp(env);
        DbConfig config = DbConfig.fromEnv(env);
        Store store = JdbcStore.open(config, clock);
        DailyScheduler scheduler = new DailyScheduler(store, bank, publishers, clock, defaultLang,
                DailyScheduler.Settings.defaults().withCatchUp(catchUp), new SecureRandom(), DailyScheduler.Sleeper.REAL);
        return new DailyRuntime(store, scheduler, new StoredDailyDesk(store, scheduler, bank));
    }

    /** {@code LLMQ_CATCHUP}: how late a missed daily post may still be sent (default 6h). */
    static Duration catchUp(Map<String, String> env) {
        String v = env.get("LLMQ_CATCHUP");
        if (v == null || v.isBlank()) {
            return DailyScheduler.Settings.DEFAULT_CATCH_UP;
        }
        return DailyArgs.duration(v).orElseThrow(() -> new IllegalArgumentException(
                "LLMQ_CATCHUP must be a duration such as 6h, 90m or 1h30m, not '" + v + "'"));
    }

    void start() {
        scheduler.start();
    }

    Store store() {
        return store;
    }

    StoredDailyDesk desk() {
        return desk;
    }

    DailyScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.close();
        store.close();
    }
}
