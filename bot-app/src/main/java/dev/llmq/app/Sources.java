package dev.llmq.app;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Where the app's time and chance come from: the system clock and {@link SecureRandom} when it
 * runs, a fixed clock and a seed when a test replays a transcript (the README's).
 *
 * @param clock  the time of everything (due dates, daily fires, records)
 * @param random a new generator for each user of chance (deck draws, FSRS fuzz)
 */
record Sources(Clock clock, Supplier<RandomGenerator> random) {
    static final Sources SYSTEM = new Sources(Clock.systemUTC(), SecureRandom::new);

    Sources {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }
}
