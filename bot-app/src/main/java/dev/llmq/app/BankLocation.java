package dev.llmq.app;

import dev.llmq.core.bank.BankException;
import dev.llmq.core.bank.BankLoader;
import dev.llmq.core.bank.QuestionBank;
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
record BankLocation(List<Path> paths) {
    static final String BUNDLED = "bank/questions.yaml";

    static BankLocation resolve(String option, Map<String, String> env) {
        String spec = option != null && !option.isBlank() ? option : env.get("LLMQ_QUESTIONS");
        if (spec != null && !spec.isBlank()) {
            return new BankLocation(split(spec));
        }
        Path local = Path.of("questions.yaml");
        return new BankLocation(Files.isRegularFile(local) ? List.of(local) : List.of());
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
