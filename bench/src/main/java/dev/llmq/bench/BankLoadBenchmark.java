package dev.llmq.bench;

import dev.llmq.core.bank.BankException;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loads (parses and validates) a generated 10,000-question bank from YAML bytes in memory.
 * Target: under 1 s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BankLoadBenchmark {
    static final int TOPICS = 20;
    static final int QUESTIONS = 10_000;

    byte[] yaml;

    @Setup(Level.Trial)
    public void setup() {
        yaml = BankYaml.generate(BankYaml.numberedTopics(TOPICS), QUESTIONS, 7);
        if (yaml.length > BankLoader.MAX_BYTES) {
            throw new IllegalStateException("generated bank is " + yaml.length + " bytes, over the loader's limit");
        }
        QuestionBank bank = BankYaml.load("gen.yaml", yaml);
        if (bank.size() != QUESTIONS || bank.topics().size() != TOPICS) {
            throw new IllegalStateException("generated bank has " + bank.topics().size() + " topics and "
                    + bank.size() + " questions");
        }
        System.out.printf("generated bank: %d topics, %d questions, %,d bytes of YAML%n",
                bank.topics().size(), bank.size(), yaml.length);
    }

    @Benchmark
    public QuestionBank load() throws BankException {
        return BankLoader.load(new BankLoader.Source("gen.yaml", yaml));
    }
}
