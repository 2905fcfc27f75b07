package dev.llmq.core.daily;

import dev.llmq.core.port.out.PostRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's senders: a fixed pool, and one permit per sender, so that a tick claims no more
 * posts than it can start at once (a claimed post never waits in a queue, where its lease would
 * not be renewed). With one sender there is no pool: posts run on the ticking thread, in order.
 */
final class SenderPool {
    private static final Logger log = LoggerFactory.getLogger(DailyScheduler.class);

    private final int size;
    private final ExecutorService senders;
    private final Semaphore slots;
    private final BooleanSupplier stopping;

    SenderPool(int size, BooleanSupplier stopping) {
        this.size = size;
        this.stopping = stopping;
        this.slots = size <= 1 ? null : new Semaphore(size);
        this.senders = size <= 1 ? null : Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, "llmq-daily-sender");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Takes up to {@code wanted} free senders (all of them when sends run on the ticking thread):
     * waits for one to be free, then takes what else is free. So the tick goes on as soon as any
     * sender is free; only when every sender is held by a slow channel does it wait.
     */
    int room(int wanted) {
        if (slots == null) {
            return wanted;
        }
        try {
            while (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
                if (stopping.getAsBoolean()) {
                    return 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        int got = 1;
        while (got < wanted && slots.tryAcquire()) {
            got++;
        }
        return got;
    }

    void giveBack(int unused) {
        if (slots != null && unused > 0) {
            slots.release(unused);
        }
    }

    /**
     * Starts each post on a sender of its own and returns: every post is sent and recorded on its
     * own, so one slow channel delays no other post and no later tick. With one sender the posts
     * run here, in order (deterministic tests).
     */
    void dispatch(List<PostRecord> work, Consumer<PostRecord> action) {
        if (senders == null) {
            work.forEach(action);
            return;
        }
        for (PostRecord p : work) {
            try {
                senders.execute(() -> {
                    try {
                        action.accept(p);
                    } catch (RuntimeException e) {
                        log.error("daily {} {}: {}", p.channel(), p.localDate(), e.toString(), e);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                slots.release();
                action.accept(p); // shutting down: send() hands the claim back at once
            }
        }
    }

    /**
     * Waits until no post is being sent or revealed (at most {@code timeout}); true when idle. For
     * tests and benchmarks that drive {@link DailyScheduler#tick()} by hand with several senders.
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (slots == null) {
            return true;
        }
        if (!slots.tryAcquire(size, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        slots.release(size);
        return true;
    }

    /** Lets the sends in flight finish until {@code deadlineNanos} (System.nanoTime), then stops the rest. */
    void shutdown(long deadlineNanos) {
        if (senders == null) {
            return;
        }
        senders.shutdown();
        try {
            senders.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
    }
}
