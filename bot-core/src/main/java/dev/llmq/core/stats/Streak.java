package dev.llmq.core.stats;

import java.time.LocalDate;
import java.util.Collection;
import java.util.TreeSet;

/**
 * A member's streak: the days in a row on which they graded at least one question, in their zone.
 * Today counts once they grade; until then a streak that reached yesterday is still current (it
 * breaks only when a whole day passes without a grade).
 *
 * @param current the days in the streak that ends today or yesterday; 0 when none does
 * @param longest the longest run of days ever
 */
public record Streak(int current, int longest) {
    public Streak {
        if (current < 0 || longest < current) {
            throw new IllegalArgumentException("streak " + current + " of longest " + longest);
        }
    }

    /** The streak of the days in {@code days} (any order, repeats ignored) as seen on {@code today}. */
    public static Streak of(Collection<LocalDate> days, LocalDate today) {
        TreeSet<LocalDate> set = new TreeSet<>(days);
        set.removeIf(d -> d.isAfter(today)); // a clock set back cannot make a future day count
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate d : set) {
            run = previous != null && previous.plusDays(1).equals(d) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = d;
        }
        LocalDate end = set.contains(today) ? today : today.minusDays(1);
        int current = 0;
        for (LocalDate d = end; set.contains(d); d = d.minusDays(1)) {
            current++;
        }
        return new Streak(current, longest);
    }
}
