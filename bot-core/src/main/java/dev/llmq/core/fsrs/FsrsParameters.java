package dev.llmq.core.fsrs;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The settings of the FSRS-6 scheduler: the 21 weights, the desired retention, the longest
 * interval, the (re)learning steps, and whether intervals are fuzzed.
 *
 * <p>The defaults are FSRS-6's published ones, with no same-day steps: llmq is a daily bot, so a
 * new card's first grade schedules it in days. The reference implementations' defaults (learning
 * steps of 1 and 10 minutes, a relearning step of 10 minutes) are {@link #referenceSteps()}.
 */
public record FsrsParameters(double[] w, double desiredRetention, int maximumInterval, List<Duration> learningSteps,
                             List<Duration> relearningSteps, boolean fuzz) {
    /** FSRS-6's default weights (py-fsrs 6, fsrs-rs). */
    public static final double[] DEFAULT_W = {0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
        0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

    public FsrsParameters {
        Objects.requireNonNull(w, "w");
        if (w.length != 21) {
            throw new IllegalArgumentException("FSRS-6 has 21 weights, not " + w.length);
        }
        w = w.clone();
        if (!(desiredRetention > 0 && desiredRetention < 1)) {
            throw new IllegalArgumentException("the desired retention is between 0 and 1, not " + desiredRetention);
        }
        if (maximumInterval < 1) {
            throw new IllegalArgumentException("the maximum interval is at least 1 day");
        }
        learningSteps = List.copyOf(learningSteps);
        relearningSteps = List.copyOf(relearningSteps);
    }

    /** llmq's defaults: FSRS-6's weights, retention 0.9, at most 36,500 days, no same-day steps, fuzz on. */
    public static FsrsParameters defaults() {
        return new FsrsParameters(DEFAULT_W, 0.9, 36_500, List.of(), List.of(), true);
    }

    /** The reference implementations' steps: learning 1 and 10 minutes, relearning 10 minutes. */
    public FsrsParameters referenceSteps() {
        return new FsrsParameters(w, desiredRetention, maximumInterval,
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), List.of(Duration.ofMinutes(10)), fuzz);
    }

    public FsrsParameters withFuzz(boolean on) {
        return new FsrsParameters(w, desiredRetention, maximumInterval, learningSteps, relearningSteps, on);
    }

    public FsrsParameters withRetention(double r) {
        return new FsrsParameters(w, r, maximumInterval, learningSteps, relearningSteps, fuzz);
    }

    public FsrsParameters withMaximumInterval(int days) {
        return new FsrsParameters(w, desiredRetention, days, learningSteps, relearningSteps, fuzz);
    }

    /** The i-th weight. */
    public double w(int i) {
        return w[i];
    }

    @Override
    public double[] w() {
        return w.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FsrsParameters p && Arrays.equals(w, p.w) && desiredRetention == p.desiredRetention
                && maximumInterval == p.maximumInterval && learningSteps.equals(p.learningSteps)
                && relearningSteps.equals(p.relearningSteps) && fuzz == p.fuzz;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(w), desiredRetention, maximumInterval, learningSteps, relearningSteps, fuzz);
    }

    @Override
    public String toString() {
        return "FsrsParameters[w=" + Arrays.toString(w) + ", retention=" + desiredRetention + ", max=" + maximumInterval
                + " d, learning=" + learningSteps + ", relearning=" + relearningSteps + ", fuzz=" + fuzz + "]";
    }
}
