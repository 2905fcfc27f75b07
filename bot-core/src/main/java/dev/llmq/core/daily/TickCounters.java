package dev.llmq.core.daily;

import java.util.concurrent.atomic.AtomicInteger;

/** What one tick did, counted as its posts finish (on whichever sender). */
final class TickCounters {
    final AtomicInteger claimed = new AtomicInteger();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    final AtomicInteger revealed = new AtomicInteger();

    DailyScheduler.TickReport report(boolean more) {
        return new DailyScheduler.TickReport(claimed.get(), sent.get(), retried.get(), failed.get(), skipped.get(),
                revealed.get(), more);
    }
}
