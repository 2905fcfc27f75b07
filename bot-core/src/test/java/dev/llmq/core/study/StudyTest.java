package dev.llmq.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.fsrs.Fsrs;
import dev.llmq.core.fsrs.FsrsParameters;
import dev.llmq.core.fsrs.Grade;
import dev.llmq.core.fsrs.StudyKey;
import dev.llmq.core.testing.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Grading through the store: the card comes back on the day FSRS gives, and simultaneous grades are all kept. */
class StudyTest {
    static final Instant T0 = Instant.parse("2026-12-01T09:15:00.123456789Z");
    final MemoryStore store = new MemoryStore();
    final StudyKey key = new StudyKey("console", "local", "me", "arch-encoder-decoder");

    @Test
    void goodOnANewCardIsDueInTwoDaysAndStoredToTheMillisecond() {
        Study study = new Study(store, new Fsrs(FsrsParameters.defaults()), new SplittableRandom(3));
        Fsrs.Review r = study.grade(key, Grade.GOOD, T0);
        Instant at = Instant.parse("2026-12-01T09:15:00.123Z");
        assertEquals(at.plus(Duration.ofDays(2)), r.after().due());
        assertEquals(r.after(), store.card(key).orElseThrow().card(), "what was returned is what was stored");
    }

    @Test
    void simultaneousGradesOfOneCardAreAllKeptOneAfterTheOther() throws Exception {
        Study study = new Study(store, new Fsrs(FsrsParameters.defaults()), new SplittableRandom(3));
        int presses = 8;
        CountDownLatch go = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            java.util.List<Future<Fsrs.Review>> done = new java.util.ArrayList<>();
            for (int i = 0; i < presses; i++) {
                done.add(threads.submit(() -> {
                    go.await();
                    return study.grade(key, Grade.GOOD, T0);
                }));
            }
            go.countDown();
            for (Future<Fsrs.Review> f : done) {
                assertTrue(f.get(30, TimeUnit.SECONDS).after().stability().isPresent());
            }
        }
        assertEquals(presses, store.card(key).orElseThrow().reviews());
        var log = store.reviewLog("console", "local", "me");
        assertEquals(presses, log.size());
        for (int i = 1; i < log.size(); i++) {
            assertEquals(log.get(i - 1).after(), log.get(i).before().orElseThrow(), "each review starts where the last ended");
        }
    }
}
