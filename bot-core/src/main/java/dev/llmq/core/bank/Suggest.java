package dev.llmq.core.bank;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /** The candidate closest to {@code input}, if it is close enough to be a likely typo. */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        int[] in = input.toLowerCase(Locale.ROOT).codePoints().toArray();
        int allowed = Math.max(1, Math.min(3, in.length / 3));
        String best = null;
        int bestDistance = allowed + 1;
        for (String c : candidates) {
            int[] cand = c.toLowerCase(Locale.ROOT).codePoints().toArray();
            if (Math.abs(cand.length - in.length) >= bestDistance) {
                continue; // the length difference alone rules it out
            }
            int d = distance(in, cand, bestDistance);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance over code points. */
    public static int distance(String a, String b) {
        return distance(a.codePoints().toArray(), b.codePoints().toArray(), Integer.MAX_VALUE);
    }

    /** Levenshtein distance, or any value {@code >= limit} once the distance is known to reach it. */
    private static int distance(int[] x, int[] y, int limit) {
        int[] prev = new int[y.length + 1];
        int[] cur = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= limit) {
                return rowMin;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length];
    }
}
