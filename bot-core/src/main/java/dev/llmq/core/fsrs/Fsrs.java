package dev.llmq.core.fsrs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * FSRS-6, the Free Spaced Repetition Scheduler, written from its published formulas (credited in
 * NOTICE). A card's memory is a stability S (days until recall falls to 90 %) and a difficulty D
 * (1 to 10). Each grade updates both; the next interval is the time until recall is expected to
 * fall to the desired retention.
 *
 * <p>The formulas are the pure functions below; {@link #review} adds the card's life around them
 * (learning steps, review, relearning after a lapse) and the fuzz, as the reference
 * implementations behave (py-fsrs 6, fsrs-rs), which the tests reproduce with their vectors.
 * Time is given, never read: the caller passes the review's instant and the random source.
 */
public final class Fsrs {
    /** Stability never goes below this. */
    public static final double STABILITY_MIN = 0.001;

    private final FsrsParameters p;
    private final double decay;
    private final double factor;

    public Fsrs(FsrsParameters parameters) {
        this.p = Objects.requireNonNull(parameters);
        this.decay = -p.w(20);
        this.factor = Math.pow(0.9, 1 / decay) - 1;
    }

    public FsrsParameters parameters() {
        return p;
    }

    // ------------------------------------------------------------------ the formulas

    /** R = (1 + F·t/S)^(−w20): the probability of recall after {@code days} at stability {@code s}. */
    public double retrievability(double days, double s) {
        return Math.pow(1 + factor * days / s, decay);
    }

    /** S₀ = w[G−1]. */
    public double initialStability(Grade g) {
        return Math.max(p.w(g.value() - 1), STABILITY_MIN);
    }

    /** D₀(G) = w4 − e^(w5·(G−1)) + 1, unclamped (the mean reversion of {@link #nextDifficulty} uses it so). */
    double initialDifficultyRaw(Grade g) {
        return p.w(4) - Math.exp(p.w(5) * (g.value() - 1)) + 1;
    }

    /** D₀(G), clamped to [1, 10]: a new card's difficulty. */
    public double initialDifficulty(Grade g) {
        return clampDifficulty(initialDifficultyRaw(g));
    }

    /** D′ = clamp(w7·D₀(4) + (1−w7)·(D + ΔD·(10−D)/9)), ΔD = −w6·(G−3), with D₀(4) not clamped. */
    public double nextDifficulty(double d, Grade g) {
        double delta = -p.w(6) * (g.value() - 3);
        double damped = d + delta * (10 - d) / 9;
        return clampDifficulty(p.w(7) * initialDifficultyRaw(Grade.EASY) + (1 - p.w(7)) * damped);
    }

    /** Stability after a successful recall (Hard, Good or Easy) at retrievability {@code r}. */
    public double recallStability(double d, double s, double r, Grade g) {
        double hard = g == Grade.HARD ? p.w(15) : 1;
        double easy = g == Grade.EASY ? p.w(16) : 1;
        return clampStability(s * (1 + Math.exp(p.w(8)) * (11 - d) * Math.pow(s, -p.w(9))
                * (Math.exp(p.w(10) * (1 - r)) - 1) * hard * easy));
    }

    /** Stability after a lapse (Again): never more than the short-term bound S/e^(w17·w18). */
    public double forgetStability(double d, double s, double r) {
        double longTerm = p.w(11) * Math.pow(d, -p.w(12)) * (Math.pow(s + 1, p.w(13)) - 1) * Math.exp(p.w(14) * (1 - r));
        return clampStability(Math.min(longTerm, s / Math.exp(p.w(17) * p.w(18))));
    }

    /** Stability after a review on the same day: S·e^(w17·(G−3+w18))·S^(−w19), never lower for Good and Easy. */
    public double shortTermStability(double s, Grade g) {
        double increase = Math.exp(p.w(17) * (g.value() - 3 + p.w(18))) * Math.pow(s, -p.w(19));
        if (g == Grade.GOOD || g == Grade.EASY) {
            increase = Math.max(increase, 1.0);
        }
        return clampStability(s * increase);
    }

    /** The interval in days, unrounded and uncapped, at which recall falls to {@code retention}. */
    public double rawInterval(double s, double retention) {
        return s / factor * (Math.pow(retention, 1 / decay) - 1);
    }

    /** The next interval in whole days: rounded, at least 1, at most the maximum interval. */
    public int nextInterval(double s) {
        long days = (long) Math.rint(rawInterval(s, p.desiredRetention()));
        return (int) Math.min(Math.max(days, 1), p.maximumInterval());
    }

    private static double clampDifficulty(double d) {
        return Math.min(Math.max(d, 1), 10);
    }

    private static double clampStability(double s) {
        return Math.max(s, STABILITY_MIN);
    }

    // ------------------------------------------------------------------ a card's life

    /** A graded card: the card after the grade, and the interval until it is due again. */
    public record Review(Card before, Card after, Grade grade, Instant at, Duration interval) {
    }

    /**
     * Grades {@code card} at {@code at}.
     *
     * @param random the fuzz's source (seed it for repeatable schedules); unused when fuzz is off
     */
    public Review review(Card card, Grade g, Instant at, RandomGenerator random) {
        Optional<Long> daysSince = card.lastReview().map(last -> Duration.between(last, at).toDays());
        double s;
        double d;
        if (card.stability().isEmpty()) { // a new card
            s = initialStability(g);
            d = initialDifficulty(g);
        } else {
            double s0 = card.stability().getAsDouble();
            double d0 = card.difficulty().getAsDouble();
            if (daysSince.isPresent() && daysSince.get() < 1) {
                s = shortTermStability(s0, g);
            } else {
                double r = retrievability(daysSince.orElse(0L), s0);
                s = g == Grade.AGAIN ? forgetStability(d0, s0, r) : recallStability(d0, s0, r, g);
            }
            d = nextDifficulty(d0, g);
        }
        Step next = switch (card.state()) {
            case LEARNING -> steps(p.learningSteps(), CardState.LEARNING, card.step().getAsInt(), g, s);
            case RELEARNING -> steps(p.relearningSteps(), CardState.RELEARNING, card.step().getAsInt(), g, s);
            case REVIEW -> g == Grade.AGAIN && !p.relearningSteps().isEmpty()
                    ? new Step(CardState.RELEARNING, OptionalInt.of(0), p.relearningSteps().get(0))
                    : new Step(CardState.REVIEW, OptionalInt.empty(), Duration.ofDays(nextInterval(s)));
        };
        Duration interval = next.state() == CardState.REVIEW && p.fuzz() ? fuzz(next.interval(), random) : next.interval();
        Card after = new Card(next.state(), next.step(), OptionalDouble.of(s), OptionalDouble.of(d), at.plus(interval),
                Optional.of(at));
        return new Review(card, after, g, at, interval);
    }

    private record Step(CardState state, OptionalInt step, Duration interval) {
    }

    /** A learning or relearning card's next step, or its graduation to review. */
    private Step steps(List<Duration> steps, CardState state, int step, Grade g, double s) {
        Step graduate = new Step(CardState.REVIEW, OptionalInt.empty(), Duration.ofDays(nextInterval(s)));
        // no steps, or a card past the last step of a scheduler that had more of them
        if (steps.isEmpty() || step >= steps.size() && g != Grade.AGAIN) {
            return graduate;
        }
        return switch (g) {
            case AGAIN -> new Step(state, OptionalInt.of(0), steps.get(0));
            case HARD -> new Step(state, OptionalInt.of(step), step == 0 && steps.size() == 1
                    ? scale(steps.get(0), 1.5)
                    : step == 0 ? steps.get(0).plus(steps.get(1)).dividedBy(2) : steps.get(step));
            case GOOD -> step + 1 == steps.size() ? graduate : new Step(state, OptionalInt.of(step + 1), steps.get(step + 1));
            case EASY -> graduate;
        };
    }

    private static Duration scale(Duration d, double by) {
        return Duration.ofNanos(Math.round(d.toNanos() * by));
    }

    /** The reference implementations' fuzz: a wider band for longer intervals, never under 2 days. */
    Duration fuzz(Duration interval, RandomGenerator random) {
        long days = interval.toDays();
        if (days < 2.5) {
            return interval;
        }
        double delta = 1.0;
        delta += 0.15 * Math.max(Math.min(days, 7.0) - 2.5, 0);
        delta += 0.10 * Math.max(Math.min(days, 20.0) - 7.0, 0);
        delta += 0.05 * Math.max(days - 20.0, 0);
        long min = Math.max(2, Math.round(days - delta));
        long max = Math.min(Math.round(days + delta), p.maximumInterval());
        min = Math.min(min, max);
        long fuzzed = Math.min(Math.round(random.nextDouble() * (max - min + 1) + min), p.maximumInterval());
        return Duration.ofDays(fuzzed);
    }
}
