package dev.llmq.app;

import dev.llmq.core.config.StartupFailure;
import dev.llmq.core.port.out.Store;
import dev.llmq.core.port.out.StoreException;
import dev.llmq.store.jdbc.DbConfig;
import dev.llmq.store.jdbc.JdbcStore;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The store being opened (created and migrated) on its own thread, from the first moment of
 * start-up: it is the longest step before llmq can answer, and it needs neither the bank nor the
 * platforms, which load and connect meanwhile.
 */
final class StoreOpening {
    private final CompletableFuture<Store> store;

    private StoreOpening(CompletableFuture<Store> store) {
        this.store = store;
    }

    /**
     * Starts opening the store. A platform thread, not a virtual one: the JDBC drivers and Hikari
     * hold monitors while they wait, which pins a virtual thread's carrier on Java 21.
     */
    static StoreOpening start(DbConfig db, Clock clock) {
        CompletableFuture<Store> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Store opened = open(db, clock);
                StartupTimeline.step("store");
                f.complete(opened);
            } catch (Throwable e) { // handed to whoever waits, who reports it as one line
                f.completeExceptionally(e);
            }
        }, "llmq-store-open");
        t.setDaemon(true);
        t.start();
        return new StoreOpening(f);
    }

    /** An open store, for the tests that open it themselves. */
    static StoreOpening of(Store store) {
        return new StoreOpening(CompletableFuture.completedFuture(store));
    }

    /**
     * Waits for the store.
     *
     * @throws StartupFailure naming LLMQ_DB_URL when it cannot be opened
     */
    Store await() {
        try {
            return store.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Start-up failed elsewhere: closes the store once it is open (waiting for it, so nothing is left open). */
    void discard() {
        try {
            await().close();
        } catch (RuntimeException e) { // it did not open: nothing to close, and its failure is not the one to report
            org.slf4j.LoggerFactory.getLogger(StoreOpening.class).debug("the store did not open either: {}", e.toString());
        }
    }

    /** Opens and migrates the store; an SQLite file llmq cannot use is a setting to change, a server down is not. */
    static Store open(DbConfig db, Clock clock) {
        try {
            return JdbcStore.open(db, clock);
        } catch (StoreException e) {
            if (db.isSqlite()) {
                throw StartupFailure.setting(DbConfig.URL, e.getMessage(),
                        "set " + DbConfig.URL + "=jdbc:sqlite:PATH to a file that llmq can create and write", e);
            }
            throw StartupFailure.runtime(DbConfig.URL, e.getMessage(), "check that PostgreSQL is running and "
                    + "reachable, and check " + DbConfig.URL + ", LLMQ_DB_USER and LLMQ_DB_PASSWORD", e);
        }
    }
}
