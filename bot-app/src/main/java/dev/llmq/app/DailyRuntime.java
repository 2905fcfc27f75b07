package dev.llmq.app;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyScheduler;
import dev.llmq.core.daily.StoredDailyDesk;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.Store;
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

    /** Builds the scheduler and the desk on an open store; nothing runs until {@link #start()}. */
    static DailyRuntime open(Store store, Duration catchUp, Supplier<QuestionBank> bank, List<DailyPublisher> publishers,
                             Clock clock, Lang defaultLang) {
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
