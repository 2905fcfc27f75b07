package dev.llmq.app;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.config.StartupFailure;
import dev.llmq.core.daily.DailyScheduler;
import dev.llmq.core.daily.StoredDailyDesk;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.Store;
import dev.llmq.core.port.out.StoreException;
import dev.llmq.store.jdbc.DbConfig;
import dev.llmq.store.jdbc.JdbcStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily question of one process: the store ({@code LLMQ_DB_URL}: SQLite file by default,
 * PostgreSQL for replicas), the scheduler posting through the given publishers, and the desk that
 * answers {@code daily set/off/status/now}. {@link #start()} runs the scheduler; closing stops it
 * gracefully and closes the store.
 */
final class DailyRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DailyRuntime.class);
    private final Store store;
    private final DailyScheduler scheduler;
    private final StoredDailyDesk desk;

    private DailyRuntime(Store store, DailyScheduler scheduler, StoredDailyDesk desk) {
        this.store = store;
        this.scheduler = scheduler;
        this.desk = desk;
    }

    /** Opens the store (creating and migrating it) and builds the scheduler; nothing runs until {@link #start()}. */
    static DailyRuntime open(DbConfig db, Duration catchUp, Supplier<QuestionBank> bank, List<DailyPublisher> publishers,
                             Clock clock, Lang defaultLang) {
        Store store;
        try {
            store = JdbcStore.open(db, clock);
        } catch (StoreException e) {
            // An SQLite file llmq cannot create or use is a setting to change; a database server
            // that does not answer or refuses the login is a failure outside llmq.
            if (db.isSqlite()) {
                throw StartupFailure.setting(DbConfig.URL, e.getMessage(),
                        "set " + DbConfig.URL + "=jdbc:sqlite:PATH to a file that llmq can create and write", e);
            }
            throw StartupFailure.runtime(DbConfig.URL, e.getMessage(), "check that PostgreSQL is running and "
                    + "reachable, and check " + DbConfig.URL + ", LLMQ_DB_USER and LLMQ_DB_PASSWORD", e);
        }
        DailyScheduler scheduler = new DailyScheduler(store, bank, publishers, clock, defaultLang,
                DailyScheduler.Settings.defaults().withCatchUp(catchUp), new SecureRandom(), DailyScheduler.Sleeper.REAL);
        return new DailyRuntime(store, scheduler, new StoredDailyDesk(store, scheduler, bank));
    }

    void start() {
        scheduler.start();
        // Its name is the owner in the store's claims: it tells the operator which replica holds a post.
        log.info("daily scheduler {} started on {}", scheduler.instance(), store.describe());
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
