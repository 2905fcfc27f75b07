package dev.llmq.bench;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.stats.StatsImage;
import dev.llmq.core.stats.StudyStats;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stats card, warm: drawing it with Java2D and encoding the PNG, for the shipped bank's topics
 * (run from the repository's root, where questions.yaml is). The first render of a process is
 * measured by {@link StatsCardCold}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StatsCardBenchmark {
    @Param({"en", "zh"})
    public String lang;

    private StudyStats stats;
    private Lang language;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        QuestionBank bank = BankLoader.load(Path.of("questions.yaml"));
        language = Lang.parse(lang).orElseThrow();
        stats = StatsCards.busy(bank, language);
    }

    @Benchmark
    public byte[] render() throws StatsImage.CannotDraw {
        return StatsImage.png(stats, language);
    }
}
