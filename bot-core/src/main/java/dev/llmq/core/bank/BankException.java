package dev.llmq.core.bank;

import java.util.List;
import java.util.stream.Collectors;

/** A bank that could not be loaded, with every problem found (not just the first). */
public final class BankException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public BankException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the question bank:\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
