package dev.llmq.bench;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.stats.StatsImage;
import dev.llmq.core.stats.StudyStats;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The stats card's first render in a fresh JVM (the fonts read from the jar, Java2D's and ImageIO's
 * classes loaded, nothing compiled), then the next 30 in the same JVM, as a member meets it after a
 * restart. Run it once per JVM, from the repository's root:
 *
 * <pre>
 * for i in 1 2 3 4 5; do java -cp bench/target/benchmarks.jar dev.llmq.bench.StatsCardCold zh; done
 * </pre>
 */
public final class StatsCardCold {
    private StatsCardCold() {
    }

    public static void main(String[] args) throws Exception {
        Lang lang = Lang.parse(args.length > 0 ? args[0] : "en").orElseThrow();
        QuestionBank bank = BankLoader.load(Path.of("questions.yaml"));
        StudyStats stats = StatsCards.busy(bank, lang);
        long start = System.nanoTime();
        byte[] png = StatsImage.png(stats, lang);
        long first = System.nanoTime() - start;
        long[] next = new long[30];
        for (int i = 0; i < next.length; i++) {
            long t = System.nanoTime();
            StatsImage.png(stats, lang);
            next[i] = System.nanoTime() - t;
        }
        Arrays.sort(next);
        System.out.printf(Locale.ROOT, "first render: %.1f ms (%,d bytes); next 30: median %.1f ms, max %.1f ms (%s)%n",
                first / 1e6, png.length, next[next.length / 2] / 1e6, next[next.length - 1] / 1e6, lang.code());
    }
}
