package dev.llmq.app;

import dev.llmq.core.bank.BankException;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.config.StartupFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the question bank comes from: {@code --questions}, else {@code LLMQ_QUESTIONS} (files or
 * directories, separated by commas or the path separator), else {@code ./questions.yaml}, else the
 * copy bundled in the jar.
 */
record BankLocation(List<Path> paths, String source) {
    static final String BUNDLED = "bank/questions.yaml";
    static final String VARIABLE = "LLMQ_QUESTIONS";

    /**
     * @param paths  the files and directories; empty for the bundled bank
     * @param source where they were named, for messages: {@code --questions}, {@code LLMQ_QUESTIONS},
     *               or {@code question bank} for the defaults
     */
    BankLocation {
        paths = List.copyOf(paths);
    }

    BankLocation(List<Path> paths) {
        this(paths, "question bank");
    }

    static BankLocation resolve(String option, Map<String, String> env) {
        if (option != null && !option.isBlank()) {
            return new BankLocation(split(option), "--questions");
        }
        String spec = env.get(VARIABLE);
        if (spec != null && !spec.isBlank()) {
            return new BankLocation(split(spec), VARIABLE);
        }
        Path local = Path.of("questions.yaml");
        return new BankLocation(Files.isRegularFile(local) ? List.of(local) : List.of());
    }

    /**
     * Refuses a named file or directory that does not exist, naming where it was set. (The loader
     * would report it as a bank problem, but a wrong path is a setting to fix, not a bad bank.)
     */
    void checkExists() {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw StartupFailure.setting(source, p + " does not exist", "name a question bank file or directory"
                        + (source.equals(VARIABLE) ? ", or unset " + VARIABLE + " to use the bundled bank" : ""));
            }
            if (!Files.isReadable(p)) {
                throw StartupFailure.setting(source, "cannot read " + p + " (permission denied)",
                        "make it readable by the user that runs llmq");
            }
        }
    }

    static List<Path> split(String spec) {
        List<Path> out = new ArrayList<>();
        for (String part : spec.split("[," + java.io.File.pathSeparator + "]")) {
            if (!part.isBlank()) {
                out.add(Path.of(part.strip()));
            }
        }
        return out;
    }

    boolean bundled() {
        return paths.isEmpty();
    }

    QuestionBank load() throws BankException {
        if (!bundled()) {
            return BankLoader.load(paths);
        }
        try (InputStream in = BankLocation.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("no questions.yaml here and none bundled in the jar");
            }
            return BankLoader.load(new BankLoader.Source("(bundled) questions.yaml", in.readAllBytes()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled bank", e);
        }
    }

    String describe() {
        return bundled() ? "the bundled questions.yaml" : paths.toString();
    }
}
