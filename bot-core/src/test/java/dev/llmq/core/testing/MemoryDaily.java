package dev.llmq.core.testing;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyScheduler;
import dev.llmq.core.daily.StoredDailyDesk;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.Store;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The daily question as it ships (the scheduler and the desk that answers {@code daily set/off/
 * status/now}) on the in-memory store: for the adapters' end-to-end tests, which need no database.
 * The scheduler is not started; {@code daily now} sends on the caller's thread.
 */
public final class MemoryDaily implements AutoCloseable {
    public final Store store;
    public final DailyScheduler scheduler;
    public final StoredDailyDesk desk;

    public MemoryDaily(Supplier<QuestionBank> bank, Clock clock, List<DailyPublisher> publishers) {
        this(new MemoryStore(), bank, clock, publishers);
    }

    /** On a given store: a {@link GatedStore}'s, say. */
    public MemoryDaily(Store store, Supplier<QuestionBank> bank, Clock clock, List<DailyPublisher> publishers) {
        this.store = store;
        this.scheduler = new DailyScheduler(store, bank, publishers, clock, Lang.EN,
                DailyScheduler.Settings.defaults().withSenders(1), new Random(7), DailyScheduler.Sleeper.REAL);
        this.desk = new StoredDailyDesk(store, scheduler, bank);
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
