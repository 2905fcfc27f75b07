package dev.llmq.bench;

import dev.llmq.core.bank.BankException;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The bank load in a fresh JVM: loads a bank file once and prints how long it took, so that
 * nothing of the loader (classes, JIT) is warm. Run it once per JVM, several times:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.llmq.bench.BankLoadCold --write /tmp/gen-10k.yaml
 * for i in 1 2 3 4 5; do java -cp bench/target/benchmarks.jar dev.llmq.bench.BankLoadCold /tmp/gen-10k.yaml; done
 * </pre>
 *
 * The bank is the one {@link BankLoadBenchmark} loads (20 topics, 10,000 questions). With
 * {@code --write DIR N} it is written as N files in DIR instead (the topics and the first
 * questions in the first file, the other questions spread over the rest), to load as a
 * directory: the loader reads several files in parallel.
 */
public final class BankLoadCold {
    private BankLoadCold() {
    }

    public static void main(String[] args) throws IOException, BankException {
        if (args.length >= 2 && args[0].equals("--write")) {
            write(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1);
            return;
        }
        if (args.length == 0) {
            System.err.println("usage: BankLoadCold --write FILE | --write DIR PARTS | BankLoadCold FILE|DIR...");
            System.exit(2);
        }
        List<Path> paths = Stream.of(args).map(Path::of).toList();
        long start = System.nanoTime();
        QuestionBank bank = BankLoader.load(paths);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "cold load: %d ms (%d topics, %d questions, %d files)%n",
                ms, bank.topics().size(), bank.size(), bank.origins().size());
    }

    private static void write(Path to, int parts) throws IOException {
        String yaml = new String(BankYaml.generate(BankYaml.numberedTopics(BankLoadBenchmark.TOPICS),
                BankLoadBenchmark.QUESTIONS, 7), StandardCharsets.UTF_8);
        if (parts <= 1) {
            write(to, yaml);
            return;
        }
        Files.createDirectories(to);
        int from = 0;
        for (int p = 1; p <= parts; p++) {
            int cut = p == parts ? yaml.length()
                    : yaml.indexOf("\n  - id: q-" + String.format(Locale.ROOT, "%05d", p * BankLoadBenchmark.QUESTIONS / parts) + "\n") + 1;
            String part = (p == 1 ? "" : "version: 1\nquestions:\n") + yaml.substring(from, cut);
            Path file = to.resolve(String.format(Locale.ROOT, "gen-part-%d.yaml", p));
            write(file, part);
            from = cut;
        }
    }

    private static void write(Path file, String yaml) throws IOException {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        System.out.printf(Locale.ROOT, "wrote %s: %,d bytes%n", file, bytes.length);
    }
}
