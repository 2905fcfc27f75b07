package dev.llmq.core.bank.load;

import dev.llmq.core.bank.BankException;
import dev.llmq.core.bank.Problem;
import dev.llmq.core.bank.QuestionBank;
import java.nio.CharBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads and validates question-bank YAML files.
 *
 * <p>Each file is read on its own, several files in parallel: {@link Sources} (paths, size, UTF-8),
 * {@link YamlReader} (SnakeYAML's event API with safe-loading limits, into a located
 * {@link YamlTree}), {@link SchemaReader} (the bank schema). Then {@link CrossCheck} checks the
 * files together. Every problem carries its file, line and column; all are collected before
 * failing, sorted by place.
 */
public final class BankLoader {
    /** Largest bank file accepted. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    /** Most aliases to collections one file may use (refuses "billion laughs" bombs). */
    public static final int MAX_ALIASES = 50;
    /** Deepest nesting accepted; the schema needs 5. */
    public static final int MAX_DEPTH = 20;
    public static final int SUPPORTED_VERSION = 1;

    private BankLoader() {
    }

    /** One bank file's name (for messages) and bytes. */
    public record Source(String name, byte[] bytes) {
    }

    /** Loads files, or every {@code *.yaml} / {@code *.yml} in a directory, and merges them into one bank. */
    public static QuestionBank load(List<Path> paths) throws BankException {
        List<Problem> problems = new ArrayList<>();
        List<Source> sources = Sources.read(paths, problems);
        if (!problems.isEmpty()) {
            throw new BankException(problems);
        }
        return load(sources.toArray(new Source[0]));
    }

    public static QuestionBank load(Path... paths) throws BankException {
        return load(List.of(paths));
    }

    /** Loads and merges in-memory sources (tests, the bundled bank). */
    public static QuestionBank load(Source... sources) throws BankException {
        // One task per file; toList() keeps the sources' order, so the merge below is deterministic.
        Stream<Source> files = Stream.of(sources);
        List<SchemaReader.Parsed> parsed = (sources.length > 1 ? files.parallel() : files).map(BankLoader::parse).toList();
        List<Problem> problems = new ArrayList<>();
        List<RawTopic> topics = new ArrayList<>();
        List<RawQuestion> questions = new ArrayList<>();
        for (SchemaReader.Parsed p : parsed) {
            problems.addAll(p.problems());
            topics.addAll(p.topics());
            questions.addAll(p.questions());
        }
        CrossCheck.check(problems, topics, questions);
        if (!problems.isEmpty()) {
            Collections.sort(problems);
            throw new BankException(problems);
        }
        return new QuestionBank(
                topics.stream().map(RawTopic::build).toList(),
                questions.stream().map(RawQuestion::build).toList(),
                Stream.of(sources).map(Source::name).toList());
    }

    private static SchemaReader.Parsed parse(Source source) {
        List<Problem> problems = new ArrayList<>();
        CharBuffer text = Sources.text(source, problems);
        YamlTree root = text == null ? null : YamlReader.read(source.name(), text, problems);
        return root == null ? new SchemaReader.Parsed(problems, List.of(), List.of()) : SchemaReader.read(root, problems);
    }
}
